package org.sstpdoctor.ui;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The wizard's part of the build's training run (cli.StartupArchive, on the build's own Xvfb display):
 * the wizard starts as a person starts it, paints its first page, loads the next pages as it does a
 * moment later, and exits. Whatever that loads and makes goes into the wizard's class-data-sharing
 * archive: the JDK's XML parser that reads the FXML, the CSS parser, the GTK toolkit's and the
 * renderer's classes, and the lambdas JavaFX makes at its start, which loading classes without a
 * window (the fallback when the build has no display) never reaches.
 */
public final class FirstPaintTraining {
    /** Long enough for a first paint on a busy build machine; a wizard that never paints must not hang the build. */
    static final long GIVE_UP_SECONDS = 60;

    private FirstPaintTraining() {
    }

    /**
     * Runs the wizard to its first paint on the display in {@code DISPLAY}. Returns the first paint's
     * time as the app measured it, or why there was none (the archive is then made without it).
     */
    public static String run() {
        System.setProperty(DesktopApp.MEASURE_STARTUP, "true");
        System.setProperty(DesktopApp.TRAIN_STARTUP, "true");
        Thread giveUp = new Thread(() -> {
            try {
                Thread.sleep(GIVE_UP_SECONDS * 1000);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("startup archive: the wizard did not paint within " + GIVE_UP_SECONDS + " s; archived without it");
            System.exit(0); // the archive is still written at exit
        }, "first-paint training time limit");
        giveUp.setDaemon(true);
        giveUp.start();
        // The app's own figures (first-paint-ms=...) are read here, not printed into the build's log.
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);
        int code;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            code = GuiLauncher.launch(new String[0], err);
        } finally {
            System.setOut(out);
            giveUp.interrupt();
        }
        Optional<String> paint = printed.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith("first-paint-ms=")).map(l -> l.substring("first-paint-ms=".length())).findFirst();
        if (code != 0 || paint.isEmpty()) {
            String why = errors.toString(StandardCharsets.UTF_8).strip();
            return "no first paint (" + (why.isEmpty() ? "exit " + code : why.lines().findFirst().orElse(why)) + ")";
        }
        return "first page painted, next pages loaded";
    }
}
