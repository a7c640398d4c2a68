package org.parallelsystemtools.waiting.beyond;

/**
 * {@code getpid}, {@code getppid}, {@code kill} and {@code mkfifo} straight from the C library
 * (the real program is {@code PosixCalls22}). The Foreign Function &amp; Memory API it uses is final from JDK 22
 * on; this class exists on every JDK so that an older one can say so in a line.
 */
public final class PosixCalls {

    private PosixCalls() {
    }

    public static void main(String[] args) throws Throwable {
        Options.runOnJdk(22, "PosixCalls", "org.parallelsystemtools.waiting.beyond.PosixCalls22", args);
    }
}
