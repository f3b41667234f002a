package org.sstpdoctor.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Saves what a window shows as a PNG under target/screenshots, so every page can be looked at. */
final class Screenshots {
    static final Path FOLDER = Path.of("target", "screenshots");

    private Screenshots() {
    }

    static Path save(Scene scene, String name) {
        return save(scene, name, 1);
    }

    /**
     * @param scale the output scale: 1.5 draws the window as a 150% display does, every glyph and
     *              line rendered at 1.5 times (not an enlarged 100% picture), in a 1.5 times larger image
     */
    static Path save(Scene scene, String name, double scale) {
        WritableImage[] image = new WritableImage[1];
        WaitForAsyncUtils.waitForFxEvents();
        javafx.application.Platform.runLater(() -> {
            if (scale == 1) {
                image[0] = scene.snapshot(null);
            } else {
                javafx.scene.SnapshotParameters p = new javafx.scene.SnapshotParameters();
                p.setTransform(javafx.scene.transform.Transform.scale(scale, scale));
                p.setFill(scene.getFill());
                p.setViewport(new javafx.geometry.Rectangle2D(0, 0, scene.getWidth() * scale, scene.getHeight() * scale));
                image[0] = scene.getRoot().snapshot(p, null);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        try {
            Files.createDirectories(FOLDER);
            Path file = FOLDER.resolve(name + ".png");
            ImageIO.write(toBuffered(image[0]), "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Pixel copy: javafx-swing is not needed just for this. */
    private static BufferedImage toBuffered(WritableImage fx) {
        int w = (int) fx.getWidth();
        int h = (int) fx.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader reader = fx.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, reader.getArgb(x, y));
            }
        }
        return out;
    }
}
