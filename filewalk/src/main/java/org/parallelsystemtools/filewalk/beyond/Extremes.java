package org.parallelsystemtools.filewalk.beyond;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;
import org.parallelsystemtools.filewalk.beyond.PythonPrettyPrint.Pair;

/**
 * The {@code count} smallest and {@code count} largest files seen so far. The listing appends every
 * file to a list and sorts it; two bounded heaps of {@code count} entries each give the same answer
 * in memory that does not grow with the tree. Ties in size are ordered by path, as Python's tuple
 * sort does, so the answer never depends on the order the walk met the files in.
 */
final class Extremes {
    private final int count;
    // Each heap has at its head the entry it would drop first: the largest of the smallest ones,
    // the smallest of the largest ones. Pairs sort in Python's tuple order (Pair.compareTo).
    private final PriorityQueue<Pair> smallest = new PriorityQueue<>(Collections.reverseOrder());
    private final PriorityQueue<Pair> largest = new PriorityQueue<>();

    Extremes(int count) {
        this.count = count;
    }

    /** Called by every walking thread, hence synchronized; most files are turned away at once. */
    synchronized void offer(long size, Path file) {
        boolean small = smallest.size() < count || size <= smallest.peek().size();
        boolean large = largest.size() < count || size >= largest.peek().size();
        if (small || large) {
            Pair entry = new Pair(size, Names.display(file));
            if (small) {
                keep(smallest, entry);
            }
            if (large) {
                keep(largest, entry);
            }
        }
    }

    private void keep(PriorityQueue<Pair> heap, Pair entry) {
        heap.add(entry);
        if (heap.size() > count) {
            heap.poll();
        }
    }

    /** allsizes[:count] of the listing: ascending. */
    synchronized List<Pair> smallest() {
        return sorted(smallest);
    }

    /** allsizes[-count:] of the listing: also ascending. */
    synchronized List<Pair> largest() {
        return sorted(largest);
    }

    /** How many entries the heaps hold: never more than 2 × count, however many files were offered. */
    synchronized int held() {
        return smallest.size() + largest.size();
    }

    private static List<Pair> sorted(PriorityQueue<Pair> heap) {
        List<Pair> list = new ArrayList<>(heap);
        Collections.sort(list);
        return list;
    }
}
