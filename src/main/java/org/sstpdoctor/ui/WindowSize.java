package org.sstpdoctor.ui;

import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The window's first size: big enough that the first result shows the verdict and the first steps,
 * never bigger than the screen it opens on (at 150% a 1280×900 screen is 853×600 in JavaFX's units).
 */
final class WindowSize {
    static final double WIDTH = 760;
    static final double HEIGHT = 760; // a working server's two-line headline and explanation still leave its first step in view
    static final double MIN_WIDTH = 560;
    static final double MIN_HEIGHT = 480;

    private WindowSize() {
    }

    static void fit(Stage stage, Parent root) {
        fit(stage, root, Screen.getPrimary().getVisualBounds());
    }

    /** @param screen the usable part of the screen (without the taskbar), in JavaFX's units */
    static void fit(Stage stage, Parent root, Rectangle2D screen) {
        double w = Math.min(WIDTH, screen.getWidth() - 16);
        double h = Math.min(HEIGHT, screen.getHeight() - 16);
        // The FXML's preferred size would otherwise win over the stage's; the window fits the screen instead.
        if (root instanceof javafx.scene.layout.Region r) {
            r.setPrefSize(w, h);
            r.setMinSize(Math.min(MIN_WIDTH, w), Math.min(MIN_HEIGHT, h));
        }
        stage.setMinWidth(Math.min(MIN_WIDTH, w));
        stage.setMinHeight(Math.min(MIN_HEIGHT, h));
        stage.setWidth(w);
        stage.setHeight(h);
        stage.setX(screen.getMinX() + (screen.getWidth() - w) / 2);
        stage.setY(screen.getMinY() + Math.max(0, (screen.getHeight() - h) / 3));
    }
}
