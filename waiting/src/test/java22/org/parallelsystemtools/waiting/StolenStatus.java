package org.parallelsystemtools.waiting;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * What a Java program must never do, done in a throwaway JVM: call {@code waitpid(-1)} itself.
 * Each round starts {@code sh -c 'exit 7'} with ProcessBuilder and then waits for "any child".
 * The JDK's reaper thread is already waiting for that child too; whenever our waitpid wins the
 * race it takes the 7, and the reaper, finding no child left, makes {@code waitFor()} report 0.
 * Prints one line per round: {@code round N: waitpid(-1) -> PID raw STATUS; waitFor() of PID -> CODE}.
 */
final class StolenStatus {

    public static void main(String[] args) throws Throwable {
        int rounds = Integer.parseInt(args[0]);
        int enough = Integer.parseInt(args[1]);
        Linker linker = Linker.nativeLinker();
        MethodHandle waitpid = linker.downcallHandle(linker.defaultLookup().find("waitpid").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
        int stolen = 0;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment status = arena.allocate(JAVA_INT);
            for (int round = 1; round <= rounds && stolen < enough; round++) {
                status.set(JAVA_INT, 0, -1);
                Process child = new ProcessBuilder("sh", "-c", "exit 7").start();
                int reaped = (int) waitpid.invokeExact(-1, status, 0);
                int code = child.waitFor();
                System.out.printf("round %d: waitpid(-1) -> %d raw %d; waitFor() of %d -> %d%n",
                        round, reaped, status.get(JAVA_INT, 0), child.pid(), code);
                if (reaped == child.pid()) {
                    stolen++;
                }
            }
        }
    }
}
