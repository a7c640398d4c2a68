package org.parallelsystemtools.forking;

import java.io.BufferedReader;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The tutorial's {@code Process.terminate()}: a child that would report ten times is stopped by
 * its parent after a second, and {@code join} then collects it.
 *
 * <p>{@code terminate()} is {@code destroy()}, which sends SIGTERM as Python does. A forked child
 * runs at once; a JVM child needs a tenth of a second or more before its first line, so here the
 * parent reads that line through a pipe and counts its second from there.
 */
public final class ProcessTerminate {

    public static void main(String[] args) throws Exception {
        if (Relaunch.isChild(args)) {
            runTask(args[1], Integer.parseInt(args[2]), Map.of(args[3], Integer.parseInt(args[4])));
            return;
        }
        System.out.println("Parent process: " + ProcessHandle.current().pid());
        System.out.println("Child process starting");
        Process p = Relaunch.start(ProcessTerminate.class, "test", "18", "m", "20");
        BufferedReader lines = p.inputReader();
        System.out.println(lines.readLine());
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

/* Output:
Parent process: 19594
Child process starting
Child running: name=test, age=18, pid=19666
Extra args: {'m': 20}
Child running: name=test, age=18, pid=19666
Extra args: {'m': 20}
...
Child process terminated
*/
