package org.parallelsystemtools.signals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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
    private final List<String> positionals = new ArrayList<>();

    private Args() {
    }

    /** Options only. */
    static Args parse(String[] args, Set<String> valueOptions, Set<String> flagOptions) throws UsageError {
        return parse(args, valueOptions, flagOptions, 0);
    }

    /** The first {@code positionals} arguments are not options (see {@link #positional}). */
    static Args parse(String[] args, Set<String> valueOptions, Set<String> flagOptions, int positionals)
            throws UsageError {
        Args parsed = new Args();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (parsed.positionals.size() < positionals && !arg.startsWith("--")) {
                parsed.positionals.add(arg);
                continue;
            }
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

    /** The i-th argument that is not an option, or null. */
    String positional(int i) {
        return i < positionals.size() ? positionals.get(i) : null;
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

    /** A time in seconds, fractions allowed ("0.05"), returned in milliseconds. */
    long millis(String name, double defaultSeconds, double maxSeconds) throws UsageError {
        String text = values.get(name);
        if (text == null) {
            return Math.round(defaultSeconds * 1000);
        }
        double seconds;
        try {
            seconds = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new UsageError(name + " needs a number of seconds, not '" + text + "'");
        }
        if (!(seconds >= 0.001 && seconds <= maxSeconds)) {
            throw new UsageError(name + " must be between 0.001 and " + (long) maxSeconds + " seconds, not " + text);
        }
        return Math.round(seconds * 1000);
    }
}
