package org.parallelsystemtools.forking;

import java.io.File;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lutz {@code multi3.py}: a value and an array in shared memory are seen and changed by every
 * process; a static field (Python's module global) belongs to each alone. JVMs share no heap, so
 * {@code Value} and {@code Array} are a mapped file: an int, three doubles. A child's count starts at 0.
 */
public final class SharedMemory {

    static final int PROCS = 3;
    static int count = 0;   // per-process global, not shared

    public static void main(String[] args) throws Exception {
        if (Relaunch.isChild(args)) {
            if (args.length != 3 || !args[2].matches(".*/multi3-\\d+-\\d+\\.shm") || !Files.isRegularFile(Path.of(args[2]))) {
                System.err.println("SharedMemory: its children are started by SharedMemory itself (usage: SharedMemory)");
                System.exit(2);
            }
            if (args[1].equals("update")) {
                add(map(Path.of(args[2])), 0, 1, 2);    // the updater: every cell once
            } else {
                showdata(args[1], map(Path.of(args[2])));
            }
            return;
        }
        Path file = Files.createTempFile("multi3-" + ProcessHandle.current().pid() + "-", ".shm");
        file.toFile().deleteOnExit();
        // Python's shared memory ends with its processes, a file not: remove those of ended runs.
        try (Stream<Path> files = Files.list(file.getParent())) {
            files.map(Path::toFile).filter(f -> f.getName().matches("multi3-\\d{1,18}-\\d+\\.shm")
                    && ProcessHandle.of(Long.parseLong(f.getName().split("-")[1])).isEmpty()).forEach(File::delete);
        }
        MappedByteBuffer shared = map(file);
        showdata("parent start", shared);
        Relaunch.builder(SharedMemory.class, "child", file.toString()).inheritIO().start().waitFor();
        loop("loop1 (updates in parent, serial children)...", file, shared, true, false);
        loop("loop2 (updates in parent, parallel children)...", file, shared, true, true);
        loop("loop3 (updates in serial children)...", file, shared, false, false);
        showdata("parent temp", shared);
        loop("loop4 (updates in parallel children)...", file, shared, false, true);
        showdata("parent end", shared);
    }

    static void showdata(String label, MappedByteBuffer shared) {
        // One println per line: printf writes in pieces, which another process's line could split.
        System.out.println(String.format("%-12s: pid:%4s, global:%s, value:%s, array:[%s, %s, %s]", label,
                ProcessHandle.current().pid(), count, shared.getInt(0), shared.getDouble(8), shared.getDouble(16),
                shared.getDouble(24)));
    }

    static void add(MappedByteBuffer shared, int... cells) {   // count, value, array[i] += 1: not atomic, as in Python
        count += 1;
        shared.putInt(0, shared.getInt(0) + 1);
        for (int i : cells) {
            shared.putDouble(8 + 8 * i, shared.getDouble(8 + 8 * i) + 1);
        }
    }

    static void loop(String title, Path file, MappedByteBuffer shared, boolean inParent, boolean parallel) throws Exception {
        System.out.println("\n" + title);
        List<Process> running = new ArrayList<>();
        for (int i = 0; i < PROCS; i++) {
            if (inParent) {
                add(shared, i);
            }
            running.add(Relaunch.builder(SharedMemory.class, inParent ? "process " + i : "update", file.toString()).inheritIO().start());
            if (!parallel) {
                running.get(i).waitFor();
            }
        }
        for (Process child : running) {
            child.waitFor();    // join(): a no-op for the serial ones
        }
    }

    static MappedByteBuffer map(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return channel.map(FileChannel.MapMode.READ_WRITE, 0, 8 + 8 * PROCS);
        }
    }
}

/* Output: (unordered; vary 3997 7134 7546 7663 7693 7715 7713 7712)
parent start: pid:3997, global:0, value:0, array:[0.0, 0.0, 0.0]
child       : pid:7134, global:0, value:0, array:[0.0, 0.0, 0.0]

loop1 (updates in parent, serial children)...
process 0   : pid:7546, global:0, value:1, array:[1.0, 0.0, 0.0]
process 1   : pid:7663, global:0, value:2, array:[1.0, 1.0, 0.0]
process 2   : pid:7693, global:0, value:3, array:[1.0, 1.0, 1.0]

loop2 (updates in parent, parallel children)...
process 2   : pid:7715, global:0, value:6, array:[2.0, 2.0, 2.0]
process 1   : pid:7713, global:0, value:6, array:[2.0, 2.0, 2.0]
process 0   : pid:7712, global:0, value:6, array:[2.0, 2.0, 2.0]

loop3 (updates in serial children)...
parent temp : pid:3997, global:6, value:9, array:[5.0, 5.0, 5.0]

loop4 (updates in parallel children)...
parent end  : pid:3997, global:6, value:12, array:[8.0, 8.0, 8.0]
*/
