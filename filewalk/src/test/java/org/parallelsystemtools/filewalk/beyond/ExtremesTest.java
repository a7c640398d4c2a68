package org.parallelsystemtools.filewalk.beyond;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parallelsystemtools.filewalk.beyond.PythonPrettyPrint.Pair;

class ExtremesTest {

    @Test
    void holdsAtMostTwiceCountAndKeepsWhatSortingEverythingKeeps() {
        Random random = new Random(7);
        int count = 3;
        Extremes extremes = new Extremes(count);
        List<Pair> all = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            long size = random.nextInt(500);            // many ties
            String path = "/home/me/" + Integer.toString(random.nextInt(1_000_000), 36) + ".py";
            extremes.offer(size, Path.of(path));
            all.add(new Pair(size, path));
            assertTrue(extremes.held() <= 2 * count, "heaps grew to " + extremes.held());
        }
        all.sort(Comparator.comparingLong(Pair::size).thenComparing(Pair::path));
        assertEquals(all.subList(0, count), extremes.smallest());
        assertEquals(all.subList(all.size() - count, all.size()), extremes.largest());
    }

    @Test
    void tiesArePythonsTupleOrderByCodePoint() {
        // U+1F600 sorts after U+FFFD by code point (Python), before it by UTF-16 unit (String.compareTo).
        // Pairs, not paths: in a C locale Path.of refuses any non-ASCII name.
        Pair replacement = new Pair(1, "/a/\uFFFD.py");
        Pair emoji = new Pair(1, "/a/\uD83D\uDE00.py");
        assertTrue(replacement.compareTo(emoji) < 0);
        assertTrue("/a/\uFFFD.py".compareTo("/a/\uD83D\uDE00.py") > 0, "String order differs");
    }
}
