package org.parallelsystemtools.sockets;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

/**
 * What Python gives the book's socket programs for free: the repr of bytes that {@code print}
 * shows, and the traceback that ends a program, here one line and a status.
 */
final class BookPython {

    /** Who says what went wrong: EchoDemo, or SocketPrograms, which runs EchoDemo's code. */
    static String program = "EchoDemo";

    private BookPython() {
    }

    /** Python 3's '%s' % some_bytes: the repr, b'...', which Java has no call for. */
    static String repr(byte[] bytes) {
        String text = new String(bytes, ISO_8859_1);
        char q = text.contains("'") && !text.contains("\"") ? '"' : '\'';
        StringBuilder out = new StringBuilder("b").append(q);
        for (char c : text.toCharArray()) {
            out.append(c == q || c == '\\' ? "\\" + c : c >= ' ' && c < 0x7f ? String.valueOf(c) : c == '\n' ? "\\n"
                    : c == '\r' ? "\\r" : c == '\t' ? "\\t" : String.format("\\x%02x", (int) c));
        }
        return out.append(q).toString();
    }

    /** The -Dport=N property (the tests pass free ones), 50008 as in the book. */
    static int port() {
        String p = System.getProperty("port", "50008");
        return p.matches("\\d{1,5}") && Integer.parseInt(p) >= 1 && Integer.parseInt(p) <= 65535 ? Integer.parseInt(p)
                : fail(2, "-Dport must be a port number from 1 to 65535, not '" + p + "'");
    }

    /** One line and a status, once, however many threads fail at the same moment. */
    static synchronized <T> T fail(int status, String message) {
        System.err.println(program + ": " + message);
        System.exit(status);
        return null;
    }
}
