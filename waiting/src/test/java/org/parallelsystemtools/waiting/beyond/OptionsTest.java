package org.parallelsystemtools.waiting.beyond;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The one option parser, in this JVM: every bad argument is one line on standard error in the
 * form {@code PROGRAM: what was wanted (usage: ...)} and exit status 2, and good ones parse.
 * (The programs' own tests need not start a JVM to see this line.)
 */
class OptionsTest {

    private static final String USAGE = "Demo [--count N] [--rate X] [--name TEXT] [--fast]";

    /** Thrown in place of System.exit, carrying the status. */
    static final class Exit extends RuntimeException {
        final int status;

        Exit(int status) {
            super("exit " + status, null, false, false);
            this.status = status;
        }
    }

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldErr;
    private IntConsumer oldExit;

    @BeforeEach
    void capture() {
        oldErr = System.err;
        oldExit = Options.exit;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        Options.exit = status -> {
            throw new Exit(status);
        };
    }

    @AfterEach
    void restore() {
        System.setErr(oldErr);
        Options.exit = oldExit;
    }

    static Options parse(String... args) {
        return new Options("Demo", USAGE, args, "--count", "--rate", "--name", "--fast!");
    }

    /** Runs {@code call}, which must end the program with status 2 and exactly {@code line}. */
    void failsWith(String line, Runnable call) {
        Exit exit = assertThrows(Exit.class, call::run);
        assertEquals(2, exit.status);
        assertEquals(line + " (usage: " + USAGE + ")\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void goodArgumentsParseInEitherForm() {
        Options options = parse("--count", "7", "--rate=2.5", "--fast", "file");
        assertEquals(7, options.whole("--count", 1, 1, 10));
        assertEquals(2.5, options.decimal("--rate", 1, 0, 10));
        assertEquals("none", options.text("--name", "none"));
        assertTrue(options.flag("--fast"));
        assertEquals(List.of("file"), options.positional(1));
        assertFalse(parse().flag("--fast"));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aWholeNumberOutOfRangeOrNotANumber() {
        failsWith("Demo: --count must be a whole number from 1 to 10, not '0'", () -> parse("--count", "0").whole("--count", 1, 1, 10));
        err.reset();
        failsWith("Demo: --count must be a whole number from 1 to 10, not '99999999999'",
                () -> parse("--count=99999999999").whole("--count", 1, 1, 10));
        err.reset();
        failsWith("Demo: --count must be a whole number from 1 to 10, not 'abc'", () -> parse("--count", "abc").whole("--count", 1, 1, 10));
    }

    @Test
    void aDecimalThatIsNotANumber() {
        failsWith("Demo: --rate must be a number from 0 to 10, not 'NaN'", () -> parse("--rate", "NaN").decimal("--rate", 1, 0, 10));
        err.reset();
        failsWith("Demo: --rate must be a number from 0 to 10, not '1e9'", () -> parse("--rate", "1e9").decimal("--rate", 1, 0, 10));
    }

    @Test
    void unknownOptionsMissingValuesEmptyTextAndExtraArguments() {
        failsWith("Demo: unknown option '--bogus'", () -> parse("--bogus"));
        err.reset();
        failsWith("Demo: --count needs a value", () -> parse("--count"));
        err.reset();
        failsWith("Demo: --name must not be empty", () -> parse("--name=").text("--name", "x"));
        err.reset();
        failsWith("Demo: unexpected argument 'two'", () -> parse("one", "two").positional(1));
    }

    @Test
    void helpPrintsTheUsageAndEndsWithStatusZero() {
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Exit exit = assertThrows(Exit.class, () -> parse("--help"));
            assertEquals(0, exit.status);
        } finally {
            System.setOut(oldOut);
        }
        assertEquals("usage: " + USAGE + "\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aProgramForANewerJdkSaysWhichItNeeds() {
        int running = Runtime.version().feature();
        Exit exit = assertThrows(Exit.class,
                () -> Options.runOnJdk(running + 1, "Later", "no.such.Later", new String[0]));
        assertEquals(2, exit.status);
        assertEquals("Later: needs JDK " + (running + 1) + " or newer, and this is JDK " + running
                + " (point JAVA_HOME at a JDK " + (running + 1) + "+ and build again)\n", err.toString(StandardCharsets.UTF_8));
    }
}
