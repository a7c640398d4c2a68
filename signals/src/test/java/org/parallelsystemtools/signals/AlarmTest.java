package org.parallelsystemtools.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/** Alarm's handler answers any SIGALRM, not only its own timer's, and is removed at the end. */
class AlarmTest {

    @Test
    void aSigalrmFromAnotherProcessEndsThePause() {
        // At pace 100 its own alarm is 500 s away: only the signal sent here can end the pause.
        RealProcess.Running alarm = RealProcess.of(Alarm.class).timeout(BookOutputTest.PATIENCE).pace(100).start();
        alarm.awaitOutput(out -> out.startsWith("Setting at "));   // printed after the handler is in place

        alarm.signal("ALRM");

        alarm.awaitOutput(out -> out.lines().count() == 3);
        alarm.signal("TERM");
        List<String> lines = alarm.finish().outLines();
        assertEquals(3, lines.size(), lines::toString);
        assertEquals(true, lines.get(1).matches("Got alarm 14 at " + BookOutputTest.ASCTIME), lines::toString);
        assertEquals(true, lines.get(2).startsWith("Setting at "), lines::toString);
    }

    @Test
    void theOldHandlerIsBackWhenTheLoopEnds() throws InterruptedException {
        Signal alrm = new Signal("ALRM");
        Thread loop = new Thread(() -> {
            try {
                Alarm.main(new String[0]);   // its alarm is 5 s away; the interrupt below ends it first
            } catch (InterruptedException expected) {
                // the pause was interrupted: the loop is over
            }
        }, "alarm loop");
        loop.start();
        BookOutputTest.awaitCaught(ProcessHandle.current().pid(), 14);

        loop.interrupt();
        loop.join(Duration.ofSeconds(10).toMillis());

        assertFalse(loop.isAlive());
        assertSame(SignalHandler.SIG_DFL, Signal.handle(alrm, SignalHandler.SIG_DFL), "SIGALRM is back at its default");
    }
}
