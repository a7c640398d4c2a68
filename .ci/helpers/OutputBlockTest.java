package org.parallelsystemtools.MODULE;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The block matcher itself: a number a listing exists to show is literal, a varying value is
 * one value wherever it recurs, and no block lets through a line it does not show. Each case
 * below is a wrong run that a lax matcher once let through.
 */
class OutputBlockTest {

    static boolean fits(String header, String block, String output) {
        return OutputBlock.fits(header, List.of(block.split("\n")), output);
    }

    @Test
    void aCounterIsLiteral() {
        String block = "Parent got counter=0\nChild got counter=1";
        assertTrue(fits("/* Output:", block, "Parent got counter=0\nChild got counter=1\n"));
        assertFalse(fits("/* Output:", block, "Parent got counter=0\nChild got counter=2\n"));
    }

    @Test
    void theSumsAListingShowsAreLiteral() {
        assertFalse(fits("/* Output:", "value:12\nglobal:6", "value:0\nglobal:0\n"), "SharedMemory unchanged");
        assertFalse(fits("/* Output:", "[4294967296]", "[0]\n"), "FourThreads' 2**32");
        assertFalse(fits("/* Output:", "200", "199\n"), "SynchronizedAdd lost one");
        assertFalse(fits("/* Output:", "Spam 000", "Spam 999\n"));
        assertFalse(fits("/* Output:", "client got: [b\"server got: [b'client0']\"]",
                "client got: [b\"server got: [b'client7']\"]\n"));
    }

    @Test
    void lostUpdatesMustLoseSome() {
        // LostUpdates' block: a total below 20000000, which is what no lost update would give.
        String header = "/* Output: (under 20000000 18139932)";
        assertTrue(fits(header, "18139932", "11000000\n"));
        assertFalse(fits(header, "18139932", "20000000\n"), "nothing lost");
        assertFalse(fits(header, "18139932", "20000001\n"));
    }

    @Test
    void aVaryingPidIsTheSameValueWhereverItRecurs() {
        String header = "/* Output: (vary 4711 4712)";
        String block = "Parent 4711 started child 4712\nChild 4712 of 4711";
        assertTrue(fits(header, block, "Parent 90 started child 91\nChild 91 of 90\n"));
        assertFalse(fits(header, block, "Parent 90 started child 91\nChild 92 of 90\n"), "another child's pid");
        assertFalse(fits(header, block, "Parent 90 started child 90\nChild 90 of 90\n"), "two pids, one value");
    }

    @Test
    void threeWorkersShowThreePids() {
        String header = "/* Output: (vary 100 201 202 203)";
        String block = "task 0 pid=201 parent=100\ntask 1 pid=202 parent=100\ntask 2 pid=203 parent=100\n"
                + "task 3 pid=201 parent=100";
        assertTrue(fits(header, block, "task 0 pid=7 parent=5\ntask 1 pid=8 parent=5\ntask 2 pid=9 parent=5\n"
                + "task 3 pid=7 parent=5\n"));
        assertFalse(fits(header, block, "task 0 pid=5 parent=5\ntask 1 pid=5 parent=5\ntask 2 pid=5 parent=5\n"
                + "task 3 pid=5 parent=5\n"), "one pid for every task: threads, not worker processes");
    }

    @Test
    void timesVaryOnlyWhereTheHeaderSaysSo() {
        String block = "Spam 000 at 1733312005.12\nTotal time: 4.13s";
        assertTrue(fits("/* Output: (times)", block, "Spam 000 at 1800000000.99\nTotal time: 2.20s\n"));
        assertFalse(fits("/* Output: (times)", block, "Spam 001 at 1800000000.99\nTotal time: 2.20s\n"));
        assertFalse(fits("/* Output:", block, "Spam 000 at 1800000000.99\nTotal time: 2.20s\n"));
    }

    @Test
    void aPaddedPidFitsAnyPadding() {
        assertTrue(fits("/* Output: (vary 4711)", "pid:4711 done", "pid: 815 done\n"));
    }

    @Test
    void anUnorderedBlockIsAMultiset() {
        String block = "child 1\nchild 2\nchild 2";
        assertTrue(fits("/* Output: (unordered)", block, "child 2\nchild 1\nchild 2\n"));
        assertFalse(fits("/* Output: (unordered)", block, "child 2\nchild 1\nchild 1\n"));
        assertFalse(fits("/* Output: (unordered)", block, "child 2\nchild 1\nchild 2\nchild 3\n"), "a line too many");
    }

    @Test
    void aCutNeverLetsAStackTraceThrough() {
        String block = "Worker 0 done\n...\nAll done";
        assertTrue(fits("/* Output: (unordered)", block, "Worker 0 done\nWorker 7 done\nWorker 3 done\nAll done\n"));
        assertFalse(fits("/* Output: (unordered)", block, "Worker 0 done\nException in thread \"main\" "
                + "java.lang.IllegalStateException\n\tat Pool.main(Pool.java:12)\nAll done\n"));
        assertTrue(fits("/* Output:", block, "Worker 0 done\nWorker 1 done\nAll done\n"));
        assertFalse(fits("/* Output:", block, "Worker 0 done\njava.lang.RuntimeException: boom\nAll done\n"));
    }

    @Test
    void unorderedBindingsAreFoundWhateverTheOrder() {
        String header = "/* Output: (unordered; vary 10 11 12)";
        String block = "parent 10 made 11\nparent 10 made 12\nchild 11 here\nchild 12 here";
        assertTrue(fits(header, block, "child 31 here\nparent 9 made 30\nchild 30 here\nparent 9 made 31\n"));
        assertFalse(fits(header, block, "child 31 here\nparent 9 made 30\nchild 32 here\nparent 9 made 31\n"));
    }
}
