package com.puffy.pipeline;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * Folders a test makes read-only to this process, and gives back. Tests run as root here, which writes read-only
 * folders all the same, so a folder chmod cannot protect is made immutable (chattr +i), which root may not change
 * either; where neither works the test is skipped.
 */
public final class ReadOnlyFolders {
    private boolean any;

    /** Makes {@code folder} one whose entries this process may not delete, or skips the test. */
    public void protect(Path folder) throws IOException, InterruptedException {
        any = true;
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (!Files.isWritable(folder)) {
            return;
        }
        assumeTrue(chattr("+i", folder) && !Files.isWritable(folder),
                "neither chmod nor chattr +i makes a folder read-only to this user here");
    }

    /** Every folder under {@code root} writable again, wherever a run moved a protected one (into a set-aside copy). */
    public void releaseAll(Path root) throws IOException, InterruptedException {
        if (!any || !Files.exists(root)) {
            return;
        }
        List<Path> folders;
        try (Stream<Path> walk = Files.walk(root)) {
            folders = walk.filter(Files::isDirectory).toList();
        }
        for (Path folder : folders) {
            chattr("-i", folder);
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        any = false;
    }

    /** False where chattr is missing or may not change the flag. */
    private static boolean chattr(String change, Path folder) throws InterruptedException {
        try {
            Process chattr = new ProcessBuilder("chattr", change, folder.toString()).redirectErrorStream(true).start();
            chattr.getInputStream().readAllBytes();
            return chattr.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
