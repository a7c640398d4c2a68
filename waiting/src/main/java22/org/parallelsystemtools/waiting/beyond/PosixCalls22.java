package org.parallelsystemtools.waiting.beyond;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.CompletableFuture;

/**
 * Python's {@code os.getpid}, {@code os.getppid}, {@code os.kill} and {@code os.mkfifo} as what
 * they are underneath: C library calls, made here directly through the Foreign Function & Memory
 * API (JDK 22+, run with {@code --enable-native-access=ALL-UNNAMED}) and set beside the JDK's
 * portable answer for each.
 *
 * <p>Two calls stay out on purpose. {@code fork()}: in the child of a multithreaded process (every
 * JVM is one) only async-signal-safe calls are allowed until it execs, and a JVM cannot run a
 * line of Java under that rule; the JDK itself starts processes with {@code posix_spawn}.
 * {@code waitpid(-1)}: it reaps ANY child, including one that {@code ProcessBuilder} started, whose
 * own reaper thread then finds nothing and reports exit status 0 from {@code waitFor()}, whatever
 * the child returned. The module's tests show that in a throwaway JVM.
 */
public final class PosixCalls22 {

    private static final String USAGE = "PosixCalls [--signal N]";
    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private static final MethodHandle GETPID = libc("getpid", FunctionDescriptor.of(JAVA_INT), false);
    private static final MethodHandle GETPPID = libc("getppid", FunctionDescriptor.of(JAVA_INT), false);
    private static final MethodHandle KILL = libc("kill", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT), true);
    private static final MethodHandle MKFIFO = libc("mkfifo", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), true);
    private static final MethodHandle STRERROR = libc("strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT), false);

    private PosixCalls22() {
    }

    public static void main(String[] args) throws Throwable {
        Options options = new Options("PosixCalls", USAGE, args, "--signal");
        int signal = options.whole("--signal", 15, 1, 15);

        int pid = (int) GETPID.invokeExact();
        System.out.printf("getpid()  = %d    ProcessHandle.current().pid()    = %d%n",
                pid, ProcessHandle.current().pid());
        int ppid = (int) GETPPID.invokeExact();
        System.out.printf("getppid() = %d    ProcessHandle.current().parent() = %d%n",
                ppid, ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L));

        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            fifo(arena, state);
            signal(state, signal);
        }
    }

    /** mkfifo(path, 0600), then one line through it: a thread writes, main reads. */
    private static void fifo(Arena arena, MemorySegment state) throws Throwable {
        Path dir = Files.createTempDirectory("posixcalls");
        Path fifo = dir.resolve("fifo");
        try {
            int result = (int) MKFIFO.invokeExact(state, arena.allocateFrom(fifo.toString()), 0600);
            System.out.printf("mkfifo(%s, 0600) = %d%s; neither file nor directory: %b%n",
                    fifo, result, errno(result, state), Files.readAttributes(fifo, BasicFileAttributes.class).isOther());
            if (result != 0) {
                return;
            }
            // Opening a FIFO blocks until the other end opens it too, so the writer needs its own thread.
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    Files.writeString(fifo, "a line through the FIFO\n");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            System.out.print("read from it: " + Files.readString(fifo, StandardCharsets.UTF_8));
            writer.join();
        } finally {
            Files.deleteIfExists(fifo);
            Files.delete(dir);
        }
    }

    /** kill(child, signal) on a `sleep 60` child; the JDK's own waitFor() then reads 128 + signal. */
    private static void signal(MemorySegment state, int signal) throws Throwable {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        int childPid = (int) sleeper.pid();
        int result = (int) KILL.invokeExact(state, childPid, signal);
        System.out.printf("kill(%d, %d) = %d%s; waitFor() = %d%n",
                childPid, signal, result, errno(result, state), sleeper.waitFor());
        result = (int) KILL.invokeExact(state, childPid, 0);
        System.out.printf("kill(%d, 0) once it has ended = %d%s%n", childPid, result, errno(result, state));
    }

    /** ", errno N (text)" after a failed call; errno is captured right after the call, before the JVM can touch it. */
    private static String errno(int result, MemorySegment state) throws Throwable {
        if (result != -1) {
            return "";
        }
        int errno = (int) ERRNO.get(state, 0L);
        MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
        return ", errno " + errno + " (" + text.reinterpret(256).getString(0) + ")";
    }

    private static MethodHandle libc(String name, FunctionDescriptor signature, boolean errno) {
        MemorySegment address = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("no " + name + " in the C library"));
        return errno ? LINKER.downcallHandle(address, signature, Linker.Option.captureCallState("errno"))
                : LINKER.downcallHandle(address, signature);
    }
}
