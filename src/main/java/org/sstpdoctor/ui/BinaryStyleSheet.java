package org.sstpdoctor.ui;

import java.io.File;
import java.io.IOException;

/**
 * Made by the build (pom execution {@code binary-style-sheet}), never at the app's start: the wizard's
 * style sheet in JavaFX's binary form, {@code sstp-doctor.bss}, beside {@code sstp-doctor.css} in the
 * classes. A scene given a {@code .css} URL loads the {@code .bss} beside it when there is one, so the
 * first paint reads the rules ready-made instead of parsing the text (measured in a JVM without a
 * class-data archive on a busy 2-core machine: about 200 ms to parse this sheet, 30 to 75 ms to read its
 * binary form). The {@code .css} stays the source, and is what JavaFX reads wherever no {@code .bss} was made.
 */
public final class BinaryStyleSheet {
    private BinaryStyleSheet() {
    }

    /** {@code args[0]}: the .css file; the .bss is written beside it. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1 || !args[0].endsWith(".css")) {
            throw new IllegalArgumentException("usage: BinaryStyleSheet FILE.css");
        }
        File css = new File(args[0]);
        javafx.css.Stylesheet.convertToBinary(css, binaryBeside(css));
    }

    static File binaryBeside(File css) {
        String name = css.getName();
        return new File(css.getParentFile(), name.substring(0, name.length() - ".css".length()) + ".bss");
    }
}
