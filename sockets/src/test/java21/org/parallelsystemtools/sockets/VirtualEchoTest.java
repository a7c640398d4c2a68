package org.parallelsystemtools.sockets;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.parallelsystemtools.sockets.beyond.EchoServer;

/** EchoServer --virtual (JDK 21+): 10,000 clients connected at once, all held, all answered. */
class VirtualEchoTest {

    /** How long a run may take on a machine far busier than usual (a failure, not a wait). */
    private static final Duration SLOW = Duration.ofSeconds(120);

    private static final int CLIENTS = 10_000;

    @Test
    void tenThousandSilentClientsDoNotKeepTheNextOneWaiting() throws Exception {
        // Each connection is a file descriptor here and one in the server.
        Assumptions.assumeTrue(openFileLimit() >= CLIENTS + 500,
                "skipped: ulimit -n is " + openFileLimit() + ", below " + (CLIENTS + 500));
        int port = SocketChecks.freePort();
        RealProcess.Running server = RealProcess.of(EchoServer.class).timeout(SLOW).jvm("-Xss256k")
                .args("--port", String.valueOf(port), "--virtual", "--timeout", "120000").start();
        List<SocketChannel> clients = new ArrayList<>();
        try {
            server.awaitOutput(out -> out.contains("listening"));
            InetSocketAddress address = new InetSocketAddress(SocketChecks.LOOPBACK, port);
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(SocketChannel.open(address));
            }
            // 9,999 clients have sent nothing: each holds a thread of the server, blocked in a
            // read. A pool of 16 workers would be stuck on the first 16; one virtual thread per
            // connection answers the last client at once.
            assertEquals("server got: [client9999]", ask(clients.get(CLIENTS - 1), "client9999"));
            for (int i = 0; i < CLIENTS - 1; i++) {
                clients.get(i).write(ByteBuffer.wrap(("client" + i).getBytes(UTF_8)));
            }
            for (int i = 0; i < CLIENTS - 1; i++) {
                assertEquals("server got: [client" + i + "]", read(clients.get(i)));
            }
        } finally {
            for (SocketChannel c : clients) {
                c.close();
            }
            try {
                server.signal("TERM");
                RealProcess.Result ended = server.finish();
                assertEquals(143, ended.code(), ended.terminal());
                assertTrue(ended.out().contains(": " + CLIENTS + " answered, 0 dropped"), ended.terminal());
            } finally {
                server.kill();
            }
        }
    }

    private static String ask(SocketChannel channel, String message) throws IOException {
        channel.write(ByteBuffer.wrap(message.getBytes(UTF_8)));
        return read(channel);
    }

    /** Reads to the server's close. */
    private static String read(SocketChannel channel) throws IOException {
        ByteBuffer reply = ByteBuffer.allocate(100);
        while (channel.read(reply) > 0) {
            // until the end of stream
        }
        return new String(reply.array(), 0, reply.position(), UTF_8);
    }

    private static long openFileLimit() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
            if (line.startsWith("Max open files")) {
                return Long.parseLong(line.substring(26).trim().split("\\s+")[0]);
            }
        }
        return 0;
    }
}
