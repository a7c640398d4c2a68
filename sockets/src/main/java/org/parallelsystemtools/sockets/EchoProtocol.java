package org.parallelsystemtools.sockets;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.Arrays;

/**
 * The wire format EchoServer and EchoClient agree on. TCP carries a stream of bytes, not
 * messages: the seed's recv(1024) only works because a tiny send happens to arrive in one piece.
 * Here a message ends at a newline (or at the client's end of stream) and is at most 1024 bytes.
 */
final class EchoProtocol {

    static final int MAX_MESSAGE = 1024;
    static final int MAX_REPLY = 4096;
    static final String TOO_LONG = "server error: message longer than " + MAX_MESSAGE + " bytes";
    static final String BUSY = "server busy: try again later";

    /** A message with no newline within MAX_MESSAGE bytes. */
    static final class TooLongException extends IOException {
        private static final long serialVersionUID = 1L;
    }

    private EchoProtocol() {
    }

    /** The seed's answer, as the bytes that go on the wire (the charset is always named). */
    static byte[] reply(byte[] message) {
        return ("server got: [" + new String(message, UTF_8) + "]\n").getBytes(UTF_8);
    }

    static byte[] line(String text) {
        return (text + "\n").getBytes(UTF_8);
    }

    /** Server side: one message without its newline; null if the stream ends before any byte. */
    static byte[] readMessage(InputStream in) throws IOException {
        byte[] buf = new byte[MAX_MESSAGE];
        int n = 0;
        while (true) {
            int b = in.read(); // in is buffered: one system call fills many of these
            if (b == -1) {
                return n == 0 ? null : Arrays.copyOf(buf, n);
            }
            if (b == '\n') {
                return Arrays.copyOf(buf, n > 0 && buf[n - 1] == '\r' ? n - 1 : n);
            }
            if (n == MAX_MESSAGE) {
                throw new TooLongException();
            }
            buf[n++] = (byte) b;
        }
    }

    /** Client side: one reply line (the server writes it whole); null at end of stream. */
    static String readReply(InputStream in) throws IOException {
        byte[] buf = new byte[MAX_REPLY];
        int n = 0;
        while (n < buf.length) {
            int got = in.read(buf, n, buf.length - n);
            if (got < 0) {
                break;
            }
            n += got;
            if (buf[n - 1] == '\n') {
                return new String(buf, 0, n - 1, UTF_8);
            }
        }
        return n == 0 ? null : new String(buf, 0, n, UTF_8);
    }

    /**
     * Closing a socket with unread input makes the kernel send a reset, which can destroy an
     * answer before the client reads it. So: send our end of stream, then read and discard
     * (at most 1 MB, for at most a second of silence) until the client closes too.
     */
    static void drainAndClose(Socket socket, InputStream in) {
        try (socket) {
            socket.shutdownOutput();
            socket.setSoTimeout(1_000);
            byte[] sink = new byte[8192];
            for (int total = 0, n = 0; n >= 0 && total < (1 << 20); total += n) {
                n = in.read(sink);
            }
        } catch (IOException e) {
            // the client went away first: nothing left to protect
        }
    }
}
