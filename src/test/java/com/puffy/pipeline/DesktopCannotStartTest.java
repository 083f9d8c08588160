package com.puffy.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real launch path, in a JVM of its own: JavaFX fails inside {@code Application.launch}, and what reaches the
 * user must be {@code Main}'s sentence and the usage exit code, not JavaFX's stack trace and exit 1 (which SPEC
 * reserves for CRITICAL alerts). Which of the two machine faults the child meets depends on this machine: without
 * GTK 3 (a CI container) it cannot load GTK; with it, it cannot reach the display named here, which nothing serves.
 */
class DesktopCannotStartTest {
    @TempDir
    Path dir;

    @Test
    void aScreenJavaFxCannotOpenEndsInASentenceAndTheUsageExitCode() throws Exception {
        Path events = Files.createDirectory(dir.resolve("events"));
        Path home = Files.createDirectory(dir.resolve("home"));
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder child = new ProcessBuilder(List.of(java, "-Duser.home=" + home,
                "-Djava.util.prefs.userRoot=" + home.resolve("prefs"),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--input", events.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
        child.environment().remove("WAYLAND_DISPLAY");
        child.environment().put("DISPLAY", ":4711");
        child.environment().put("HOME", home.toString());

        Process process = child.start();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("the child ended").isTrue();
        String output = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);

        assertThat(output).containsAnyOf("eventpipe: the desktop app needs GTK 3",
                "eventpipe: the desktop app could not open a window on the screen named by DISPLAY=:4711.");
        assertThat(output).doesNotContain("\tat ").doesNotContain("Exception in thread");
        assertThat(process.exitValue()).isEqualTo(2);
    }
}
