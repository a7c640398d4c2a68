package org.parallelsystemtools.queues;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The few {@code --name value} options the programs of this module take. Every problem becomes a
 * {@link Usage} exception whose message is the one line the program prints on stderr (exit code 2).
 */
final class Options {
    /** A usage error: bad number, unknown option, missing value. */
    static final class Usage extends Exception {
        private static final long serialVersionUID = 1L;

        Usage(String message) {
            super(message);
        }
    }

    private final Map<String, String> values = new HashMap<>();

    /** Parses {@code args} as {@code --name value} pairs; only the names in {@code known} are allowed. */
    Options(String[] args, List<String> known) throws Usage {
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (!known.contains(name)) {
                throw new Usage("unknown option: " + name + " (known: " + String.join(" ", known) + ")");
            }
            if (i + 1 >= args.length) {
                throw new Usage("missing value after " + name);
            }
            values.put(name, args[i + 1]);
        }
    }

    int integer(String name, int fallback, int min, int max) throws Usage {
        String text = values.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value < min || value > max) {
                throw new Usage(name + " must be between " + min + " and " + max + ": " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new Usage("not a whole number for " + name + ": " + text);
        }
    }

    long seed(String name, long fallback) throws Usage {
        String text = values.get(name);
        try {
            return text == null ? fallback : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new Usage("not a whole number for " + name + ": " + text);
        }
    }

    double decimal(String name, double fallback, double min, double max) throws Usage {
        String text = values.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(text.strip());
            if (!(value >= min && value <= max)) {  // also rejects NaN
                throw new Usage(name + " must be between " + min + " and " + max + ": " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new Usage("not a number for " + name + ": " + text);
        }
    }

    String choice(String name, String fallback, List<String> allowed) throws Usage {
        String text = values.getOrDefault(name, fallback);
        if (!allowed.contains(text)) {
            throw new Usage(name + " must be one of " + String.join(", ", allowed) + ": " + text);
        }
        return text;
    }
}
