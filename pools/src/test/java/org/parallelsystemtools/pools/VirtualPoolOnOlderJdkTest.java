package org.parallelsystemtools.pools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.parallelsystemtools.pools.beyond.VirtualPool;

/** On JDK 17 to 20, VirtualPool exists and says which JDK it needs, in one line. */
@EnabledForJreRange(max = JRE.JAVA_20)
class VirtualPoolOnOlderJdkTest {

    @Test
    void itSaysInOneLineThatItNeedsJdk21() {
        RealProcess.Result run = RealProcess.of(VirtualPool.class).run();
        assertEquals(2, run.code(), run.terminal());
        assertEquals("VirtualPool: needs JDK 21 or newer, and this is JDK " + Runtime.version().feature()
                + " (point JAVA_HOME at a JDK 21+ and build again)\n", run.err());
        assertEquals("", run.out());
    }
}
