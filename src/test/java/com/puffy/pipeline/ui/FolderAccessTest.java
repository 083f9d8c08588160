package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operating system's answer to whether a folder's files may be read. As root (CI, this project's test machines)
 * every folder is readable, so the denials are checked only where the tests run as a user; what the window says about
 * them is tested with a stand-in probe (MainViewModelTest).
 */
class FolderAccessTest {
    @TempDir
    Path dir;

    @Test
    void aFolderWithItsPermissionsLetsItsFilesBeRead() throws Exception {
        assertThat(FolderAccess.system().denied(Files.createDirectories(dir.resolve("events")))).isEmpty();
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aFolderWithoutReadOrSearchPermissionIsDeniedWithWhatIsMissing() throws Exception {
        Path unlisted = Files.createDirectories(dir.resolve("unlisted"));
        Path unopened = Files.createDirectories(dir.resolve("unopened"));
        Files.setPosixFilePermissions(unlisted, PosixFilePermissions.fromString("-wx------"));
        Files.setPosixFilePermissions(unopened, PosixFilePermissions.fromString("rw-------"));
        try {
            assumeFalse(Files.isReadable(unlisted), "root may read every folder");

            assertThat(FolderAccess.system().denied(unlisted)).isEqualTo(FolderAccess.NO_LISTING);
            assertThat(FolderAccess.system().denied(unopened)).isEqualTo(FolderAccess.NO_OPENING);
        } finally {
            Files.setPosixFilePermissions(unlisted, PosixFilePermissions.fromString("rwx------"));
            Files.setPosixFilePermissions(unopened, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
