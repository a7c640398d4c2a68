package org.parallelsystemtools.threading.beyond;

/**
 * Virtual threads beside platform threads: the program is {@code VirtualThreads21}, which needs JDK 21
 * or newer and is compiled only when Maven runs on one. This class exists on every JDK, so that on
 * JDK 17 the program says in one line which JDK it needs instead of failing to load.
 *
 * <pre>
 * mvn -q -pl threading compile exec:java -Dprogram=beyond.VirtualThreads
 * </pre>
 */
public final class VirtualThreads {

    private VirtualThreads() {
    }

    public static void main(String[] args) throws Throwable {
        Options.runOnJdk(21, "VirtualThreads", "org.parallelsystemtools.threading.beyond.VirtualThreads21", args);
    }
}
