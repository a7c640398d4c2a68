package org.parallelsystemtools.sockets;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Test-side launcher for child JVMs: halts when the test JVM (its parent) ends, then runs the
 * program named by its first argument. So even a killed test run leaves no server behind.
 */
public final class WatchParent {

    private WatchParent() {
    }

    public static void main(String[] args) throws Exception {
        ProcessHandle.current().parent()
                .ifPresent(p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(3)));
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }
}
