package org.parallelsystemtools.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sun.misc.Signal;
import sun.misc.SignalHandler;

class AlarmTest {

    static final String ASCTIME = "[A-Z][a-z]{2} [A-Z][a-z]{2} [ \\d]\\d \\d{2}:\\d{2}:\\d{2} \\d{4}";
    private static final int ALRM = new Signal("ALRM").getNumber();

    @AfterEach
    void noChildLeft() {
        Output.assertNoDescendantLeft();
    }

    @Test
    void eachRoundSetsAnAlarmAndPausesUntilTheHandlerRan() {
        Output out = new Output();
        Output err = new Output();

        assertEquals(0, Alarm.run(new String[] {"--seconds", "0.05", "--rounds", "3"}, out.stream, err.stream));

        List<String> lines = out.lines();
        assertEquals(6, lines.size(), lines::toString);
        for (int i = 0; i < lines.size(); i += 2) {
            assertTrue(lines.get(i).matches("Setting at " + ASCTIME), lines.get(i));
            assertTrue(lines.get(i + 1).matches("Got alarm " + ALRM + " at " + ASCTIME), lines.get(i + 1));
        }
        assertTrue(err.lines().isEmpty());
    }

    @Test
    void theOldHandlerIsBackAfterwards() {
        Alarm.run(new String[] {"--seconds", "0.01", "--rounds", "1"}, new Output().stream, new Output().stream);

        Signal alarm = new Signal("ALRM");
        SignalHandler now = Signal.handle(alarm, SignalHandler.SIG_DFL);
        assertSame(SignalHandler.SIG_DFL, now);
    }

    @Test
    void anAlarmFromAnotherProcessIsHandledToo() throws Exception {
        try (JavaChild alarm = JavaChild.start(Alarm.class, "--seconds", "600", "--rounds", "1")) {
            alarm.awaitLine("Setting at " + ASCTIME); // the handler is installed before this line

            alarm.kill("ALRM");

            alarm.awaitLine("Got alarm " + ALRM + " at " + ASCTIME);
            assertEquals(0, alarm.awaitExit(), alarm.lines()::toString); // long before 600 s
            assertEquals(2, alarm.lines().size(), alarm.lines()::toString);
        }
    }

    @Test
    void badOptionsAreOneLineAndStatusTwo() {
        assertUsageError("Alarm: --seconds needs a number of seconds, not 'soon'", "--seconds", "soon");
        assertUsageError("Alarm: --rounds must be between 1 and 1000000, not 0", "--rounds", "0");
        assertUsageError("Alarm: unknown option: --snooze", "--snooze");
    }

    private static void assertUsageError(String message, String... args) {
        Output out = new Output();
        Output err = new Output();
        assertEquals(2, Alarm.run(args, out.stream, err.stream));
        assertEquals(List.of(message + " (options: --seconds S --rounds N --forever)"), err.lines());
        assertTrue(out.lines().isEmpty());
    }
}
