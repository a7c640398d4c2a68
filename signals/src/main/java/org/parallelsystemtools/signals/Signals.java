package org.parallelsystemtools.signals;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import sun.misc.Signal;

/**
 * What the three programs share: Python's {@code time.asctime()} and turning "USR1", "SIGUSR1"
 * or "10" into a {@link Signal}. {@code sun.misc.Signal} knows signals by name only (without
 * the SIG prefix); numbers differ between systems (USR1 is 10 on Linux, 30 on macOS), so a number
 * is looked up among the names this JVM knows.
 */
final class Signals {

    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);

    private static final List<String> POSIX_NAMES = List.of(
            "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2",
            "PIPE", "ALRM", "TERM", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU",
            "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS");

    private Signals() {
    }

    /** Python's time.asctime(), e.g. "Mon Nov 23 01:23:53 2026". */
    static String now() {
        return LocalDateTime.now().format(ASCTIME);
    }

    /** Milliseconds as seconds: "60", "0.3". */
    static String seconds(long millis) {
        return java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
    }

    /** "SIGUSR1 (10)". */
    static String describe(Signal signal) {
        return "SIG" + signal.getName() + " (" + signal.getNumber() + ")";
    }

    /** A signal from its name ("USR1", "SIGUSR1", "usr1") or its number on this system ("10"). */
    static Signal parse(String text) throws Args.UsageError {
        String name = text.toUpperCase(Locale.ROOT);
        if (name.startsWith("SIG")) {
            name = name.substring(3);
        }
        if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
            for (String known : POSIX_NAMES) {
                Signal signal = known(known);
                if (signal != null && String.valueOf(signal.getNumber()).equals(name)) {
                    return signal;
                }
            }
        } else if (!name.isEmpty()) {
            Signal signal = known(name);
            if (signal != null) {
                return signal;
            }
        }
        throw new Args.UsageError("unknown signal: '" + text + "' (try USR1, HUP, TERM or a number)");
    }

    private static Signal known(String name) {
        try {
            return new Signal(name);
        } catch (IllegalArgumentException unknownHere) {
            return null;
        }
    }
}
