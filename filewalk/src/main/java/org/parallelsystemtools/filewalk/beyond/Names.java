package org.parallelsystemtools.filewalk.beyond;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.StringJoiner;

/**
 * Path names as Python shows them. A Linux file name is bytes, not text. Python decodes them as
 * UTF-8 and keeps each undecodable byte as a lone surrogate (U+DC80..U+DCFF, "surrogateescape").
 * Java decodes them with the platform charset (sun.jnu.encoding: UTF-8, or ASCII in a C locale)
 * and shows an undecodable byte as U+FFFD. The Path still holds the real bytes, so walking and
 * stat work; only the text shown is lossy.
 *
 * <p>JDK 17's one public window on those bytes is {@link Path#toUri()}, which percent-encodes
 * them. The shown path is built from the Path's own names; only a name that did not decode takes
 * its bytes from the URI, found by its place counted from the end. So neither the working folder
 * nor whether the user may stat a folder (which decides toUri()'s trailing slash) changes it.
 */
final class Names {
    private static final char REPLACEMENT = '\uFFFD';

    private Names() { }

    /** The path as Python would show it. */
    static String display(Path path) {
        String text = path.toString();
        if (text.indexOf(REPLACEMENT) < 0) {
            return text;                                 // the usual case: decoded without loss
        }
        String raw = path.toAbsolutePath().toUri().getRawPath();
        if (raw.length() > 1 && raw.endsWith("/")) {
            raw = raw.substring(0, raw.length() - 1);   // toUri() marks a folder it could stat
        }
        String[] encoded = raw.split("/", -1);
        int names = path.getNameCount();
        StringJoiner shown = new StringJoiner("/", path.isAbsolute() ? "/" : "", "");
        for (int i = 0; i < names; i++) {
            String name = path.getName(i).toString();
            shown.add(name.indexOf(REPLACEMENT) < 0 ? name
                    : decodeLikePython(percentDecode(encoded[encoded.length - names + i])));
        }
        return shown.toString();
    }

    private static byte[] percentDecode(String raw) {
        ByteBuffer bytes = ByteBuffer.allocate(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                bytes.put((byte) Integer.parseInt(raw, i + 1, i + 3, 16));
                i += 2;
            } else {
                bytes.put((byte) c);
            }
        }
        return Arrays.copyOf(bytes.array(), bytes.position());
    }

    /** bytes.decode('utf-8', 'surrogateescape'). */
    static String decodeLikePython(byte[] name) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(name);
        CharBuffer out = CharBuffer.allocate(name.length);
        while (true) {
            CoderResult result = utf8.decode(in, out, true);
            if (!result.isError()) {
                break;
            }
            for (int i = 0; i < result.length(); i++) {
                out.put((char) (0xDC00 | (in.get() & 0xFF)));
            }
        }
        return out.flip().toString();
    }

    /** Why an entry could not be read, in the words {@code find} and Python use. */
    static String reason(Path path, IOException e) {
        if (e instanceof NoSuchFileException) {
            return Files.isSymbolicLink(path) ? "broken link" : "vanished during the walk";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();                      // e.g. "Too many levels of symbolic links"
        }
        return e.toString();
    }

    /** Python compares str by code point; Java's compareTo by UTF-16 unit differs above U+FFFF. */
    static int comparePython(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
