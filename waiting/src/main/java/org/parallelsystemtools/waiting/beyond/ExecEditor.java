package org.parallelsystemtools.waiting.beyond;

/**
 * Deitel Fig. 18.7 the way the figure does it: the page is downloaded, then {@code execvp}
 * replaces this very JVM with the editor, which keeps the pid (the real program is
 * {@code ExecEditor22}). It calls the C library through the Foreign Function &amp; Memory API,
 * final from JDK 22 on; this class exists on every JDK so that an older one can say so in a line.
 */
public final class ExecEditor {

    private ExecEditor() {
    }

    public static void main(String[] args) throws Throwable {
        Options.runOnJdk(22, "ExecEditor", "org.parallelsystemtools.waiting.beyond.ExecEditor22", args);
    }
}
