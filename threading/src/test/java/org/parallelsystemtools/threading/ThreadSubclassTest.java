package org.parallelsystemtools.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(30)
class ThreadSubclassTest {

    @Test
    void tenThreadsCountToAHundredThenMainExits() throws Exception {
        Captured c = Captured.run(ThreadSubclass::run);
        assertEquals(0, c.code);
        assertEquals("", c.err);
        CountLines.assertEveryThreadCountedInOrder(c.outLines(), 10, 100, "Main thread exiting...");
    }

    @Test
    void withPausesTheThreadsTakeTurnsButLinesStayWhole() throws Exception {
        Captured c = Captured.run(ThreadSubclass::run, "--threads", "6", "--count", "20", "--delay-ms", "1");
        assertEquals(0, c.code);
        CountLines.assertEveryThreadCountedInOrder(c.outLines(), 6, 20, "Main thread exiting...");
    }

    @Test
    void callingRunDirectlyCountsOneThreadAfterAnotherOnTheMainThread() throws Exception {
        Captured c = Captured.run(ThreadSubclass::run, "--threads", "3", "--count", "4", "--call", "run");
        assertEquals(0, c.code);
        List<String> expected = new ArrayList<>();
        for (int id = 0; id < 3; id++) {
            for (int i = 0; i < 4; i++) {
                expected.add("[" + id + "] => " + i);
            }
        }
        expected.add("Main thread exiting...");
        assertEquals(expected, c.outLines());
    }

    @Test
    void startRunsTheBodyOnTheNewThreadButRunRunsItOnTheCaller() throws Exception {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        ReentrantLock mutex = new ReentrantLock();

        ThreadSubclass.CounterThread started = new ThreadSubclass.CounterThread(0, 3, mutex, 0, sink);
        started.start();
        started.join(10_000);
        assertSame(started, started.ranOn, "after start(), run() executes on the thread itself");

        ThreadSubclass.CounterThread called = new ThreadSubclass.CounterThread(1, 3, mutex, 0, sink);
        called.run();
        assertSame(Thread.currentThread(), called.ranOn, "run() called directly executes on the caller");
        assertNotSame(called, called.ranOn);
        assertEquals(Thread.State.NEW, called.getState(), "that thread itself never started");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--threads ten", "--count -1", "--call fork", "--mutex off", "--delay-ms"})
    void badArgumentsGiveOneLineAndExitCode2(String args) throws Exception {
        Captured c = Captured.run(ThreadSubclass::run, args.split(" "));
        assertEquals(2, c.code);
        assertEquals("", c.out);
        assertEquals(1, c.errLines().size(), c.err);
        assertTrue(c.err.startsWith("ThreadSubclass: "), c.err);
    }
}
