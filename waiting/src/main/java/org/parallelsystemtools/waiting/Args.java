package org.parallelsystemtools.waiting;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The few command-line options these programs take: {@code --name value} and {@code --flag}.
 * Anything wrong becomes a {@link UsageError} whose message is the one line the program prints.
 */
final class Args {

    /** Bad input: the program prints the message on stderr and exits with status 2. */
    static final class UsageError extends Exception {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    private Args() {
    }

    static Args parse(String[] args, Set<String> valueOptions, Set<String> flagOptions) throws UsageError {
        Args parsed = new Args();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (flagOptions.contains(arg)) {
                parsed.flags.add(arg);
            } else if (valueOptions.contains(arg)) {
                if (i + 1 == args.length) {
                    throw new UsageError(arg + " needs a value");
                }
                parsed.values.put(arg, args[++i]);
            } else {
                throw new UsageError("unknown option: " + arg);
            }
        }
        return parsed;
    }

    boolean has(String name) {
        return values.containsKey(name) || flags.contains(name);
    }

    long number(String name, long defaultValue, long min, long max) throws UsageError {
        String text = values.get(name);
        if (text == null) {
            return defaultValue;
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UsageError(name + " needs a whole number, not '" + text + "'");
        }
        if (value < min || value > max) {
            throw new UsageError(name + " must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }
}
