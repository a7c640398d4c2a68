package org.parallelsystemtools.filewalk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A program run as the user "nobody", so that the kernel refuses what a test made unreadable
 * (root reads anything), in a UTF-8 locale. Its classes are copied into {@code tmp}, which is
 * opened to everyone: the module's own folder may sit in a private (0700) one.
 */
final class AsNobody {
    record Result(int code, String out, String err) { }

    private AsNobody() { }

    /** Runs {@code main} with {@code args} (leading {@code -D} ones go to the JVM) in {@code folder}. */
    static Result run(Path tmp, Path folder, Class<?> main, String... args) throws Exception {
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path classes = tmp.resolve("classes");
        Path built = Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!Files.exists(classes)) {
            try (Stream<Path> files = Files.walk(built)) {
                for (Path from : (Iterable<Path>) files::iterator) {
                    Files.copy(from, classes.resolve(built.relativize(from).toString()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        command.add(ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java"));
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:-UsePerfData"));
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty() && rest.get(0).startsWith("-D")) {
            command.add(rest.remove(0));
        }
        command.addAll(List.of("-cp", classes.toString(), main.getName()));
        command.addAll(rest);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectInput(new File("/dev/null"))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("LC_ALL", "C.UTF-8");
        builder.environment().put("LANG", "C.UTF-8");
        Process process = builder.start();
        try {
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the program did not end");
            return new Result(process.exitValue(), Files.readString(out, UTF_8), Files.readString(err, UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }
}
