package com.puffy.pipeline.io;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file through a temporary sibling and a rename, so a reader never sees half of it. */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Something that writes text and may fail with an I/O error. */
    @FunctionalInterface
    public interface WriterBody {
        void write(Writer writer) throws IOException;
    }

    /** Something that writes bytes and may fail with an I/O error. */
    @FunctionalInterface
    public interface OutputBody {
        void write(OutputStream out) throws IOException;
    }

    public static void write(Path target, WriterBody body) throws IOException {
        Path temp = temp(target);
        // The byte buffer matters: the encoder hands over 8 KB at a time, one system call each without it.
        try (Writer writer = new BufferedWriter(new OutputStreamWriter(new BufferedOutputStream(
                Files.newOutputStream(temp), 1 << 20), StandardCharsets.UTF_8), 1 << 16)) {
            body.write(writer);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        move(temp, target);
    }

    /** For a writer that already holds UTF-8 bytes: no character encoder between it and the file. */
    public static void writeBytes(Path target, OutputBody body) throws IOException {
        Path temp = temp(target);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
            body.write(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        move(temp, target);
    }

    private static Path temp(Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        return parent.resolve(target.getFileName() + ".tmp");
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, writer -> writer.write(text));
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
