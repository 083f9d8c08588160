package com.puffy.pipeline.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .deb's postinst and prerm (installer/linux/package), run with {@code sh} in the orders dpkg calls them (Debian
 * policy §6.6), against a scratch root ({@code DPKG_ROOT}): the menu entry and the {@code eventpipe} command are there
 * whenever the package is installed, including after an upgrade that failed, and gone after a removal.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class DebMaintainerScriptsTest {
    private static final Path PACKAGE = Path.of("installer/linux/package");
    private static final String LAUNCHER = "/opt/eventpipe/bin/eventpipe";

    @TempDir
    Path root;
    @TempDir
    Path scripts;

    private Path entry;
    private Path command;

    @BeforeEach
    void unpackTheAppImage() throws IOException {
        // What dpkg unpacks before postinst runs: the app image under /opt/eventpipe, with its menu entry.
        Path app = Files.createDirectories(root.resolve("opt/eventpipe"));
        Files.createDirectories(app.resolve("bin"));
        Files.writeString(app.resolve("bin/eventpipe"), "#!/bin/sh\n");
        Files.createDirectories(app.resolve("lib/app"));
        Files.copy(Path.of("installer/linux/app/eventpipe.desktop"), app.resolve("lib/app/eventpipe.desktop"));
        for (int size : AppIcon.HICOLOR_SIZES) {
            Path icon = app.resolve("lib/app/icons/hicolor").resolve(AppIcon.HICOLOR.relativize(AppIcon.hicolorFile(size)));
            Files.createDirectories(icon.getParent());
            Files.copy(AppIcon.hicolorFile(size), icon);
        }
        Files.createDirectories(root.resolve("usr/bin"));
        entry = root.resolve("usr/share/applications/eventpipe.desktop");
        command = root.resolve("usr/bin/eventpipe");
    }

    @AfterEach
    void removeTheLinkToALauncherOutsideTheScratchRoot() throws IOException {
        Files.deleteIfExists(command);
    }

    @Test
    void installAddsTheMenuEntryAndTheCommandOnThePath() throws Exception {
        run("postinst", "configure");

        assertInstalled();
        assertThat(Files.readString(entry)).isEqualTo(Files.readString(Path.of("installer/linux/app/eventpipe.desktop")));
        for (int size : AppIcon.HICOLOR_SIZES) {
            assertThat(themeIcon(size)).as("the %d px icon in the theme", size).hasSameBinaryContentAs(AppIcon.hicolorFile(size));
        }
    }

    @Test
    void upgradeKeepsTheMenuEntryAndTheCommand() throws Exception {
        run("postinst", "configure");

        run("prerm", "upgrade", "0.2.0-1");
        run("postinst", "configure", "0.1.0-1");

        assertInstalled();
    }

    @Test
    void anUpgradeThatFailsLeavesTheInstalledVersionWithItsMenuEntryAndCommand() throws Exception {
        run("postinst", "configure");

        // The old prerm runs, the new package's preinst fails (or its files do not fit on the disk); dpkg then calls
        // the old postinst with abort-upgrade and the old version stays installed.
        run("prerm", "upgrade", "0.2.0-1");
        run("postinst", "abort-upgrade", "0.2.0-1");

        assertInstalled();
    }

    @Test
    void removeTakesAwayTheMenuEntryAndTheCommand() throws Exception {
        run("postinst", "configure");

        run("prerm", "remove");

        assertThat(entry).doesNotExist();
        for (int size : AppIcon.HICOLOR_SIZES) {
            assertThat(themeIcon(size)).as("the %d px icon in the theme", size).doesNotExist();
        }
        assertThat(command).doesNotExist();
        assertThat(Files.isSymbolicLink(command)).isFalse();
    }

    @Test
    void anEventpipeCommandThatIsNotOursIsNeitherReplacedNorRemoved() throws Exception {
        Files.writeString(command, "#!/bin/sh\necho mine\n");

        run("postinst", "configure");
        run("prerm", "remove");

        assertThat(command).content().isEqualTo("#!/bin/sh\necho mine\n");
    }

    private Path themeIcon(int size) {
        return root.resolve("usr/share/icons/hicolor/" + size + "x" + size + "/apps/eventpipe.png");
    }

    private void assertInstalled() throws IOException {
        assertThat(entry).isRegularFile();
        assertThat(themeIcon(48)).isRegularFile();
        assertThat(Files.isSymbolicLink(command)).as("%s is a link", command).isTrue();
        assertThat(Files.readSymbolicLink(command)).hasToString(LAUNCHER);
    }

    /** Runs the script as jpackage fills it in (APPLICATION_PACKAGE is the package name) and as dpkg calls it. */
    private void run(String script, String... arguments) throws Exception {
        Path filled = scripts.resolve(script);
        Files.writeString(filled, Files.readString(PACKAGE.resolve(script)).replace("APPLICATION_PACKAGE", "eventpipe"));
        List<String> commandLine = new ArrayList<>(List.of("sh", filled.toString()));
        commandLine.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(commandLine).redirectErrorStream(true);
        builder.environment().put("DPKG_ROOT", root.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).as("%s %s: %s", script, String.join(" ", arguments), output).isZero();
    }
}
