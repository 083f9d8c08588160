package com.puffy.pipeline.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the default cache goes (SPEC §8: the user's data folder). */
class UserFoldersTest {
    @Test
    void onLinuxTheDataFolderFollowsHomeNotThePasswordDatabase() {
        assertThat(UserFolders.xdgDataDir("Linux", Map.of("HOME", "/tmp/fresh-home")))
                .isEqualTo(Path.of("/tmp/fresh-home/.local/share/EventPipelineStudio"));
    }

    @Test
    void onLinuxXdgDataHomeWinsOverHome() {
        assertThat(UserFolders.xdgDataDir("Linux", Map.of("HOME", "/tmp/h", "XDG_DATA_HOME", "/tmp/xdg")))
                .isEqualTo(Path.of("/tmp/xdg/EventPipelineStudio"));
    }

    @Test
    void relativeOrEmptyVariablesAreIgnoredAsTheXdgSpecificationSays() {
        assertThat(UserFolders.xdgDataDir("Linux", Map.of("HOME", "/tmp/h", "XDG_DATA_HOME", "rel")))
                .isEqualTo(Path.of("/tmp/h/.local/share/EventPipelineStudio"));
        assertThat(UserFolders.xdgDataDir("Linux", Map.of("HOME", ""))).isNull();
        assertThat(UserFolders.xdgDataDir("Linux", Map.of())).isNull();
    }

    @Test
    void windowsAndMacKeepTheirOwnPlaces() {
        assertThat(UserFolders.xdgDataDir("Windows 11", Map.of("HOME", "/tmp/h"))).isNull();
        assertThat(UserFolders.xdgDataDir("Mac OS X", Map.of("HOME", "/tmp/h"))).isNull();
    }

    @Test
    void theDefaultCacheIsInTheDataFolderUnlessEventpipeHomeIsSet() {
        String before = System.getProperty("eventpipe.home");
        try {
            System.setProperty("eventpipe.home", "/tmp/portable");
            assertThat(UserFolders.defaultCacheFile()).isEqualTo(Path.of("/tmp/portable/cache.sqlite"));
            System.clearProperty("eventpipe.home");
            assertThat(UserFolders.defaultCacheFile()).isEqualTo(UserFolders.dataDir().resolve("cache.sqlite"));
        } finally {
            if (before == null) {
                System.clearProperty("eventpipe.home");
            } else {
                System.setProperty("eventpipe.home", before);
            }
        }
    }
}
