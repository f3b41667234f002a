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
        WritableImage[] image = new WritableImage[1];
        WaitForAsyncUtils.waitForFxEvents();
        javafx.application.Platform.runLater(() -> image[0] = scene.snapshot(null));
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
