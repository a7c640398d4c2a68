package org.parallelsystemtools.sockets.beyond;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The book's echo over a Unix-domain socket (JDK 16+): EchoServer listens on a socket file
 * instead of a port, and K client threads each send their name and print the reply. Only
 * programs on this machine that may open the file can connect: no port, no network, no
 * TIME_WAIT. The socket file is removed when the server closes.
 */
public final class UnixEcho {

    private static final String USAGE = "UnixEcho [--path SOCKET-FILE] [--clients N] [--serve]";

    private UnixEcho() {
    }

    public static void main(String[] args) throws Exception {
        Options o = new Options("UnixEcho", USAGE, args, "--path", "--clients", "--serve!");
        o.positional(0);
        int clients = o.whole("--clients", 5, 1, 1000);
        boolean serve = o.flag("--serve");
        Path dir = o.text("--path", null) == null ? Files.createTempDirectory("unixecho") : null;
        Path path = dir != null ? dir.resolve("echo.sock") : Path.of(o.text("--path", null));
        if (path.toString().getBytes(UTF_8).length > 107) { // sun_path holds 108 bytes
            o.fail("--path must be at most 107 bytes long, not " + path.toString().length());
        }
        if (Files.exists(path)) {
            System.err.println("UnixEcho: " + path + " already exists (another server, or left over: remove it)");
            System.exit(1);
        }
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(path);
        AtomicInteger failed = new AtomicInteger();
        try (EchoServer server = EchoServer.start(new EchoServer.Config(address, 5_000, false, 1_000),
                System.err)) {
            // Ctrl-C or SIGTERM runs the hooks but no finally block: the hook removes the file.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                removeQuietly(path, dir);
            }, "unixecho-cleanup"));
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String name = "client" + i;
                Thread t = new Thread(() -> {
                    try {
                        System.out.println("client got: [" + ask(address, name) + "]");
                    } catch (IOException e) {
                        System.err.println("UnixEcho: " + name + ": " + e.getMessage());
                        failed.incrementAndGet();
                    }
                });
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            if (serve) {
                System.err.println("UnixEcho: serving on " + path + " until Ctrl-C");
                server.awaitClosed();
            }
        } catch (IOException e) {
            System.err.println("UnixEcho: cannot listen on " + path + ": " + e.getMessage());
            System.exit(1);
        } finally {
            removeQuietly(path, dir);
        }
        if (failed.get() > 0) {
            System.exit(1);
        }
    }

    /** The socket file, and the folder made for it (none when given --path). */
    private static void removeQuietly(Path path, Path dir) {
        try {
            Files.deleteIfExists(path);
            if (dir != null) {
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            System.err.println("UnixEcho: cannot remove " + path + ": " + e.getMessage());
        }
    }

    /** The book's client over a socket file: connect, send, read the reply, close. */
    static String ask(UnixDomainSocketAddress address, String name) throws IOException {
        try (SocketChannel sock = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            sock.connect(address);
            sock.write(ByteBuffer.wrap(name.getBytes(UTF_8)));
            ByteBuffer reply = ByteBuffer.allocate(EchoServer.MAX_MESSAGE + 64);
            while (sock.read(reply) > 0 && reply.get(reply.position() - 1) != ']') {
                // a reply can arrive in pieces; it ends with ']' and the server's close
            }
            return new String(reply.array(), 0, reply.position(), UTF_8);
        }
    }
}
