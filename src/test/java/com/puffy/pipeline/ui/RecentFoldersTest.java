package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecentFoldersTest {
    final Preferences prefs = Preferences.userRoot().node("eventpipe-test/recent-" + System.nanoTime());

    @AfterEach
    void tearDown() throws Exception {
        prefs.removeNode();
    }

    @Test
    void keepsTheLastEightNewestFirstWithoutDuplicates() {
        RecentFolders recent = new RecentFolders(prefs);
        for (int i = 0; i < 10; i++) {
            recent.add(Path.of("/data/f" + i));
        }
        recent.add(Path.of("/data/f5"));
        assertThat(recent.list()).hasSize(8).first().isEqualTo(Path.of("/data/f5"));
        assertThat(recent.list()).doesNotContain(Path.of("/data/f0"), Path.of("/data/f1")).containsOnlyOnce(Path.of("/data/f5"));
    }

    @Test
    void survivesARestart() {
        new RecentFolders(prefs).add(Path.of("/data/a"));
        assertThat(new RecentFolders(prefs).list()).containsExactly(Path.of("/data/a"));
    }

    @Test
    void aFoldersAsOfDateIsKeptWhileItIsRecentAndForgottenWhenItLeavesTheList() {
        RecentFolders recent = new RecentFolders(prefs);
        Path archive = Path.of("/data/archive-2024-q4-" + "x".repeat(120));
        recent.add(archive);
        recent.rememberAsOf(archive, java.time.LocalDate.of(2024, 12, 31));
        assertThat(new RecentFolders(prefs).asOf(archive)).isEqualTo(java.time.LocalDate.of(2024, 12, 31));
        assertThat(recent.asOf(Path.of("/data/other"))).isNull();
        for (int i = 0; i < RecentFolders.MAX; i++) {
            recent.add(Path.of("/data/f" + i));
        }
        assertThat(recent.list()).doesNotContain(archive);
        recent.add(archive);
        assertThat(recent.asOf(archive)).as("dropped from the list, so its date went with it").isNull();
    }

    @Test
    void aFoldersConfigurationIsKeptPerFolderAndForgottenWhenItLeavesTheList() {
        RecentFolders recent = new RecentFolders(prefs);
        Path archive = Path.of("/data/archive-" + "y".repeat(120));
        Path live = Path.of("/data/live");
        recent.add(archive);
        recent.add(live);
        recent.rememberConfig(archive, Path.of("/rules/strict.yaml"));
        assertThat(new RecentFolders(prefs).config(archive)).isEqualTo(Path.of("/rules/strict.yaml"));
        assertThat(recent.config(live)).as("another folder keeps the built-in defaults").isNull();
        recent.rememberConfig(archive, null);
        assertThat(recent.config(archive)).isNull();

        recent.rememberConfig(archive, Path.of("/rules/strict.yaml"));
        for (int i = 0; i < RecentFolders.MAX; i++) {
            recent.add(Path.of("/data/f" + i));
        }
        recent.add(archive);
        assertThat(recent.config(archive)).as("dropped from the list, so its rules went with it").isNull();
    }
}
