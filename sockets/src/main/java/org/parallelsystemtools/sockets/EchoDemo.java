package org.parallelsystemtools.sockets;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Lutz {@code socket_preview.py}: a server thread and five client threads talk over TCP port 50008.
 * A socket joins threads of one program exactly as it joins programs across a network: each
 * client sends its name, and the server answers with what it got.
 */
public final class EchoDemo {

    /** The book's port; {@code -Dport=N} picks another (the tests use free ones). */
    static final int PORT = Integer.getInteger("port", 50008);
    static final String HOST = "localhost";

    private EchoDemo() {
    }

    public static void main(String[] args) throws IOException {
        // The book binds inside the server thread, so a client that runs first is refused;
        // binding before any client starts removes that race.
        ServerSocket sock = listen(PORT);
        Thread sthread = new Thread(() -> server(sock));
        sthread.setDaemon(true);
        sthread.start();
        for (int i = 0; i < 5; i++) {
            String name = "client" + i;
            new Thread(() -> client(name)).start();
        }
    }

    /** Python's socket(), bind(('', port)) and listen(5): every interface, 5 pending clients. */
    static ServerSocket listen(int port) throws IOException {
        return new ServerSocket(port, 5);
    }

    /** One client at a time: read what has arrived (at most 1024 bytes), answer, close. */
    static void server(ServerSocket sock) {
        while (true) {
            // Python closes conn when the next accept() rebinds the name; Java closes it here.
            try (Socket conn = sock.accept()) {
                byte[] data = new byte[1024];
                int n = Math.max(0, conn.getInputStream().read(data));      // recv(1024)
                String reply = "server got: [" + new String(data, 0, n, UTF_8) + "]";
                conn.getOutputStream().write(reply.getBytes(UTF_8));       // send: no newline
            } catch (IOException e) {
                // a client that vanished costs nothing; Python's server thread would die here
            }
        }
    }

    static void client(String name) {
        try {
            // Python prints the reply's repr, b'...'; Java decodes the bytes and prints text.
            System.out.println("client got: [" + ask(HOST, PORT, name) + "]");
        } catch (IOException e) {
            throw new UncheckedIOException(e);    // like Python: this thread dies with a trace
        }
    }

    /** Connect, send the name, read once (at most 1024 bytes), close: the book's client. */
    static String ask(String host, int port, String name) throws IOException {
        try (Socket sock = new Socket(host, port)) {
            sock.getOutputStream().write(name.getBytes(UTF_8));
            byte[] reply = new byte[1024];
            int n = Math.max(0, sock.getInputStream().read(reply));       // no wait for the close
            return new String(reply, 0, n, UTF_8);
        }
    }
}

/* Output: (unordered)
client got: [server got: [client3]]
client got: [server got: [client1]]
client got: [server got: [client0]]
client got: [server got: [client2]]
client got: [server got: [client4]]
*/
