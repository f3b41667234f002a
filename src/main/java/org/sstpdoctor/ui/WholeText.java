package org.sstpdoctor.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.Region;

/**
 * Text that wraps is never cut to "…": a wrapping label keeps the height its lines need, and a page
 * taller than the window scrolls (the frame's page area is a scroll pane) instead of squeezing it.
 */
final class WholeText {
    private WholeText() {
    }

    /** A list's empty state: it wraps inside a narrow list instead of ending in "…". */
    static Label placeholder(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        label.setMaxWidth(Double.MAX_VALUE);
        label.getStyleClass().add("list-placeholder");
        return label;
    }

    static void keep(Node node) {
        if (node instanceof Label l && l.isWrapText() && l.getMinHeight() == Region.USE_COMPUTED_SIZE) {
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        if (node instanceof TitledPane t && t.getContent() != null) {
            keep(t.getContent());
        } else if (node instanceof ScrollPane s && s.getContent() != null) {
            keep(s.getContent());
        } else if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(WholeText::keep);
        }
    }
}
