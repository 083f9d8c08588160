package com.puffy.pipeline.quality;

import com.puffy.pipeline.core.InputNames;
import com.puffy.pipeline.core.OutputFiles;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/**
 * SPEC §2: every {@code *.csv} directly inside the folder ({@code recursive} descends), sorted by relative name, and
 * every compressed CSV, which validation names as skipped ({@link InputNames}).
 * The run's own output folder is skipped when it lies inside the input, and so is any folder of an earlier run's
 * outputs, so a recursive run never reads outputs as events.
 */
final class InputDiscovery {
    private InputDiscovery() {
    }

    static List<InputFile> find(Path inputDir, boolean recursive, Path outputDir) throws IOException {
        Path root = inputDir.toAbsolutePath().normalize();
        Path ownOutput = outputDir == null ? null : outputDir.toAbsolutePath().normalize();
        List<InputFile> files = new ArrayList<>();
        // A recursive run follows linked folders (a month kept on another disk, linked in): it skipped them without a
        // word. A link back up the tree is reported as a loop to visitFileFailed, which steps over it. Every run
        // follows links: an input folder given as a link was itself "a link, not a folder" to the walk, and a run
        // that was not recursive found no CSV in it at all. One level deep, following links descends nowhere.
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), recursive ? Integer.MAX_VALUE : 1,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                        Path absolute = dir.toAbsolutePath().normalize();
                        if (absolute.equals(root)) {
                            return FileVisitResult.CONTINUE;
                        }
                        // An output folder that holds the input folder (--input p/events --output p) holds every
                        // subfolder too: only one inside the input is the run's own, else every subfolder was skipped.
                        boolean own = ownOutput != null && absolute.startsWith(ownOutput) && !root.startsWith(ownOutput);
                        boolean outputs = own || isOutputFolder(dir);
                        return outputs ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path path, BasicFileAttributes attributes) {
                        if (!isListed(path)) {
                            return FileVisitResult.CONTINUE;
                        }
                        try {
                            // A link's own attributes say "link": what counts is the file it points to.
                            BasicFileAttributes target = attributes.isSymbolicLink()
                                    ? Files.readAttributes(path, BasicFileAttributes.class) : attributes;
                            if (target.isRegularFile()) {
                                files.add(new InputFile(path, name(root, path), target.size(),
                                        target.lastModifiedTime().toMillis()));
                            } else if (target.isDirectory()) {
                                // An unzipped day ("events_20250226.csv/") is met here, one level deep: skipped
                                // without a word, its day was missing with nothing to say why. Validation names it.
                                files.add(new InputFile(path, name(root, path), 0, target.lastModifiedTime().toMillis()));
                            } else if (target.isOther()) {
                                // A named pipe or device named like a day: skipped without a word (exit 0, the day
                                // missing). Validation names it without opening it, which would wait for a writer.
                                unreadable(path);
                            }
                        } catch (IOException e) {
                            unreadable(path);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path path, IOException e) throws IOException {
                        if (path.toAbsolutePath().normalize().equals(root)) {
                            throw e;
                        }
                        if (listedWhenUnreadable(path, e)) {
                            unreadable(path);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    /** Listed but not readable: validation reports it as UNREADABLE_FILE with the reason. */
                    private void unreadable(Path path) {
                        files.add(new InputFile(path, name(root, path), -1, -1));
                    }
                });
        files.sort(Comparator.comparing(InputFile::name));
        return files;
    }

    /**
     * Whether an entry the walk could not open is listed, for validation to name as UNREADABLE_FILE: a CSV, or a
     * subfolder a recursive run may not open. Such a subfolder was stepped over without a word, so a month of days
     * was missing from every output and the run ended 0. A link looping back up the tree is not listed.
     */
    static boolean listedWhenUnreadable(Path path, IOException e) {
        return isListed(path) || e instanceof AccessDeniedException && Files.isDirectory(path);
    }

    /**
     * A folder holding an earlier run's outputs (its run.json, or a stage's manifest): a recursive run must not read
     * a validated_events.csv there as a day of events.
     */
    private static boolean isOutputFolder(Path dir) {
        return Files.isRegularFile(dir.resolve(OutputFiles.RUN_MANIFEST))
                || Files.isRegularFile(dir.resolve(OutputFiles.STAGE_MANIFEST));
    }

    private static boolean isListed(Path path) {
        Path name = path.getFileName();
        return name != null && InputNames.isListed(name.toString());
    }

    private static String name(Path root, Path path) {
        return root.relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
