package org.parallelsystemtools.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.parallelsystemtools.threading.beyond.VirtualThreads;

/** Below JDK 21 the virtual-thread program says in one line which JDK it needs (VirtualThreadsTest runs it on 21+). */
@DisabledForJreRange(min = JRE.JAVA_21)
class VirtualThreadsOnJdk17Test {

    @Test
    void saysInOneLineThatItNeedsJdk21() {
        RealProcess.Result run = RealProcess.of(VirtualThreads.class).run();
        assertEquals(2, run.code(), run.terminal());
        assertEquals("", run.out());
        assertEquals("VirtualThreads: needs JDK 21 or newer, and this is JDK " + Runtime.version().feature()
                + " (point JAVA_HOME at a JDK 21+ and build again)\n", run.err());
    }
}
