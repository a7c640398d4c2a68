package org.parallelsystemtools.forking;

import java.io.BufferedReader;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The tutorial's {@code Process.terminate()}: a child that would report ten times is stopped by
 * its parent after a second, and {@code join} then collects it.
 *
 * <p>{@code terminate()} is {@code destroy()}, which sends SIGTERM as Python does. Python counts
 * its second from {@code start()}, when the forked child already runs and has not yet printed. A
 * JVM child runs only once its JVM is up, a tenth of a second or more later: so the child says
 * {@code up} (a line the parent keeps to itself) and waits for the parent's go, and the parent
 * counts its second from that go. The child then prints at 0 s and 0.5 s, and its 1 s line comes
 * after the parent's {@code terminate()}: two rounds, as in Python.
 */
public final class ProcessTerminate {

    public static void main(String[] args) throws Exception {
        if (Relaunch.isChild(args)) {
            if (args.length != 5 || !args[2].matches("\\d{1,9}") || !args[4].matches("\\d{1,9}")) {
                System.err.println("ProcessTerminate: its child is started by ProcessTerminate itself (usage: ProcessTerminate)");
                System.exit(2);
            }
            System.out.println("up");
            System.in.read();       // the parent's go: its p.start()
            runTask(args[1], Integer.parseInt(args[2]), Map.of(args[3], Integer.parseInt(args[4])));
            return;
        }
        System.out.println("Parent process: " + ProcessHandle.current().pid());
        System.out.println("Child process starting");
        Process p = Relaunch.start(ProcessTerminate.class, "test", "18", "m", "20");
        BufferedReader lines = p.inputReader();
        lines.readLine();               // "up": the child's JVM is ready
        p.getOutputStream().close();    // go
        Thread copy = new Thread(() -> {
            try {
                lines.lines().forEach(System.out::println);
            } catch (UncheckedIOException e) {
                // Once the child has ended, the JDK closes its pipe, even under a waiting reader.
            }
        });
        copy.start();
        Pace.sleep(1);
        p.destroy();            // p.terminate()
        p.waitFor();            // p.join()
        copy.join();
        System.out.println("Child process terminated");
    }

    static void runTask(String name, int age, Map<String, Integer> kwargs) {
        // Python's dict as the tutorial prints it; a Java Map would print {m=20}.
        String dict = kwargs.entrySet().stream().map(e -> "'" + e.getKey() + "': " + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
        for (int i = 0; i < 10; i++) {
            System.out.println("Child running: name=" + name + ", age=" + age + ", pid=" + ProcessHandle.current().pid());
            System.out.println("Extra args: " + dict);
            Pace.sleep(0.5);
        }
    }
}

/* Output: (vary 13321 13343)
Parent process: 13321
Child process starting
Child running: name=test, age=18, pid=13343
Extra args: {'m': 20}
Child running: name=test, age=18, pid=13343
Extra args: {'m': 20}
Child process terminated
*/
