package com.puffy.pipeline.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AppVersionTest {
    @Test
    void theBuildMavenMadeCarriesTheChecksumOfItsClasses() {
        assertThat(AppVersion.build()).matches("[0-9a-f]{64}");
        assertThat(AppVersion.shortBuild()).isEqualTo(AppVersion.build().substring(0, 12));
        assertThat(AppVersion.identity()).isEqualTo(AppVersion.version() + "+" + AppVersion.build());
    }

    @Test
    void classesWithoutAChecksumGetAnIdentityNoOtherProcessShares() {
        String first = AppVersion.loadBuild(null);
        String second = AppVersion.loadBuild(null);
        assertThat(first).startsWith("unidentified-").isNotEqualTo(second);
        assertThat(AppVersion.isIdentified(first)).isFalse();
    }

    @Test
    void anUnfilledOrDamagedBuildFileIsNotAnIdentity() {
        assertThat(AppVersion.loadBuild(stream("build=${identity.sha256}\n"))).startsWith("unidentified-");
        assertThat(AppVersion.loadBuild(stream("build=\n"))).startsWith("unidentified-");
        assertThat(AppVersion.loadBuild(stream("build=" + "f".repeat(64) + "\n"))).isEqualTo("f".repeat(64));
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
