package com.puffy.pipeline.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * SPEC §2: every {@code *.csv} directly inside the folder ({@code recursive} descends), sorted by relative name.
 * The run's own output folder is skipped when it lies inside the input, so a recursive run never reads its outputs.
 */
final class InputDiscovery {
    private InputDiscovery() {
    }

    static List<InputFile> find(Path inputDir, boolean recursive, Path outputDir) throws IOException {
        Path root = inputDir.toAbsolutePath().normalize();
        Path skip = outputDir == null ? null : outputDir.toAbsolutePath().normalize();
        List<InputFile> files = new ArrayList<>();
        try (Stream<Path> walk = recursive ? Files.walk(root) : Files.list(root)) {
            walk.forEach(path -> {
                Path absolute = path.toAbsolutePath().normalize();
                if (skip != null && absolute.startsWith(skip)) {
                    return;
                }
                if (!path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                    return;
                }
                try {
                    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                    if (!attributes.isRegularFile()) {
                        return;
                    }
                    String name = root.relativize(absolute).toString().replace('\\', '/');
                    files.add(new InputFile(path, name, attributes.size(), attributes.lastModifiedTime().toMillis()));
                } catch (IOException e) {
                    String name = root.relativize(absolute).toString().replace('\\', '/');
                    files.add(new InputFile(path, name, -1, -1));
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        files.sort(Comparator.comparing(InputFile::name));
        return files;
    }
}
