package org.parallelsystemtools.forking.beyond;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.parallelsystemtools.forking.Relaunch;

/**
 * How many child JVMs a parent starts and reaps per second, one after another: the price Java
 * pays for relaunching where Python forks, and what start-up flags take off it.
 *
 * <p>Every child is what {@link Relaunch} starts (a JVM that begins its parent watch and ends),
 * measured four ways: plain {@code java}; with {@link Relaunch#JVM_FLAGS}; with an application
 * class-data archive (AppCDS, {@code -XX:SharedArchiveFile}) of the child's classes; and on JDK
 * 25 with an ahead-of-time cache ({@code -XX:AOTCache}, JEP 483 and 514). Both archives need the
 * classes in a jar, so the program packs {@code target/classes} into one in a temporary folder,
 * makes each archive with one training run, and deletes it all at the end. The last line is the
 * best figure: {@code spawn: N children/s}. Python's {@code multiprocessing} spawn method, which
 * also starts a fresh interpreter per child, is the figure to hold it against
 * ({@code forking/compare/compare.sh}).
 */
public final class SpawnRate {

    private static final String USAGE = "SpawnRate [--count N] [--warmup N]";

    public static void main(String[] args) throws Exception {
        if (Relaunch.isChild(args)) {
            return;     // the child's whole life: start, watch its parent, end
        }
        Options options = new Options("SpawnRate", USAGE, args, "--count", "--warmup");
        int count = options.whole("--count", 30, 1, 1000);
        int warmup = options.whole("--warmup", 2, 0, 100);
        options.positional(0);
        List<String> relaunch = Relaunch.builder(SpawnRate.class).command();   // a bad -Dpace ends here, in one line
        int jdk = Runtime.version().feature();
        int ways = jdk >= 25 ? 4 : 3;
        say("Starting and reaping %d child JVMs one after another, %d ways, on JDK %d"
                + " (about %d s at 10 children/s)", count, ways, jdk, (count + warmup + 1) * ways / 10 + 1);
        Path dir;
        try {
            dir = Files.createTempDirectory("spawn-rate-");
        } catch (IOException | IllegalArgumentException e) {
            options.fail("-Djava.io.tmpdir must name a folder it can write in, not '"
                    + System.getProperty("java.io.tmpdir") + "' (" + e.getMessage() + ")");
            return;
        }
        // Ctrl-C or kill (SIGINT, SIGTERM) skips the finally below but runs shutdown hooks: the
        // hook ends the child at work (an archive it writes would land after the removal), then
        // removes the folder. After kill -9 nothing runs; the folder's name says what it was.
        Thread cleanUp = new Thread(() -> {
            ProcessHandle.current().children().forEach(child -> {
                child.destroyForcibly();
                child.onExit().join();
            });
            remove(dir);
        }, "spawn-rate-clean-up");
        Runtime.getRuntime().addShutdownHook(cleanUp);
        try {
            List<String> plain = new ArrayList<>(relaunch);
            plain.removeAll(Relaunch.JVM_FLAGS);
            double best = measure("plain java", plain, count, warmup);
            best = Math.max(best, measure("Relaunch.JVM_FLAGS", relaunch, count, warmup));

            List<String> onJar = new ArrayList<>(relaunch);
            int cp = onJar.indexOf("-cp") + 1;
            onJar.set(cp, jar(Path.of(onJar.get(cp)), dir.resolve("classes.jar")).toString());
            Path jsa = dir.resolve("app.jsa");
            say("making an AppCDS archive of the child's classes (one run) ...");
            train(with(onJar, "-XX:ArchiveClassesAtExit=" + jsa));
            best = Math.max(best, measure("JVM_FLAGS + AppCDS archive", with(onJar, "-XX:SharedArchiveFile=" + jsa), count, warmup));
            if (jdk >= 25) {
                Path aot = dir.resolve("app.aot");
                say("making an AOT cache of the child's classes (one training run) ...");
                train(with(onJar, "-XX:AOTCacheOutput=" + aot));
                best = Math.max(best, measure("JVM_FLAGS + AOT cache", with(onJar, "-XX:AOTCache=" + aot), count, warmup));
            }
            say("(Relaunch.JVM_FLAGS: %s)", String.join(" ", Relaunch.JVM_FLAGS));
            say("spawn: %.1f children/s", best);
        } catch (IOException e) {
            System.err.println("SpawnRate: " + e.getMessage());
            System.exit(1);     // the hook removes the folder
        } catch (SignalledChild e) {
            // Ctrl-C reaches the whole foreground job, the child too, and the child may end
            // first: leave as the signal would have left this JVM, as a shell does.
            System.exit(e.code);
        } finally {
            remove(dir);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanUp);
            } catch (IllegalStateException e) {
                // a signal came at the very end: the hook is running, and removes nothing more
            }
        }
    }

    /** Removes the folder and everything in it; gone already is fine. */
    static void remove(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // removed already (by the hook, or by the normal end)
        }
    }

    /** Children per second: start one, wait for its end, {@code count} times after the warm-ups. */
    static double measure(String way, List<String> command, int count, int warmup) throws Exception {
        for (int i = 0; i < warmup; i++) {
            run(command);
        }
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            run(command);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        say("%-30s %4d children in %5.2f s = %5.1f children/s", way + ":", count, seconds, count / seconds);
        return count / seconds;
    }

    static void run(List<String> command) throws Exception {
        Process child = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (child.waitFor() != 0) {
            SignalledChild.check(child.exitValue());
            throw new IOException("a child failed (exit " + child.exitValue() + "): " + String.join(" ", command));
        }
    }

    /** One run that writes an archive; what the JVM says about it is shown only if it fails. */
    static void train(List<String> command) throws Exception {
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] said = child.getInputStream().readAllBytes();
        if (child.waitFor() != 0) {
            SignalledChild.check(child.exitValue());
            System.err.write(said);
            throw new IOException("the training run failed (exit " + child.exitValue() + "): " + String.join(" ", command));
        }
    }

    /** A child ended by SIGINT or SIGTERM (status 130, 143): this run was interrupted too. */
    static final class SignalledChild extends Exception {
        private static final long serialVersionUID = 1L;
        final int code;

        private SignalledChild(int code) {
            super("a child ended by signal " + (code - 128), null, false, false);
            this.code = code;
        }

        static void check(int code) throws SignalledChild {
            if (code == 130 || code == 143) {
                throw new SignalledChild(code);
            }
        }
    }

    /** The command with a JVM flag right after the java binary. */
    static List<String> with(List<String> command, String flag) {
        List<String> more = new ArrayList<>(command);
        more.add(1, flag);
        return more;
    }

    /** A jar of every file under {@code classes}: the archives map classes from jars only. */
    static Path jar(Path classes, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, (OutputStream) out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static void say(String format, Object... values) {
        System.out.println(String.format(Locale.ROOT, format, values));
    }
}
