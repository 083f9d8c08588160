package com.puffy.pipeline.installer;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Writes and reads the two icon containers jpackage wants besides PNG: Windows {@code .ico} and macOS {@code .icns}.
 * Both are small: a directory of images. Writing them here keeps ImageMagick and icnsutils out of the build.
 */
final class IconContainers {
    /** icns element types holding PNG data, by pixel size (the @2x variants reuse the larger renderings). */
    static final Map<String, Integer> ICNS_TYPES = icnsTypes();

    private IconContainers() {
    }

    private static Map<String, Integer> icnsTypes() {
        Map<String, Integer> types = new LinkedHashMap<>();
        types.put("icp4", 16);
        types.put("icp5", 32);
        types.put("ic11", 32);
        types.put("icp6", 64);
        types.put("ic12", 64);
        types.put("ic07", 128);
        types.put("ic13", 256);
        types.put("ic08", 256);
        types.put("ic14", 512);
        types.put("ic09", 512);
        types.put("ic10", 1024);
        return types;
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * An {@code .ico}: sizes below 256 as 32-bit DIBs (what every Windows shell and resource tool reads), 256 as PNG
     * (the Vista format; a 256 px DIB would be 256 KB).
     */
    static byte[] ico(List<BufferedImage> images) {
        List<byte[]> payloads = images.stream()
                .map(image -> image.getWidth() >= 256 ? png(image) : dib(image))
                .toList();
        int headerSize = 6 + 16 * images.size();
        int total = headerSize + payloads.stream().mapToInt(p -> p.length).sum();
        ByteBuffer buffer = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putShort((short) 0).putShort((short) 1).putShort((short) images.size());
        int offset = headerSize;
        for (int i = 0; i < images.size(); i++) {
            BufferedImage image = images.get(i);
            int size = image.getWidth();
            buffer.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size));
            buffer.put((byte) 0).put((byte) 0);
            buffer.putShort((short) 1).putShort((short) 32);
            buffer.putInt(payloads.get(i).length).putInt(offset);
            offset += payloads.get(i).length;
        }
        payloads.forEach(buffer::put);
        return buffer.array();
    }

    /** A BITMAPINFOHEADER image as stored in an .ico: bottom-up BGRA rows, then a 1-bit AND mask (all opaque). */
    private static byte[] dib(BufferedImage image) {
        int size = image.getWidth();
        int maskRow = ((size + 31) / 32) * 4;
        ByteBuffer buffer = ByteBuffer.allocate(40 + size * size * 4 + maskRow * size).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(40).putInt(size).putInt(size * 2).putShort((short) 1).putShort((short) 32);
        buffer.putInt(0).putInt(size * size * 4).putInt(0).putInt(0).putInt(0).putInt(0);
        for (int y = size - 1; y >= 0; y--) {
            for (int x = 0; x < size; x++) {
                int argb = image.getRGB(x, y);
                buffer.put((byte) argb).put((byte) (argb >> 8)).put((byte) (argb >> 16)).put((byte) (argb >>> 24));
            }
        }
        // The alpha channel decides transparency; an all-zero AND mask keeps every pixel.
        buffer.put(new byte[maskRow * size]);
        return buffer.array();
    }

    /** An {@code .icns}: the magic, the total length, then one (type, length, PNG) element per entry. */
    static byte[] icns(Map<Integer, BufferedImage> bySize) {
        ByteArrayOutputStream elements = new ByteArrayOutputStream();
        ICNS_TYPES.forEach((type, size) -> {
            BufferedImage image = bySize.get(size);
            if (image == null) {
                throw new IllegalArgumentException("no " + size + " px rendering for icns type " + type);
            }
            byte[] data = png(image);
            elements.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
            elements.writeBytes(ByteBuffer.allocate(4).putInt(8 + data.length).array());
            elements.writeBytes(data);
        });
        ByteBuffer buffer = ByteBuffer.allocate(8 + elements.size());
        buffer.put("icns".getBytes(StandardCharsets.US_ASCII)).putInt(8 + elements.size()).put(elements.toByteArray());
        return buffer.array();
    }

    /** One image of an .ico directory as read back: its declared size and whether it is stored as PNG. */
    record IcoEntry(int size, boolean png, BufferedImage image) {
    }

    static List<IcoEntry> readIco(byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (buffer.getShort(0) != 0 || buffer.getShort(2) != 1) {
            throw new IOException("not an .ico file (bad header)");
        }
        int count = buffer.getShort(4);
        java.util.ArrayList<IcoEntry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            int at = 6 + 16 * i;
            int width = Byte.toUnsignedInt(buffer.get(at));
            int size = width == 0 ? 256 : width;
            int length = buffer.getInt(at + 8);
            int offset = buffer.getInt(at + 12);
            if (offset + length > bytes.length) {
                throw new IOException("ico entry " + i + " runs past the end of the file");
            }
            boolean png = bytes[offset] == (byte) 0x89 && bytes[offset + 1] == 'P';
            BufferedImage image = png ? ImageIO.read(new java.io.ByteArrayInputStream(bytes, offset, length))
                    : readDib(buffer, offset, size);
            entries.add(new IcoEntry(size, png, image));
        }
        return entries;
    }

    private static BufferedImage readDib(ByteBuffer buffer, int offset, int size) throws IOException {
        if (buffer.getInt(offset) != 40 || buffer.getInt(offset + 4) != size || buffer.getInt(offset + 8) != size * 2
                || buffer.getShort(offset + 14) != 32) {
            throw new IOException("ico DIB entry of " + size + " px has an unexpected header");
        }
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        int at = offset + 40;
        for (int y = size - 1; y >= 0; y--) {
            for (int x = 0; x < size; x++) {
                int b = Byte.toUnsignedInt(buffer.get(at++));
                int g = Byte.toUnsignedInt(buffer.get(at++));
                int r = Byte.toUnsignedInt(buffer.get(at++));
                int a = Byte.toUnsignedInt(buffer.get(at++));
                image.setRGB(x, y, a << 24 | r << 16 | g << 8 | b);
            }
        }
        return image;
    }

    /** The PNG images of an .icns by element type, checking the declared lengths on the way. */
    static Map<String, BufferedImage> readIcns(byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (!"icns".equals(new String(bytes, 0, 4, StandardCharsets.US_ASCII)) || buffer.getInt(4) != bytes.length) {
            throw new IOException("not an .icns file, or its length field does not match the file");
        }
        Map<String, BufferedImage> images = new LinkedHashMap<>();
        int at = 8;
        while (at < bytes.length) {
            String type = new String(bytes, at, 4, StandardCharsets.US_ASCII);
            int length = buffer.getInt(at + 4);
            if (length < 8 || at + length > bytes.length) {
                throw new IOException("icns element " + type + " has a bad length " + length);
            }
            images.put(type, ImageIO.read(new java.io.ByteArrayInputStream(bytes, at + 8, length - 8)));
            at += length;
        }
        return images;
    }
}
