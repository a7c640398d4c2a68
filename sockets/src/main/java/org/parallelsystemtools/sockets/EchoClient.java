package org.parallelsystemtools.sockets;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;

/**
 * The seed's client as a program of its own: for each message, connect to an EchoServer (on this
 * machine or another: --host, --port), send the message as one line and print
 * {@code Client got: [server got: [message]]}.
 */
public final class EchoClient {

    private static final String USAGE =
            "usage: EchoClient [--host NAME] [--port N] [--timeout MS] [MESSAGE ...]";

    private EchoClient() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String host;
        int port;
        int timeout;
        List<String> messages;
        try {
            Options o = Options.parse(args, Set.of("--host", "--port", "--timeout"), Set.of());
            host = o.value("--host", "localhost");
            port = o.intValue("--port", EchoDemo.DEFAULT_PORT, 1, 65535);
            timeout = o.intValue("--timeout", 5_000, 1, 3_600_000);
            messages = o.positional().isEmpty() ? List.of("client0") : o.positional();
            for (String m : messages) {
                if (m.indexOf('\n') >= 0) {
                    throw new Options.UsageException("a message is one line: no newline inside");
                }
            }
        } catch (Options.UsageException e) {
            err.println("EchoClient: " + e.getMessage() + " (" + USAGE + ")");
            return 2;
        }
        String where = host + ":" + port;
        try {
            InetSocketAddress server = new InetSocketAddress(host, port); // resolves the name
            if (server.isUnresolved()) {
                throw new UnknownHostException(host);
            }
            boolean allAnswered = true;
            for (String message : messages) {
                String reply = exchange(server, message, timeout);
                out.println("Client got: [" + reply + "]");
                allAnswered &= reply.startsWith("server got: ");
            }
            return allAnswered ? 0 : 1;
        } catch (UnknownHostException e) {
            err.println("EchoClient: unknown host: " + host);
        } catch (ConnectException e) {
            err.println("EchoClient: connection refused by " + where + " (is EchoServer running?)");
        } catch (SocketTimeoutException e) {
            err.println("EchoClient: no reply from " + where + " within " + timeout + " ms");
        } catch (IOException e) {
            err.println("EchoClient: " + where + ": " + e.getMessage());
        }
        return 1;
    }

    /**
     * One message on one connection, the seed's protocol; returns the reply without newline.
     * A timeout of 0 waits forever, as a Python socket does by default.
     */
    static String exchange(InetSocketAddress server, String message, int timeoutMillis)
            throws IOException {
        // Proxy.NO_PROXY connects directly, as a Python socket does. A plain new Socket() asks
        // the ProxySelector on every connect whether a SOCKS proxy is configured.
        try (Socket sock = new Socket(Proxy.NO_PROXY)) {
            sock.connect(server, timeoutMillis);
            sock.setSoTimeout(timeoutMillis);
            sock.getOutputStream().write(EchoProtocol.line(message));
            InputStream in = sock.getInputStream();
            String reply = EchoProtocol.readReply(in);
            if (reply == null) {
                throw new IOException("the server closed the connection without a reply");
            }
            // Wait for the server's end of stream, then close with SO_LINGER 0: a reset instead of
            // a FIN. Both sides are done by then, so the reset only discards what the kernel still
            // keeps for this connection (the server's half-closed socket) and nobody is left in
            // TIME_WAIT. A normal close would leave one TIME_WAIT entry per message for a
            // minute: at thousands of connections a second that is hundreds of thousands.
            try {
                if (in.read() == -1) {
                    sock.setSoLinger(true, 0);
                }
            } catch (IOException e) {
                // the reply is what counts; a reset after it changes nothing
            }
            return reply;
        }
    }
}
