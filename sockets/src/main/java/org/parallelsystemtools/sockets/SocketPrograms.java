package org.parallelsystemtools.sockets;

/**
 * Lutz {@code socket-preview-progs.py}: EchoDemo's server and client, run as separate programs.
 * The same socket code that joined threads joins processes: start the server in one terminal
 * ({@code 1}), then one client process ({@code 2}) or five client threads (any other number).
 * The output below is {@code SocketPrograms 2}, then {@code SocketPrograms 0}, beside a running
 * {@code SocketPrograms 1}, which prints nothing.
 */
public final class SocketPrograms {

    private SocketPrograms() {
    }

    public static void main(String[] args) {
        BookPython.program = "SocketPrograms";
        if (args.length != 1 || !args[0].matches("-?\\d{1,18}")) {
            // Python stops with an IndexError or a ValueError traceback here.
            BookPython.fail(2, "MODE must be a whole number (usage: SocketPrograms MODE:"
                    + " 1 = server, 2 = client process, other = client threads)");
        }
        long mode = Long.parseLong(args[0]);
        if (mode == 1) {
            EchoDemo.server(EchoDemo.listen(BookPython.port()));      // runs until Ctrl-C
        } else if (mode == 2) {
            EchoDemo.client("client:process=" + ProcessHandle.current().pid());
        } else {
            for (int i = 0; i < 5; i++) {
                String name = "client:thread=" + i;
                new Thread(() -> EchoDemo.client(name)).start();
            }
        }
    }
}

/* Output: (unordered; vary 14956)
client got: [b"server got: [b'client:process=14956']"]
client got: [b"server got: [b'client:thread=3']"]
client got: [b"server got: [b'client:thread=4']"]
client got: [b"server got: [b'client:thread=1']"]
client got: [b"server got: [b'client:thread=0']"]
client got: [b"server got: [b'client:thread=2']"]
*/
