package com.puffy.pipeline.installer;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws the app icon with Java2D: four stage nodes on a rising line (quality, transform, analysis, monitoring)
 * over faint report bars, on a rounded indigo-to-teal tile. Vector drawing at every size keeps small icons sharp.
 *
 * <p>Regenerate the committed files in {@code assets/} and the Linux theme icons in {@code installer/linux/app/icons}
 * (the build only reads them):
 * {@code ./mvnw -q -o test-compile && java -cp target/test-classes com.puffy.pipeline.installer.AppIcon assets}
 */
public final class AppIcon {
    static final int[] SIZES = {16, 32, 48, 64, 128, 256, 512, 1024};
    static final List<Integer> ICO_SIZES = List.of(16, 32, 48, 256);
    /**
     * The sizes Linux desktops look up in the hicolor icon theme (menus 16–48, docks and launchers 64–256, HiDPI
     * 512): with one 256 px file, a 16 or 24 px menu icon was that file scaled down by the desktop, blurred.
     */
    static final List<Integer> HICOLOR_SIZES = List.of(16, 24, 32, 48, 64, 128, 256, 512);
    /** Where the app image carries them (it becomes lib/app/icons), for the package scripts to install. */
    static final Path HICOLOR = Path.of("installer/linux/app/icons/hicolor");

    private static final Color TOP = new Color(0x2B, 0x32, 0x8C);
    private static final Color BOTTOM = new Color(0x12, 0x9E, 0xB8);
    private static final Color ALERT = new Color(0xFF, 0xB3, 0x2E);

    private AppIcon() {
    }

    static BufferedImage render(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.scale(size / 100.0, size / 100.0);
            drawUnitIcon(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The icon on a 100 × 100 canvas. */
    private static void drawUnitIcon(Graphics2D g) {
        RoundRectangle2D tile = new RoundRectangle2D.Double(4, 4, 92, 92, 40, 40);
        g.setPaint(new GradientPaint(0, 4, TOP, 0, 96, BOTTOM));
        g.fill(tile);
        g.setClip(tile);

        g.setColor(new Color(255, 255, 255, 46));
        double[][] bars = {{18, 58}, {36, 48}, {54, 38}, {72, 30}};
        for (double[] bar : bars) {
            g.fill(new RoundRectangle2D.Double(bar[0], bar[1], 12, 96 - bar[1], 3, 3));
        }

        double[][] nodes = {{24, 66}, {42, 50}, {60, 56}, {78, 30}};
        Path2D line = new Path2D.Double();
        line.moveTo(nodes[0][0], nodes[0][1]);
        for (int i = 1; i < nodes.length; i++) {
            line.lineTo(nodes[i][0], nodes[i][1]);
        }
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(5.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(line);
        for (int i = 0; i < nodes.length; i++) {
            double r = i == nodes.length - 1 ? 8.5 : 7;
            g.setColor(Color.WHITE);
            g.fill(new Ellipse2D.Double(nodes[i][0] - r, nodes[i][1] - r, 2 * r, 2 * r));
            double inner = r - 3.2;
            g.setColor(i == nodes.length - 1 ? ALERT : TOP);
            g.fill(new Ellipse2D.Double(nodes[i][0] - inner, nodes[i][1] - inner, 2 * inner, 2 * inner));
        }
    }

    static Map<Integer, BufferedImage> renderAll() {
        Map<Integer, BufferedImage> images = new LinkedHashMap<>();
        for (int size : SIZES) {
            images.put(size, render(size));
        }
        return images;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "assets");
        Files.createDirectories(dir);
        Map<Integer, BufferedImage> images = renderAll();
        Files.write(dir.resolve("icon.png"), IconContainers.png(images.get(256)));
        Files.write(dir.resolve("icon-512.png"), IconContainers.png(images.get(512)));
        Files.write(dir.resolve("icon.ico"), IconContainers.ico(ICO_SIZES.stream().map(images::get).toList()));
        Files.write(dir.resolve("icon.icns"), IconContainers.icns(images));
        for (int size : HICOLOR_SIZES) {
            Path file = hicolorFile(size);
            Files.createDirectories(file.getParent());
            Files.write(file, IconContainers.png(render(size)));
        }
    }

    static Path hicolorFile(int size) {
        return HICOLOR.resolve(size + "x" + size + "/apps/eventpipe.png");
    }
}
