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

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !args[0].matches("-?\\d+")) {
            // Python stops with an IndexError or a ValueError traceback here.
            System.err.println("usage: SocketPrograms MODE (1 = server, 2 = client process, other = client threads)");
            System.exit(2);
        }
        int mode = Integer.parseInt(args[0]);
        if (mode == 1) {
            EchoDemo.server(EchoDemo.listen(EchoDemo.PORT));      // runs until Ctrl-C
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

/* Output: (unordered)
client got: [server got: [client:process=14956]]
client got: [server got: [client:thread=3]]
client got: [server got: [client:thread=4]]
client got: [server got: [client:thread=1]]
client got: [server got: [client:thread=0]]
client got: [server got: [client:thread=2]]
*/
