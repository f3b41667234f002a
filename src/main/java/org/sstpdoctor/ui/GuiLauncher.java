package org.sstpdoctor.ui;

import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

/**
 * Starts the wizard, or says in one line why it cannot: no display, no GTK 3 on Linux, an unknown
 * practice scenario. Never a raw stack trace; the command line works without any of these.
 */
public final class GuiLauncher {
    /** Exit codes as the command line uses them: 2 for bad usage, 3 when the window cannot open. */
    public static final int BAD_USAGE = 2;
    public static final int CANNOT_OPEN = 3;

    private GuiLauncher() {
    }

    /** Runs the wizard until its window closes; returns the process exit code. */
    public static int launch(String[] args, PrintStream err) {
        if (org.sstpdoctor.diag.Diagnostics.debugTarget(args).isPresent()) {
            UiLog.enableDebug();
        }
        Optional<String> practice = DesktopApp.practiceProblem(args);
        if (practice.isPresent()) {
            err.println(practice.get());
            return BAD_USAGE;
        }
        Optional<String> missing = missingDisplay(System.getProperty("os.name", ""), System.getenv());
        if (missing.isPresent()) {
            err.println(missing.get());
            return CANNOT_OPEN;
        }
        try {
            StartupMarks.mark("launch");
            DesktopApp.launchApp(args);
            return 0;
        } catch (RuntimeException | LinkageError e) {
            err.println(cannotOpen(e));
            return CANNOT_OPEN;
        }
    }

    /** Whether these arguments are the wizard's own: none, {@code --practice[=NAME]}, {@code --debug}. */
    public static boolean isWizard(String[] args) {
        return java.util.Arrays.stream(args).allMatch(a -> a.equals("--practice") || a.startsWith("--practice=")
                || a.equals("--debug") || a.startsWith("--debug="));
    }

    /** On Linux and other X11 systems a window needs $DISPLAY (or Wayland's socket); say so before JavaFX fails. */
    static Optional<String> missingDisplay(String osName, Map<String, String> env) {
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return Optional.empty();
        }
        boolean display = !env.getOrDefault("DISPLAY", "").isBlank() || !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
        return display ? Optional.empty() : Optional.of(Texts.get("launch.nodisplay"));
    }

    /** One line: what is missing, and that the command line works without it. */
    static String cannotOpen(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().strip();
        boolean gtk = root instanceof LinkageError || why.toLowerCase(java.util.Locale.ROOT).contains("gtk")
                || why.contains("pipeline");
        return Texts.get(gtk ? "launch.nogtk" : "launch.failed", why.lines().findFirst().orElse(why));
    }
}
