package org.parallelsystemtools.pools.beyond;

/**
 * The tutorial's {@code apply_async} ×10 on {@code Pool(3)}, with a virtual thread per task, at
 * most three at a time (JDK 21+; the program is {@link VirtualPool21}). On an older JDK it says
 * in one line which JDK it needs.
 *
 * <pre>mvn -q -pl pools compile exec:java -Dprogram=beyond.VirtualPool   (JAVA_HOME: a JDK 21 or newer)</pre>
 */
public final class VirtualPool {

    private VirtualPool() {
    }

    public static void main(String[] args) throws Throwable {
        Options.runOnJdk(21, "VirtualPool", "org.parallelsystemtools.pools.beyond.VirtualPool21", args);
    }
}
