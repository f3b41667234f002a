package org.sstpdoctor.ui;

import java.util.Locale;
import javafx.scene.layout.Region;

/**
 * A state drawn as a shape, not a font glyph (U+23F9 and friends are missing from common fonts):
 * a tick in a circle, a cross in a circle, a triangle, a square in a circle… Each state has its own
 * shape, so it reads without colour; the shapes and colours live in the style sheet
 * ({@code .state-icon.pass} and so on), sized in em so they grow at 150%.
 */
public final class StateIcon extends Region {
    public enum Kind { WAITING, RUNNING, PASS, WARN, FAIL, CANCELLED, SKIPPED }

    private Kind kind;

    public StateIcon() {
        getStyleClass().add("state-icon");
        setFocusTraversable(false);
        show(Kind.WAITING);
    }

    public void show(Kind k) {
        if (k == kind) {
            return;
        }
        if (kind != null) {
            getStyleClass().remove(styleClass(kind));
        }
        kind = k;
        getStyleClass().add(styleClass(k));
    }

    public Kind kind() {
        return kind;
    }

    private static String styleClass(Kind k) {
        return k.name().toLowerCase(Locale.ROOT);
    }
}
