package com.puffy.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void defaultsCarryTheSpecValues() {
        PipelineConfig config = ConfigLoader.defaults();
        assertThat(config.quality().eventNames()).contains("page_viewed", "checkout_completed", "purchase");
        assertThat(config.quality().clientIdPattern()).isEqualTo("^\\d{10}-[A-Za-z0-9_-]{12}$");
        assertThat(config.quality().botPattern()).startsWith("bot|crawl|spider");
        assertThat(config.transform().sessionGapMinutes()).isEqualTo(30);
        assertThat(config.transform().lookbackDays()).isEqualTo(7);
        assertThat(config.monitoring().baselineDays()).isEqualTo(7);
        assertThat(config.monitoring().directShareShiftPoints()).isEqualTo(15.0);
    }

    @Test
    void aUserFileOverridesOnlyTheKeysItNames() throws Exception {
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, "transform:\n  session_gap_minutes: 45\nquality:\n  value_drift:\n    absolute_points: 12\n");
        PipelineConfig config = ConfigLoader.load(file);
        assertThat(config.transform().sessionGapMinutes()).isEqualTo(45);
        assertThat(config.transform().lookbackDays()).isEqualTo(7);
        assertThat(config.quality().valueDrift().absolutePoints()).isEqualTo(12.0);
        assertThat(config.quality().valueDrift().minBaselineFiles()).isEqualTo(3);
    }

    @Test
    void anEmptyUserFileMeansDefaults() throws Exception {
        Path file = dir.resolve("empty.yaml");
        Files.writeString(file, "");
        assertThat(ConfigLoader.load(file)).isEqualTo(ConfigLoader.defaults());
    }

    @Test
    void anUnknownKeyIsNamedInTheError() throws Exception {
        Path file = dir.resolve("typo.yaml");
        Files.writeString(file, "transform:\n  sesion_gap_minutes: 45\n");
        assertThatThrownBy(() -> ConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sesion_gap_minutes")
                .hasMessageContaining(file.toString());
    }

    @Test
    void invalidYamlNamesTheFileAndLine() throws Exception {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "quality:\n  bot_pattern: [unclosed\n");
        assertThatThrownBy(() -> ConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not valid YAML")
                .hasMessageContaining(file.toString());
    }

    @Test
    void aWrongTypeIsReported() throws Exception {
        Path file = dir.resolve("type.yaml");
        Files.writeString(file, "transform:\n  lookback_days: seven\n");
        assertThatThrownBy(() -> ConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("wrong type");
    }

    @Test
    void anInvalidRegexIsReported() throws Exception {
        Path file = dir.resolve("regex.yaml");
        Files.writeString(file, "quality:\n  bot_pattern: \"bot|(\"\n");
        assertThatThrownBy(() -> ConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("regular expression");
    }

    @Test
    void aYamlListInsteadOfAMappingPointsAtThePrintedDefaults() throws Exception {
        Path file = Files.writeString(dir.resolve("list.yaml"), "- quality\n- transform\n");
        assertThatThrownBy(() -> ConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("must be a YAML mapping like the output of `eventpipe config --print-defaults`");
    }

    @Test
    void anEmptiedSectionIsReported() throws Exception {
        Path file = Files.writeString(dir.resolve("nosection.yaml"), "monitoring:\n");
        assertThatThrownBy(() -> ConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("has an empty `monitoring:` section: remove that line");
    }

    @Test
    void aSessionGapOrLookbackOfZeroIsReported() throws Exception {
        for (String text : new String[] {"transform:\n  session_gap_minutes: 0\n", "transform:\n  lookback_days: -1\n"}) {
            Path file = Files.writeString(dir.resolve("zero.yaml"), text);
            assertThatThrownBy(() -> ConfigLoader.load(file)).as(text)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("must give a positive session_gap_minutes and lookback_days");
        }
    }

    @Test
    void aConfigPathThatIsAFolderCannotBeReadAndSaysWhatToCheck() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("config.yaml"));
        assertThatThrownBy(() -> ConfigLoader.load(folder))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Configuration file " + folder + " cannot be read")
                .hasMessageContaining("check its permissions and that it is UTF-8 text");
    }

    @Test
    void aMissingFileSaysToCheckThePath() {
        Path file = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> ConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("does not exist")
                .hasMessageContaining("--config");
    }

    @Test
    void fingerprintChangesWithTheRules() throws Exception {
        Path file = dir.resolve("gap.yaml");
        Files.writeString(file, "transform:\n  session_gap_minutes: 45\n");
        assertThat(ConfigLoader.fingerprint(ConfigLoader.defaults()))
                .isEqualTo(ConfigLoader.fingerprint(ConfigLoader.defaults()))
                .isNotEqualTo(ConfigLoader.fingerprint(ConfigLoader.load(file)));
    }
}
