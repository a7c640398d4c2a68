package org.parallelsystemtools.sockets;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;

/**
 * Lutz {@code socket_preview.py}: a server thread and five client threads talk over TCP port 50008.
 * A socket joins threads of one program exactly as it joins programs across a network: each
 * client sends its name, and the server answers with what it got.
 */
public final class EchoDemo {

    static final String HOST = "localhost";

    private EchoDemo() {
    }

    public static void main(String[] args) {
        // The book binds inside the server thread, so a client that runs first is refused;
        // binding before any client starts removes that race.
        ServerSocket sock = listen(BookPython.port());
        Thread sthread = new Thread(() -> server(sock));
        sthread.setDaemon(true);
        sthread.start();
        for (int i = 0; i < 5; i++) {
            String name = "client" + i;
            new Thread(() -> client(name)).start();
        }
    }

    /** Python's socket(), bind(('', port)) and listen(5): every interface, 5 pending clients. */
    static ServerSocket listen(int port) {
        try {
            return new ServerSocket(port, 5);
        } catch (IOException e) { // Python stops with an OSError traceback
            return BookPython.fail(1, "cannot listen on port " + port + " (" + e.getMessage()
                    + "): choose another with -Dport=N");
        }
    }

    /** One client at a time: read what has arrived (at most 1024 bytes), answer, close. */
    static void server(ServerSocket sock) {
        while (true) {
            // Python closes conn when the next accept() rebinds the name; Java closes it here.
            try (Socket conn = sock.accept()) {
                byte[] data = new byte[1024];
                int n = Math.max(0, conn.getInputStream().read(data));      // recv(1024)
                String reply = "server got: [" + BookPython.repr(Arrays.copyOf(data, n)) + "]";
                conn.getOutputStream().write(reply.getBytes(UTF_8));       // send: no newline
            } catch (IOException e) {
                // a client that vanished costs nothing; Python's server thread would die here
            }
        }
    }

    static void client(String name) {
        try {
            System.out.println("client got: [" + BookPython.repr(ask(HOST, BookPython.port(), name)) + "]");
        } catch (IOException e) { // Python: a traceback per thread; here one line, status 1
            BookPython.fail(1, "no server at " + HOST + ":" + BookPython.port() + " (" + e.getMessage()
                    + "): start one first (SocketPrograms 1)");
        }
    }

    /** Connect, send the name, read once (at most 1024 bytes), close: the book's client. */
    static byte[] ask(String host, int port, String name) throws IOException {
        try (Socket sock = new Socket(host, port)) {
            sock.getOutputStream().write(name.getBytes(UTF_8));
            byte[] reply = new byte[1024];
            int n = Math.max(0, sock.getInputStream().read(reply));       // no wait for the close
            return Arrays.copyOf(reply, n);
        }
    }
}

/* Output: (unordered)
client got: [b"server got: [b'client3']"]
client got: [b"server got: [b'client1']"]
client got: [b"server got: [b'client0']"]
client got: [b"server got: [b'client2']"]
client got: [b"server got: [b'client4']"]
*/
