package org.parallelsystemtools.pools;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --name value} options of the programs in this module. A bad option becomes a
 * {@link UsageError}, which each program prints as one line on stderr before exiting with 2.
 */
final class Options {

    /** One clear sentence for stderr; never a stack trace. */
    static final class UsageError extends Exception {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }

    private final Map<String, String> given = new HashMap<>();

    Options(String[] args, String... known) throws UsageError {
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!List.of(known).contains(name)) {
                throw new UsageError("unknown option '" + name + "' (options: " + String.join(" ", known) + ")");
            }
            if (i + 1 == args.length) {
                throw new UsageError(name + " needs a value");
            }
            given.put(name, args[++i]);
        }
    }

    /** A whole number of at least {@code min}. */
    int count(String name, int fallback, int min) throws UsageError {
        String text = given.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the rule
        }
        throw new UsageError(name + " must be a whole number >= " + min + ", not '" + text + "'");
    }

    /** A number of seconds or a scale factor: finite and not negative. */
    double amount(String name, double fallback) throws UsageError {
        String text = given.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(text);
            if (value >= 0 && value < 1e6) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the rule
        }
        throw new UsageError(name + " must be a number from 0 to 1e6, not '" + text + "'");
    }

    /** The random seed, or null for a different run each time. */
    Long seed() throws UsageError {
        String text = given.get("--seed");
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UsageError("--seed must be a whole number, not '" + text + "'");
        }
    }

    /** One of a few fixed words. */
    String choice(String name, String fallback, String... choices) throws UsageError {
        String text = given.getOrDefault(name, fallback);
        if (!List.of(choices).contains(text)) {
            throw new UsageError(name + " must be one of " + String.join(", ", choices) + ", not '" + text + "'");
        }
        return text;
    }
}
