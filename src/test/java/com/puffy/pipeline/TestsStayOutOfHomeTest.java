package com.puffy.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.UserFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;

/**
 * The test run writes nothing into the home of whoever runs it: preferences, the cache, the logs and JavaFX's native
 * libraries all follow the home the build gives the tests. Each test JVM (surefire runs two at once) has a home of
 * its own, target/test-home/fork-N (set in the pom), so two JVMs never share a preferences file, the sample data
 * folder or the default cache.
 */
class TestsStayOutOfHomeTest {
    private static final Path TEST_HOMES = Path.of("target", "test-home").toAbsolutePath().normalize();
    private static final Path TEST_HOME = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();

    @Test
    void javaTheEnvironmentAndTheAppsFoldersAllPointIntoTheBuildFolder() {
        assertThat(TEST_HOME.getParent()).isEqualTo(TEST_HOMES);
        assertThat(TEST_HOME.getFileName().toString()).as("the home of one test JVM").matches("fork-[1-9][0-9]*");
        assertThat(Path.of(System.getenv("HOME")).toAbsolutePath().normalize()).isEqualTo(TEST_HOME);
        for (String xdg : List.of("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME")) {
            assertThat(Path.of(System.getenv(xdg)).toAbsolutePath().normalize()).as(xdg).startsWithRaw(TEST_HOME);
        }
        assertThat(UserFolders.dataDir().toAbsolutePath().normalize()).startsWithRaw(TEST_HOME);
        assertThat(UserFolders.logDir().toAbsolutePath().normalize()).startsWithRaw(TEST_HOME);
    }

    @Test
    void preferencesAreWrittenUnderTheTestHome() throws Exception {
        Preferences node = Preferences.userRoot().node("eventpipe-test/stay-out-of-home");
        try {
            node.put("written", "yes");
            node.flush();
            assertThat(TEST_HOME.resolve(".java/.userPrefs/eventpipe-test/stay-out-of-home/prefs.xml")).exists();
        } finally {
            node.removeNode();
        }
        assertThat(Files.isDirectory(TEST_HOME)).isTrue();
    }
}
