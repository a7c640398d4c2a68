package org.parallelsystemtools.sockets.beyond;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;

/**
 * The book's client as a program of its own: for each message, connect (to EchoServer, the
 * book's Python server, or any server of the book's protocol), send the message as it is, and
 * print {@code client got: [reply]}. Exit status 1 if a reply is not {@code server got: ...}.
 */
public final class EchoClient {

    private static final String USAGE = "EchoClient [--host NAME] [--port N] [--timeout MS] [MESSAGE ...]";

    private EchoClient() {
    }

    public static void main(String[] args) {
        Options o = new Options("EchoClient", USAGE, args, "--host", "--port", "--timeout");
        String host = o.text("--host", "localhost");
        int port = o.whole("--port", EchoServer.DEFAULT_PORT, 1, 65535);
        int timeout = o.whole("--timeout", 5_000, 1, 3_600_000);
        List<String> messages = o.positional(1000);
        for (String m : messages) {
            if (m.indexOf('\n') >= 0 || m.getBytes(UTF_8).length > EchoServer.MAX_MESSAGE) {
                o.fail("a message is at most " + EchoServer.MAX_MESSAGE + " bytes, with no newline");
            }
        }
        String where = host + ":" + port;
        InetSocketAddress server = new InetSocketAddress(host, port); // resolves the name
        if (server.isUnresolved()) {
            System.err.println("EchoClient: unknown host: " + host);
            System.exit(1);
        }
        boolean allAnswered = true;
        try {
            for (String message : messages.isEmpty() ? List.of("client0") : messages) {
                String reply = exchange(server, message, timeout);
                System.out.println("client got: [" + reply + "]");
                allAnswered &= reply.startsWith("server got: ");
            }
        } catch (ConnectException e) {
            System.err.println("EchoClient: connection refused by " + where + " (is a server running?)");
            System.exit(1);
        } catch (SocketTimeoutException e) {
            System.err.println("EchoClient: no reply from " + where + " within " + timeout + " ms");
            System.exit(1);
        } catch (IOException e) {
            System.err.println("EchoClient: " + where + ": " + e.getMessage());
            System.exit(1);
        }
        if (!allAnswered) {
            System.exit(1);
        }
    }

    /**
     * One message on one connection, the book's protocol. The reply is complete at the server's
     * close, at a newline (EchoServer's errors), or at its closing ']': the book's Python server
     * sends neither of the first two, and keeps the connection open until its next client.
     */
    public static String exchange(InetSocketAddress server, String message, int timeoutMillis) throws IOException {
        // Proxy.NO_PROXY connects directly, as a Python socket does; a plain new Socket() asks
        // the ProxySelector about a SOCKS proxy on every connect.
        try (Socket sock = new Socket(Proxy.NO_PROXY)) {
            sock.connect(server, timeoutMillis);
            sock.setSoTimeout(timeoutMillis);
            sock.getOutputStream().write(message.getBytes(UTF_8));
            InputStream in = sock.getInputStream();
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            for (int n; reply.size() < 65536 && (n = in.read(buf)) > 0; ) {
                reply.write(buf, 0, n);
                if (buf[n - 1] == '\n' || buf[n - 1] == ']') {
                    break;
                }
            }
            String text = reply.toString(UTF_8);
            if (text.isEmpty()) {
                throw new IOException("the server closed the connection without a reply");
            }
            return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        }
    }
}
