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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Deitel Fig. 18.7 with a real {@code execvp}: download a page to a file, then turn this JVM into
 * the editor on that file. The process keeps its pid, its parent and its terminal; the JVM, its
 * threads and its heap are gone, and whoever started the program gets the editor's exit status.
 * The book tier's {@code DownloadAndEdit} starts the editor as a child instead.
 *
 * <p>Linux only as written ({@code SIG_SETMASK} and the size of {@code sigset_t} are Linux's).
 */
public final class ExecEditor22 {

    private static final String USAGE = "ExecEditor [--editor PROGRAM] <url> <file>";
    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle EXECVP = LINKER.downcallHandle(LINKER.defaultLookup().find("execvp").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS), Linker.Option.captureCallState("errno"));
    private static final MethodHandle PTHREAD_SIGMASK = LINKER.downcallHandle(
            LINKER.defaultLookup().find("pthread_sigmask").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle STRERROR = LINKER.downcallHandle(LINKER.defaultLookup().find("strerror").orElseThrow(),
            FunctionDescriptor.of(ADDRESS, JAVA_INT));
    private static final MethodHandle FCNTL = LINKER.downcallHandle(LINKER.defaultLookup().find("fcntl").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2));
    private static final int F_SETFD = 2;
    private static final int FD_CLOEXEC = 1;
    private static final int SIG_SETMASK = 2;
    private static final long SIGSET_BYTES = 128;

    private ExecEditor22() {
    }

    public static void main(String[] args) throws Throwable {
        Options options = new Options("ExecEditor", USAGE, args, "--editor");
        String editor = options.text("--editor", "vi");
        List<String> names = options.positional(2);
        if (names.size() != 2) {
            options.fail("expected a URL and a file");
        }
        String url = names.get(0);
        String file = names.get(1);
        download(options, url, file);

        long pid = ProcessHandle.current().pid();
        System.out.println("ExecEditor: pid " + pid + " becomes: " + editor + " " + file);
        // execvp keeps no Java buffer: whatever is not yet written to the file descriptors is lost
        System.out.flush();
        System.err.flush();
        try (Arena arena = Arena.ofConfined()) {
            // The JVM's own open files (its modules image, /dev/random, sockets...) would pass on
            // to the editor; a child of ProcessBuilder gets only 0, 1 and 2, and so does this one.
            for (int fd : openFiles()) {
                if (fd > 2) {
                    int ignored = (int) FCNTL.invokeExact(fd, F_SETFD, FD_CLOEXEC);
                }
            }
            // A signal mask survives exec. HotSpot blocks SIGQUIT in every thread but its own
            // signal thread, so without this the editor would start with SIGQUIT blocked.
            int unblocked = (int) PTHREAD_SIGMASK.invokeExact(SIG_SETMASK, arena.allocate(SIGSET_BYTES), MemorySegment.NULL);
            assert unblocked == 0 : "pthread_sigmask cannot fail with a valid how";
            MemorySegment argv = arena.allocate(ADDRESS, 3);
            argv.setAtIndex(ADDRESS, 0, arena.allocateFrom(editor)); // argv[0]: the editor names itself
            argv.setAtIndex(ADDRESS, 1, arena.allocateFrom(file));
            argv.setAtIndex(ADDRESS, 2, MemorySegment.NULL);
            MemorySegment state = arena.allocate(CALL_STATE);
            // From here on, if all goes well, no more Java runs in this process: the kernel ends
            // every other JVM thread and loads the editor into this pid.
            int result = (int) EXECVP.invokeExact(state, arena.allocateFrom(editor), argv);
            int errno = (int) ERRNO.get(state, 0L);
            MemorySegment text = (MemorySegment) STRERROR.invokeExact(errno);
            System.err.println("ExecEditor: cannot exec " + editor + ": execvp returned " + result + ", errno " + errno
                    + " (" + text.reinterpret(256).getString(0) + ")");
            System.exit(1);
        }
        System.out.println("This line never executes.");
    }

    /** This process's open file descriptors, as Linux lists them. */
    private static int[] openFiles() throws IOException {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.mapToInt(fd -> Integer.parseInt(fd.getFileName().toString())).toArray();
        }
    }

    /** urllib.urlretrieve: the page, whatever its HTTP status, into the file. */
    private static void download(Options options, String url, String file) throws InterruptedException {
        HttpRequest request = null;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).build();
        } catch (IllegalArgumentException e) {
            options.fail("expected an http:// or https:// URL, not '" + url + "'");
        }
        // closed before the exec, so that its connections are not handed on to the editor
        try (HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()) {
            client.send(request, BodyHandlers.ofFile(Path.of(file)));
        } catch (IOException e) {
            System.err.println("ExecEditor: cannot download " + url + " to " + file + ": " + e);
            System.exit(1);
        }
    }
}
