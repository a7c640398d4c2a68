package org.parallelsystemtools.waiting.beyond;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The one option parser of the beyond-tier programs: {@code --name value}, {@code --name=value}
 * and bare {@code --flag}s. A bad argument is one line on standard error,
 * {@code PROGRAM: --x must be a whole number from A to B, not 'X' (usage: ...)}, and exit
 * status 2 — never a stack trace. {@code --help} prints the usage and exits 0.
 *
 * <pre>
 * Options options = new Options("PipeThroughput", "PipeThroughput [--mb N] [--block BYTES]", args, "--mb", "--block");
 * int mb = options.whole("--mb", 1024, 1, 65536);
 * </pre>
 */
public final class Options {

    /** How a failure or {@code --help} ends the program; a test puts a throwing one in its place. */
    static IntConsumer exit = System::exit;

    private final String program;
    private final String usage;
    private final Map<String, String> values = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    /**
     * Reads {@code args}; {@code names} are the options this program knows. A name ending in
     * {@code !} is a flag that takes no value ({@code "--virtual!"}).
     */
    public Options(String program, String usage, String[] args, String... names) {
        this.program = program;
        this.usage = usage;
        List<String> known = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        for (String name : names) {
            if (name.endsWith("!")) {
                flags.add(name.substring(0, name.length() - 1));
            } else {
                known.add(name);
            }
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println("usage: " + usage);
                exit.accept(0);
                return;
            }
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (flags.contains(name) && eq < 0) {
                values.put(name, "true");
            } else if (!known.contains(name)) {
                fail("unknown option '" + name + "'");
            } else if (eq >= 0) {
                values.put(name, arg.substring(eq + 1));
            } else if (i + 1 < args.length) {
                values.put(name, args[++i]);
            } else {
                fail(name + " needs a value");
            }
        }
    }

    /** A whole-number option from {@code min} to {@code max}. */
    public int whole(String name, int fallback, int min, int max) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // the message below says what was wanted
        }
        return fail(name + " must be a whole number from " + min + " to " + max + ", not '" + value + "'");
    }

    /** A decimal option from {@code min} to {@code max}. */
    public double decimal(String name, double fallback, double min, double max) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            double number = Double.parseDouble(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // the message below says what was wanted
        }
        return fail(name + " must be a number from " + plain(min) + " to " + plain(max) + ", not '" + value + "'");
    }

    /** A text option, or {@code fallback}; an empty value is an error. */
    public String text(String name, String fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        if (value.isBlank()) {
            fail(name + " must not be empty");
        }
        return value;
    }

    /** True if the flag was given. */
    public boolean flag(String name) {
        return values.containsKey(name);
    }

    /** The arguments that are not options, at most {@code max} of them. */
    public List<String> positional(int max) {
        if (positional.size() > max) {
            fail("unexpected argument '" + positional.get(max) + "'");
        }
        return List.copyOf(positional);
    }

    /** Prints {@code PROGRAM: message (usage: ...)} on standard error and exits with status 2. */
    public <T> T fail(String message) {
        System.err.println(program + ": " + message + " (usage: " + usage + ")");
        exit.accept(2);
        throw new AssertionError("unreachable");
    }

    /**
     * Runs {@code main} of {@code className}, a program compiled only when Maven runs on JDK
     * {@code feature} or newer (its source is in {@code src/main/java21} or {@code java22}); on
     * an older JDK it says in one line which JDK the program needs, and exits with status 2. The
     * program's own name is a release-17 class that calls this, so that it exists on every JDK.
     */
    public static void runOnJdk(int feature, String program, String className, String[] args) throws Throwable {
        int running = Runtime.version().feature();
        if (running < feature) {
            System.err.println(program + ": needs JDK " + feature + " or newer, and this is JDK " + running
                    + " (point JAVA_HOME at a JDK " + feature + "+ and build again)");
            exit.accept(2);
            return;
        }
        Class<?> real;
        try {
            real = Class.forName(className);
        } catch (ClassNotFoundException e) {
            System.err.println(program + ": not compiled yet on this JDK (run mvn compile on JDK " + feature + "+)");
            exit.accept(2);
            return;
        }
        try {
            real.getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static String plain(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }
}
