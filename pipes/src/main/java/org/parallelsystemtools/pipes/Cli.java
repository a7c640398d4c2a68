package org.parallelsystemtools.pipes;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Small command-line and formatting helpers shared by the programs of this module. */
final class Cli {
    /** A usage error: the program prints its message as one line and exits with status 2. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    private final Map<String, String> values = new HashMap<>();

    /**
     * Parses {@code --name value} options (names in {@code withValue}) and {@code --flag} options
     * (names in {@code flags}); anything else is a usage error.
     */
    Cli(String[] args, Set<String> withValue, Set<String> flags) throws UsageException {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (flags.contains(a)) {
                values.put(a, "true");
            } else if (withValue.contains(a)) {
                if (i + 1 >= args.length) {
                    throw new UsageException("missing value after " + a);
                }
                values.put(a, args[++i]);
            } else {
                throw new UsageException("unknown option: " + a);
            }
        }
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    String text(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    long number(String name, long otherwise, long min, long max) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return otherwise;
        }
        try {
            long n = Long.parseLong(v);
            if (n < min || n > max) {
                throw new UsageException(name + " must be between " + min + " and " + max + ": " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("bad number for " + name + ": " + v);
        }
    }

    double decimal(String name, double otherwise) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return otherwise;
        }
        try {
            double d = Double.parseDouble(v);
            if (!(d >= 0 && d <= 3600)) {
                throw new UsageException(name + " must be between 0 and 3600: " + v);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException("bad number for " + name + ": " + v);
        }
    }

    /** Prints the one-line usage error and returns the usage exit status. */
    static int usage(PrintStream err, String program, UsageException e, String synopsis) {
        err.println(program + ": " + e.getMessage() + " (usage: " + program + " " + synopsis + ")");
        return 2;
    }

    /** Seconds since the epoch, like Python's time.time() in the seed's output. */
    static String now() {
        Instant t = Instant.now();
        return String.format("%d.%06d", t.getEpochSecond(), t.getNano() / 1000);
    }

    /**
     * Shows raw bytes the way Python prints a bytes object: {@code b'Spam 000'}, with
     * non-printable bytes escaped ({@code \n}, {@code \x00}), so a reader sees exactly what one
     * read returned.
     */
    static String bytes(byte[] buf, int n) {
        StringBuilder s = new StringBuilder("b'");
        for (int i = 0; i < n; i++) {
            int b = buf[i] & 0xff;
            switch (b) {
                case '\\' -> s.append("\\\\");
                case '\'' -> s.append("\\'");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (b >= 0x20 && b < 0x7f) {
                        s.append((char) b);
                    } else {
                        s.append(String.format("\\x%02x", b));
                    }
                }
            }
        }
        return s.append('\'').toString();
    }

    /** The seed's message: {@code Spam 000} ... {@code Spam 004}, then 000 again. */
    static byte[] spam(int zzz, String end) {
        return String.format("Spam %03d%s", zzz, end).getBytes(StandardCharsets.US_ASCII);
    }

    /** The seed's growing pause before message zzz (0, 1, 2, 3, 4 seconds), times scale. */
    static void pause(int zzz, double scale) throws InterruptedException {
        long millis = Math.round(zzz * scale * 1000);
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
