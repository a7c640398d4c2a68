package org.parallelsystemtools.forking;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The few {@code --name value} options these programs take; bad ones become a one-line error. */
final class Args {

    /** A usage error: its message is the one line printed on standard error (exit code 2). */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private final Map<String, String> values = new HashMap<>();

    /** Parses {@code args}; every option must be one of {@code known} and have a value. */
    Args(String[] args, List<String> known) throws UsageException {
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!known.contains(name)) {
                throw new UsageException("unknown option: " + name + " (known: " + String.join(" ", known) + ")");
            }
            if (i + 1 >= args.length) {
                throw new UsageException("option " + name + " needs a value");
            }
            values.put(name, args[++i]);
        }
    }

    /** The integer value of option {@code name}, within [min, max], or {@code fallback}. */
    int integer(String name, int fallback, int min, int max) throws UsageException {
        String text = values.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < min || value > max) {
                throw new UsageException(name + " must be between " + min + " and " + max + ": " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " needs a whole number: " + text);
        }
    }
}
