package org.parallelsystemtools.forking;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Lutz {@code multi3.py}: a value and an array in shared memory are seen and changed by every
 * process; a static field (Python's module global) belongs to each alone. JVMs share no heap,
 * so Python's {@code Value} and {@code Array} become a memory-mapped file every process maps:
 * an int, then three doubles. A child's {@code count} starts at 0, as under Python's spawn.
 */
public final class SharedMemory {

    static final int PROCS = 3;
    static int count = 0;   // per-process global, not shared

    public static void main(String[] args) throws Exception {
        if (Relaunch.isChild(args)) {
            MappedByteBuffer shared = map(Path.of(args[2]));
            if (args[1].equals("update")) {
                updater(shared);
            } else {
                showdata(args[1], shared);
            }
            return;
        }
        Path file = Files.createTempFile("multi3-", ".shm");
        file.toFile().deleteOnExit();
        MappedByteBuffer shared = map(file);
        showdata("parent start", shared);
        start("child", file).waitFor();

        System.out.println("\nloop1 (updates in parent, serial children)...");
        loop(file, shared, true, false);
        System.out.println("\nloop2 (updates in parent, parallel children)...");
        loop(file, shared, true, true);
        System.out.println("\nloop3 (updates in serial children)...");
        loop(file, shared, false, false);
        showdata("parent temp", shared);
        System.out.println("\nloop4 (updates in parallel children)...");
        loop(file, shared, false, true);
        showdata("parent end", shared);
    }

    static void showdata(String label, MappedByteBuffer shared) {
        // One println per line: printf writes in pieces, which another process's line could split.
        System.out.println(String.format("%-12s: pid:%4s, global:%s, value:%s, array:[%s, %s, %s]", label,
                ProcessHandle.current().pid(), count, shared.getInt(0), shared.getDouble(8), shared.getDouble(16),
                shared.getDouble(24)));
    }

    static void updater(MappedByteBuffer shared) {
        count += 1;     // not shared
        shared.putInt(0, shared.getInt(0) + 1);
        for (int i = 0; i < PROCS; i++) {
            shared.putDouble(8 + 8 * i, shared.getDouble(8 + 8 * i) + 1);
        }
    }

    static void loop(Path file, MappedByteBuffer shared, boolean parentUpdates, boolean parallel) throws Exception {
        List<Process> running = new ArrayList<>();
        for (int i = 0; i < PROCS; i++) {
            if (parentUpdates) {          // value.value += 1; array[i] += 1: as in Python, not atomic
                count += 1;
                shared.putInt(0, shared.getInt(0) + 1);
                shared.putDouble(8 + 8 * i, shared.getDouble(8 + 8 * i) + 1);
            }
            Process child = start(parentUpdates ? "process " + i : "update", file);
            running.add(child);
            if (!parallel) {
                child.waitFor();
            }
        }
        for (Process child : running) {
            child.waitFor();                        // join(): a no-op for the serial ones
        }
    }

    static Process start(String role, Path file) throws IOException {
        return Relaunch.builder(SharedMemory.class, role, file.toString()).inheritIO().start();
    }

    static MappedByteBuffer map(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return channel.map(FileChannel.MapMode.READ_WRITE, 0, 8 + 8 * PROCS);
        }
    }
}

/* Output:
parent start: pid:18569, global:0, value:0, array:[0.0, 0.0, 0.0]
child       : pid:18603, global:0, value:0, array:[0.0, 0.0, 0.0]

loop1 (updates in parent, serial children)...
process 0   : pid:18660, global:0, value:1, array:[1.0, 0.0, 0.0]
process 1   : pid:18686, global:0, value:2, array:[1.0, 1.0, 0.0]
process 2   : pid:18710, global:0, value:3, array:[1.0, 1.0, 1.0]

loop2 (updates in parent, parallel children)...
process 0   : pid:18729, global:0, value:6, array:[2.0, 2.0, 2.0]
process 2   : pid:18732, global:0, value:6, array:[2.0, 2.0, 2.0]
process 1   : pid:18730, global:0, value:6, array:[2.0, 2.0, 2.0]

loop3 (updates in serial children)...
parent temp : pid:18569, global:6, value:9, array:[5.0, 5.0, 5.0]

loop4 (updates in parallel children)...
parent end  : pid:18569, global:6, value:12, array:[8.0, 8.0, 8.0]
*/
