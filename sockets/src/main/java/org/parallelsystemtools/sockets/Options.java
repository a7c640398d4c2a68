package org.parallelsystemtools.sockets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tiny "--name value" parser the programs of this module share. Every mistake becomes a
 * {@link UsageException} whose message is the one line a program prints before exiting with 2.
 */
final class Options {

    /** A bad command line; the message is meant for the user, so no stack trace is kept. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> positional = new ArrayList<>();

    private Options() {
    }

    static Options parse(String[] args, Set<String> valueOptions, Set<String> flagOptions)
            throws UsageException {
        Options options = new Options();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (valueOptions.contains(arg)) {
                if (i + 1 >= args.length) {
                    throw new UsageException(arg + " needs a value");
                }
                options.values.put(arg, args[++i]);
            } else if (flagOptions.contains(arg)) {
                options.flags.add(arg);
            } else if (arg.startsWith("--")) {
                throw new UsageException("unknown option " + arg);
            } else {
                options.positional.add(arg);
            }
        }
        return options;
    }

    String value(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    int intValue(String name, int fallback, int min, int max) throws UsageException {
        String text = values.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range the option accepts
        }
        throw new UsageException(name + " wants a whole number from " + min + " to " + max
                + ", not '" + text + "'");
    }

    List<String> positional() {
        return positional;
    }

    void noPositional() throws UsageException {
        if (!positional.isEmpty()) {
            throw new UsageException("unexpected argument '" + positional.get(0) + "'");
        }
    }
}
