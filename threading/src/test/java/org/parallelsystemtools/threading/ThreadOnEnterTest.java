package org.parallelsystemtools.threading;

import static com.github.stefanbirkner.systemlambda.SystemLambda.tapSystemOutNormalized;
import static com.github.stefanbirkner.systemlambda.SystemLambda.withTextFromSystemIn;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** In-process, with typed lines: one greeting thread per line read, q included. */
@Timeout(30)
class ThreadOnEnterTest {

    @Test
    void everyLineReadStartsOneThread() throws Exception {
        String[] out = new String[1];
        withTextFromSystemIn("", "", "", "q").execute(() -> out[0] = tapSystemOutNormalized(() -> {
            NewThreads threads = NewThreads.since();
            ThreadOnEnter.main(new String[0]);
            threads.join();
        }));
        List<String> lines = out[0].lines().toList();
        assertEquals(Set.of("Hello from thread 1", "Hello from thread 2", "Hello from thread 3",
                "Hello from thread 4"), new HashSet<>(lines));
        assertEquals(4, lines.size());
    }

    @Test
    void theEndOfInputEndsTheLoopAsQDoes() throws Exception {
        String[] out = new String[1];
        withTextFromSystemIn("").execute(() -> out[0] = tapSystemOutNormalized(() -> {
            NewThreads threads = NewThreads.since();
            ThreadOnEnter.main(new String[0]);
            threads.join();
        }));
        List<String> lines = out[0].lines().toList();
        assertEquals(Set.of("Hello from thread 1", "Hello from thread 2"), new HashSet<>(lines), "an empty line, then the end");
        assertEquals(2, lines.size());
    }
}
