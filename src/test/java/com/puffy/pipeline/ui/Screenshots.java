package com.puffy.pipeline.ui;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Saves a scene as a PNG under target/screenshots (BUILD-NOTES pitfall 5), to look at what a user sees. */
final class Screenshots {
    private Screenshots() {
    }

    static Path save(Scene scene, String name) throws Exception {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> image.set(scene.snapshot(null))).get();
        BufferedImage buffered = SwingFXUtils.fromFXImage(image.get(), null);
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Path file = dir.resolve(name + ".png");
        ImageIO.write(buffered, "png", file.toFile());
        return file;
    }
}
