package org.parallelsystemtools.threading;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The few command-line options these programs take: {@code --name value} pairs.
 * A bad option becomes a {@link UsageException} carrying the one line the
 * program prints on stderr before it exits with code 2.
 */
final class Options {
    static final int USAGE_ERROR = 2;

    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private final Map<String, String> values = new HashMap<>();

    private Options() {
    }

    /** Parses {@code --name value} pairs; only the names in {@code known} are accepted. */
    static Options parse(String[] args, String... known) throws UsageException {
        List<String> names = Arrays.asList(known);
        Options options = new Options();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (!names.contains(name)) {
                throw new UsageException("unknown option " + name + " (known: " + String.join(" ", known) + ")");
            }
            if (i + 1 >= args.length) {
                throw new UsageException("option " + name + " needs a value");
            }
            options.values.put(name, args[i + 1]);
        }
        return options;
    }

    int number(String name, int fallback, int min, int max) throws UsageException {
        String text = values.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value < min || value > max) {
                throw new UsageException(name + " must be between " + min + " and " + max + ", not " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException("bad number for " + name + ": " + text);
        }
    }

    String choice(String name, String fallback, String... allowed) throws UsageException {
        String text = values.getOrDefault(name, fallback);
        if (!Arrays.asList(allowed).contains(text)) {
            throw new UsageException(name + " must be one of " + String.join(", ", allowed) + ", not " + text);
        }
        return text;
    }
}
