package com.puffy.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    void aFractionalHalfLifeIsAccepted() throws Exception {
        Path file = Files.writeString(dir.resolve("decay.yaml"), "transform:\n  time_decay_half_life_days: 3.5\n");
        assertThat(ConfigLoader.load(file).transform().timeDecayHalfLifeDays()).isEqualTo(3.5);
    }

    @Test
    void everyDefaultNumberIsWrittenAsTheKindOfNumberItsSettingTakes() throws Exception {
        // The checks read a setting's kind from its default: a `7` for a decimal setting refused 3.5 as "not a whole number".
        JsonNode written = new ObjectMapper(new YAMLFactory()).readTree(ConfigLoader.defaultsText());
        JsonNode bound = ConfigLoader.asTree(ConfigLoader.defaults());
        List<String> mismatched = new ArrayList<>();
        compareNumberKinds(written, bound, "", mismatched);
        assertThat(mismatched).isEmpty();
    }

    private static void compareNumberKinds(JsonNode written, JsonNode bound, String path, List<String> mismatched) {
        if (written.isNumber() && written.isIntegralNumber() != bound.isIntegralNumber()) {
            mismatched.add(path + ": written " + written + ", taken as " + bound.getNodeType() + " " + bound);
        }
        written.fields().forEachRemaining(field ->
                compareNumberKinds(field.getValue(), bound.path(field.getKey()), path + "." + field.getKey(), mismatched));
        for (int i = 0; i < written.size() && written.isArray(); i++) {
            compareNumberKinds(written.get(i), bound.path(i), path + "[" + i + "]", mismatched);
        }
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
    void aWrongTypeIsReportedWithItsKey() throws Exception {
        Path file = dir.resolve("type.yaml");
        Files.writeString(file, "transform:\n  lookback_days: seven\n");
        assertThatThrownBy(() -> ConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage("The configuration file " + file + " (line 2) gives `transform.lookback_days` the value "
                        + "seven, which is not a whole number.");
    }

    @Test
    void wrongTypesNameTheKeyAndWhatItTakes() throws Exception {
        String[][] cases = {
                {"quality:\n  revenue_tolerance: abc\n", "`quality.revenue_tolerance` the value abc, which is not a number"},
                {"quality:\n  event_names: page_viewed\n", "`quality.event_names` the value page_viewed, which is not a list"},
                {"transform:\n  session_gap_minutes: 1e12\n", "`transform.session_gap_minutes` the value 1.0E12, which is not a whole number"},
                {"monitoring:\n  sampling_noise_floor: maybe\n", "`monitoring.sampling_noise_floor` the value maybe, which is not true or false"},
                {"monitoring:\n  z_threshold: \"3\"\n",
                        "`monitoring.z_threshold` the value \"3\" (in quotes, so text), which is not a number"},
                {"monitoring:\n  baseline_days: 99999999999\n",
                        "`monitoring.baseline_days` the value 99999999999, which is too large: give a whole number up to "
                                + "2147483647."},
                {"quality:\n  value_drift: 3\n", "`quality.value_drift` the value 3, which is not a section of keys"},
                {"transform:\n  channel_rules:\n    medium_keywords: [cpc]\n",
                        "`transform.channel_rules.medium_keywords[1]` the value cpc, which is not a section of keys"},
        };
        for (String[] c : cases) {
            Path file = Files.writeString(dir.resolve("type.yaml"), c[0]);
            assertThatThrownBy(() -> ConfigLoader.load(file)).as(c[0])
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining(c[1]);
        }
    }

    @Test
    void aSecondYamlDocumentIsRefusedInsteadOfIgnored() throws Exception {
        Path file = Files.writeString(dir.resolve("two.yaml"), "---\n---\nquality:\n  revenue_tolerance: x\n");
        assertThatThrownBy(() -> ConfigLoader.load(file)).isInstanceOf(ConfigException.class)
                .hasMessage("The configuration file " + file + " holds more than one YAML document (a line `---` "
                        + "between keys): only the first would be read; put all keys in one document.");
        Files.writeString(file, "---\nquality:\n  revenue_tolerance: 0.02\n");
        assertThat(ConfigLoader.load(file).quality().revenueTolerance()).isEqualTo(0.02);
    }

    @Test
    void aKeyWithoutAValueIsNamedInsteadOfFailingInAStage() throws Exception {
        // own_domains: null reached Transform and failed there with a NullPointerException (exit 4).
        String[][] cases = {
                {"transform:\n  own_domains:\n", "gives no value for `transform.own_domains`"},
                {"quality:\n  bot_pattern: null\n", "gives no value for `quality.bot_pattern`"},
                {"quality:\n  value_drift:\n", "gives no value for `quality.value_drift`"},
                {"quality:\n  event_names: [page_viewed, ~]\n", "has an empty entry in `quality.event_names` (entry 2)"},
        };
        for (String[] c : cases) {
            Path file = Files.writeString(dir.resolve("null.yaml"), c[0]);
            assertThatThrownBy(() -> ConfigLoader.load(file)).as(c[0])
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining(c[1]);
        }
    }

    @Test
    void aRuleEntryWrittenWithoutOneOfItsKeysIsNamed() throws Exception {
        // List entries take no defaults: these reached Transform as nulls and failed it (exit 4).
        String[][] cases = {
                {"transform:\n  channel_rules:\n    medium_keywords:\n      - {channel: Paid Search}\n",
                        "leaves `transform.channel_rules.medium_keywords[1].keywords` without a value"},
                {"transform:\n  channel_rules:\n    click_id_rules: [{parameters: [gclid]}]\n",
                        "leaves `transform.channel_rules.click_id_rules[1].channel` without a value"},
        };
        for (String[] c : cases) {
            Path file = Files.writeString(dir.resolve("entry.yaml"), c[0]);
            assertThatThrownBy(() -> ConfigLoader.load(file)).as(c[0])
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining(c[1]);
        }
        Path hostsOnly = Files.writeString(dir.resolve("hosts.yaml"),
                "transform:\n  channel_rules:\n    referrer_rules:\n      - {channel: Email, hosts: [mail.google.com]}\n");
        assertThat(ConfigLoader.load(hostsOnly).transform().channelRules().referrerRules()).singleElement()
                .satisfies(rule -> assertThat(rule.domains()).isNull());
    }

    @Test
    void valuesNoRuleCanMeanAreRejectedWithTheirKey() throws Exception {
        // baseline_days: -3 failed Monitoring with IllegalArgumentException (exit 4); a half-life of 0 wrote empty
        // time_decay credits; negative thresholds fired on everything.
        String[][] cases = {
                {"monitoring:\n  baseline_days: -3\n", "`monitoring.baseline_days` the value -3: it must be a number of at least 1"},
                {"monitoring:\n  min_baseline_days: 0\n", "`monitoring.min_baseline_days` the value 0"},
                {"monitoring:\n  min_baseline_days: 9\n", "`monitoring.min_baseline_days` 9, more than `monitoring.baseline_days` (7)"},
                {"monitoring:\n  z_threshold: -1\n", "`monitoring.z_threshold` the value -1"},
                {"monitoring:\n  bot_share_warning: 20\n", "`monitoring.bot_share_warning` the value 20: it is a share, from 0 to 1"},
                {"monitoring:\n  sticky_referrer_jump_points: -2\n", "`monitoring.sticky_referrer_jump_points` the value -2: it must be a number of at least 0"},
                {"monitoring:\n  sticky_referrer_jump_points: 150\n", "`monitoring.sticky_referrer_jump_points` the value 150: it is in percentage points of a share, at most 100"},
                {"monitoring:\n  sticky_referrer_min_share: 1.5\n", "`monitoring.sticky_referrer_min_share` the value 1.5: it is a share, from 0 to 1"},
                {"monitoring:\n  sticky_referrer_min_share: -0.1\n", "`monitoring.sticky_referrer_min_share` the value -0.1: it is a share, from 0 to 1"},
                {"monitoring:\n  sticky_referrer_min_share: lots\n", "`monitoring.sticky_referrer_min_share` the value lots, which is not a number"},
                {"quality:\n  revenue_tolerance: -5\n", "`quality.revenue_tolerance` the value -5"},
                {"quality:\n  value_drift:\n    baseline_files: 0\n", "`quality.value_drift.baseline_files` the value 0"},
                {"quality:\n  value_drift:\n    relative_factor: 0.5\n", "`quality.value_drift.relative_factor` the value 0.5"},
                {"transform:\n  time_decay_half_life_days: 0\n", "positive `transform.time_decay_half_life_days`"},
                {"monitoring:\n  client_id_null_warning: 0.3\n  client_id_null_critical: 0.1\n",
                        "`monitoring.client_id_null_warning` (0.3) more than `monitoring.client_id_null_critical` "
                                + "(0.1), so a day between the two would raise no alert at all"},
        };
        for (String[] c : cases) {
            Path file = Files.writeString(dir.resolve("range.yaml"), c[0]);
            assertThatThrownBy(() -> ConfigLoader.load(file)).as(c[0])
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining(c[1]);
        }
    }

    @Test
    void listsAndPatternsThatCannotMeanWhatWasWrittenAreRejectedWithTheirKey() throws Exception {
        // event_names: [] was accepted, then every event was UNKNOWN_EVENT_NAME; "bot|" made every visitor a bot.
        String[][] cases = {
                {"quality:\n  event_names: []\n", "`quality.event_names` no event name"},
                {"quality:\n  event_names: ['  ']\n", "`quality.event_names` no event name"},
                // Blanks Java's isBlank does not know, pasted from a web page: still no name (decision 0822).
                {"quality:\n  event_names: [\"\\u00A0\", \"\\u200B\"]\n", "`quality.event_names` no event name"},
                {"transform:\n  channel_rules:\n    medium_parameter: \"\\u00A0\"\n", "`transform.channel_rules.medium_parameter` an empty value"},
                {"transform:\n  channel_rules:\n    medium_keywords:\n      - {channel: Email, keywords: [\"\\u3000\"]}\n", "`transform.channel_rules.medium_keywords[1].keywords` nothing to match"},
                {"transform:\n  channel_rules:\n    referrer_rules:\n      - {channel: Email, hosts: [\"\\u00A0\"]}\n", "`transform.channel_rules.referrer_rules[1]` no hosts, domains, any_tld_names or apps"},
                {"quality:\n  purchase_event_names: []\n", "`quality.purchase_event_names` no event name"},
                {"quality:\n  purchase_event_names: [order_placed]\n", "lists `order_placed` in `quality.purchase_event_names` but not in `quality.event_names`"},
                {"quality:\n  bot_pattern: 'bot|crawl|'\n", "`quality.bot_pattern` that matches an empty text"},
                {"transform:\n  channel_rules:\n    medium_parameter: ''\n", "`transform.channel_rules.medium_parameter` an empty value"},
                {"transform:\n  channel_rules:\n    medium_keywords:\n      - {channel: Email, keywords: []}\n", "`transform.channel_rules.medium_keywords[1].keywords` nothing to match"},
                {"transform:\n  channel_rules:\n    click_id_rules:\n      - {channel: '', parameters: [gclid]}\n", "`transform.channel_rules.click_id_rules[1].channel` an empty value"},
                {"transform:\n  channel_rules:\n    referrer_rules:\n      - {channel: Email, hosts: []}\n", "`transform.channel_rules.referrer_rules[1]` no hosts, domains, any_tld_names or apps"},
        };
        for (String[] c : cases) {
            Path file = Files.writeString(dir.resolve("lists.yaml"), c[0]);
            assertThatThrownBy(() -> ConfigLoader.load(file)).as(c[0])
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining(c[1]);
        }
    }

    @Test
    void anEmptyBotPatternStillTurnsBotDetectionOffAndEmptyListsOfOptionalHostsStayAllowed() throws Exception {
        Path file = Files.writeString(dir.resolve("ok.yaml"), "quality:\n  bot_pattern: ''\n"
                + "transform:\n  own_domains: []\n  channel_rules:\n    medium_keywords: []\n");
        assertThat(ConfigLoader.load(file).quality().botPattern()).isEmpty();
    }

    @Test
    void aSectionWrittenTwiceIsAnErrorNotASilentlyDroppedHalf() throws Exception {
        // The second `quality:` replaced the first, so bot_pattern: x was dropped without a word.
        Path file = Files.writeString(dir.resolve("twice.yaml"),
                "quality:\n  bot_pattern: x\nmonitoring:\n  z_threshold: 2\nquality:\n  revenue_tolerance: 1\n");
        assertThatThrownBy(() -> ConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not valid YAML (line 5)")
                .hasMessageContaining("Duplicate field 'quality'");
    }

    @Test
    void aYamlSyntaxErrorIsOneLineAtTheLineOfTheProblem() throws Exception {
        Path file = Files.writeString(dir.resolve("tab.yaml"), "quality:\n\tbot_pattern: x\n");
        assertThatThrownBy(() -> ConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("is not valid YAML (line 2): found character '\\t(TAB)'")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anAliasOntoNoCanonicalColumnIsReported() throws Exception {
        Path file = Files.writeString(dir.resolve("alias.yaml"), "quality:\n  header_aliases:\n    cid: clientid_x\n");
        assertThatThrownBy(() -> ConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("maps the header alias `cid` onto `clientid_x`, which is not a canonical column");
        Path fine = Files.writeString(dir.resolve("alias2.yaml"), "quality:\n  header_aliases:\n    visitor: ClientId\n");
        assertThat(ConfigLoader.load(fine).quality().headerAliases()).containsEntry("visitor", "ClientId");
    }

    @Test
    void aPatternErrorNamesWhichPattern() throws Exception {
        Path file = Files.writeString(dir.resolve("cid.yaml"), "quality:\n  client_id_pattern: \"[a-z\"\n");
        assertThatThrownBy(() -> ConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("`quality.client_id_pattern` that is not a valid regular expression");
    }

    @Test
    void anInvalidRegexIsReported() throws Exception {
        Path file = dir.resolve("regex.yaml");
        Files.writeString(file, "quality:\n  bot_pattern: \"bot|(\"\n");
        assertThatThrownBy(() -> ConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not a valid regular expression: unclosed group at its end in \"bot|(\".")
                .hasMessageContaining("or delete the key to use the built-in one");
    }

    @Test
    void aRegexErrorInsideThePatternCountsCharactersFromOne() throws Exception {
        Path file = Files.writeString(dir.resolve("star.yaml"), "quality:\n  bot_pattern: \"*bot\"\n");
        assertThatThrownBy(() -> ConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("dangling meta character '*' at character 1 (*) in \"*bot\"")
                .hasMessageNotContaining("index");
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
        String[][] cases = {{"transform:\n  session_gap_minutes: 0\n", "`transform.session_gap_minutes` the value 0"},
                {"transform:\n  lookback_days: -1\n", "`transform.lookback_days` the value -1"}};
        for (String[] c : cases) {
            Path file = Files.writeString(dir.resolve("zero.yaml"), c[0]);
            assertThatThrownBy(() -> ConfigLoader.load(file)).as(c[0])
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("(line 2) gives " + c[1] + ": it must be a whole number of at least 1.");
        }
    }

    @Test
    void aConfigPathThatIsAFolderSaysItIsAFolder() throws Exception {
        // Was "cannot be read (Is a directory): check its permissions and that it is UTF-8 text".
        Path folder = Files.createDirectories(dir.resolve("config.yaml"));
        assertThatThrownBy(() -> ConfigLoader.load(folder))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Configuration file " + folder + " cannot be read: it is a folder, not a file; check the "
                        + "--config path.");
    }

    @Test
    void aConfigFileWithoutReadPermissionSaysPermissionDeniedNotItsPathTwice() throws Exception {
        // Was "Configuration file /tmp/c.yaml cannot be read (/tmp/c.yaml): check its permissions and that it is UTF-8
        // text". Tests run as root, who may read a 000 file, so the system's refusal is played here.
        Path file = dir.resolve("c.yaml");
        assertThat(ConfigLoader.cannotRead(file, new java.nio.file.AccessDeniedException(file.toString())))
                .hasMessage("Configuration file " + file + " cannot be read: permission denied; check its "
                        + "permissions, or copy it somewhere you may read it.");
        Files.writeString(file, "transform:\n  session_gap_minutes: 20\n");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
        org.assertj.core.api.Assumptions.assumeThat(Files.isReadable(file)).as("not root").isFalse();
        assertThatThrownBy(() -> ConfigLoader.load(file)).hasMessageContaining("cannot be read: permission denied");
    }

    @Test
    void aConfigFileInUtf16SaysToSaveItAsUtf8() throws Exception {
        byte[] text = "quality:\n  revenue_tolerance: 0.05\n".getBytes(java.nio.charset.StandardCharsets.UTF_16);
        Path file = Files.write(dir.resolve("u16.yaml"), text);
        assertThatThrownBy(() -> ConfigLoader.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Configuration file " + file + " is not UTF-8 text: save it as UTF-8 (in Notepad: Save as, "
                        + "Encoding UTF-8).");
        Path withBom = Files.write(dir.resolve("bom.yaml"),
                ("\uFEFFquality:\r\n  revenue_tolerance: 0.05\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(ConfigLoader.load(withBom).quality().revenueTolerance()).isEqualTo(0.05);
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

    // ---- lines, text and differences (the app's settings editor) ----------------------------------------------

    @Test
    void aProblemWithOneKeyNamesItsLineAndKey() {
        String text = "# my rules\ntransform:\n  lookback_days: 7\n  session_gap_minutes: -5\n";
        assertThatThrownBy(() -> ConfigLoader.fromText(text, "edited configuration"))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo("transform.session_gap_minutes");
                    assertThat(e.line()).isEqualTo(4);
                })
                .hasMessageStartingWith("The edited configuration (line 4) ")
                .hasMessageContaining("session_gap_minutes");
    }

    @Test
    void anUnknownKeyNamesItsLineAndWholePath() {
        String text = "quality:\n  revenue_tolerance: 0.02\nmonitoring:\n  z_treshold: 3\n";
        assertThatThrownBy(() -> ConfigLoader.fromText(text, "edited configuration"))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo("monitoring.z_treshold");
                    assertThat(e.line()).isEqualTo(4);
                })
                .hasMessageContaining("(line 4)").hasMessageContaining("unknown key 'z_treshold'");
    }

    @Test
    void invalidYamlCarriesItsLine() {
        String text = "quality:\n  revenue_tolerance: 0.02\n  bot_pattern: [unclosed\n";
        assertThatThrownBy(() -> ConfigLoader.fromText(text, "edited configuration"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.line()).isBetween(3, 4))
                .hasMessageContaining("not valid YAML (line ");
    }

    @Test
    void aProblemInAListEntryPointsAtTheEntry() {
        String text = "transform:\n  channel_rules:\n    medium_keywords:\n      - {channel: Paid, keywords: [cpc]}\n"
                + "      - {channel: \"\", keywords: [x]}\n";
        assertThatThrownBy(() -> ConfigLoader.fromText(text, "edited configuration"))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo("transform.channel_rules.medium_keywords[2].channel");
                    assertThat(e.line()).isEqualTo(5);
                });
    }

    @Test
    void lineOfFallsBackToTheNearestKeyWritten() {
        String text = "monitoring:\n  baseline_days: 2\n";
        assertThat(ConfigLoader.lineOf(text, "monitoring.baseline_days")).isEqualTo(2);
        assertThat(ConfigLoader.lineOf(text, "monitoring.min_baseline_days")).isEqualTo(1);
        assertThat(ConfigLoader.lineOf(text, "quality.bot_pattern")).isZero();
    }

    @Test
    void theBuiltInTextLoadsAsTheDefaultsAndDiffersInNothing() {
        PipelineConfig config = ConfigLoader.fromText(ConfigLoader.defaultsText(), "edited configuration");
        assertThat(ConfigLoader.fingerprint(config)).isEqualTo(ConfigLoader.fingerprint(ConfigLoader.defaults()));
        assertThat(ConfigLoader.differences(config)).isEmpty();
    }

    @Test
    void differencesNameEachChangedKeyWithBothValues() {
        PipelineConfig config = ConfigLoader.fromText("transform:\n  session_gap_minutes: 45\nquality:\n"
                + "  header_aliases: {uid: client_id}\n  event_names: [page_viewed, purchase, checkout_completed]\n",
                "edited configuration");
        assertThat(ConfigLoader.differences(config)).extracting(ConfigLoader.Difference::key)
                .contains("transform.session_gap_minutes", "quality.event_names", "quality.header_aliases.uid")
                .doesNotContain("transform.lookback_days");
        assertThat(ConfigLoader.differences(config)).filteredOn(d -> d.key().equals("transform.session_gap_minutes"))
                .singleElement().satisfies(d -> {
                    assertThat(d.builtIn()).isEqualTo("30");
                    assertThat(d.value()).isEqualTo("45");
                });
    }

    @Test
    void anUnknownKeySaysWhichKeyWasMeant() {
        assertThatThrownBy(() -> ConfigLoader.fromText("monitoring:\n  z_treshold: 3\n", "my.yaml"))
                .hasMessageContaining("unknown key 'z_treshold' in `monitoring`: did you mean `z_threshold`?");
        // Names from an older version share words, not letters, with today's.
        assertThatThrownBy(() -> ConfigLoader.fromText("transform:\n  session_timeout_minutes: 45\n", "my.yaml"))
                .hasMessageContaining("(line 2)").hasMessageContaining("did you mean `session_gap_minutes`?");
        assertThatThrownBy(() -> ConfigLoader.fromText("monitoring:\n  null_rate_warning: 0.05\n", "my.yaml"))
                .hasMessageContaining("did you mean `client_id_null_warning`?");
        assertThatThrownBy(() -> ConfigLoader.fromText("transform:\n  xyz: 1\n", "my.yaml"))
                .hasMessageContaining("delete that line, or use one of channel_rules, lookback_days, own_domains, "
                        + "session_gap_minutes, time_decay_half_life_days");
    }

    @Test
    void aKeyIndentedOutOfItsSectionIsSaidInWordsNotTheParsersGrammar() {
        String text = "transform:\n  session_gap_minutes: 45\n lookback_days: 7\n";
        assertThatThrownBy(() -> ConfigLoader.fromText(text, "configuration file my.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessage("The configuration file my.yaml is not valid YAML (line 3): this line is indented "
                        + "differently from the keys above it in its section; indent every key of a section by the "
                        + "same number of spaces (two per level, as in `eventpipe config --print-defaults`).");
    }

    @Test
    void aChannelNameOneSlipFromABuiltInOneIsRefusedAndANewOneIsNot() {
        String typo = "transform:\n  channel_rules:\n    click_id_rules:\n"
                + "      - {channel: Paid Socail, parameters: [sccid]}\n";
        assertThatThrownBy(() -> ConfigLoader.fromText(typo, "configuration file my.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo("transform.channel_rules.click_id_rules[1].channel");
                    assertThat(e.line()).isEqualTo(4);
                })
                .hasMessageContaining("(line 4) gives `transform.channel_rules.click_id_rules[1].channel` the channel "
                        + "`Paid Socail`, close to the built-in `Paid Social`");
        assertThatThrownBy(() -> ConfigLoader.fromText(
                "transform:\n  channel_rules:\n    direct_channel: direct\n", "my.yaml"))
                .hasMessageContaining("Write `Direct`");
        PipelineConfig influencer = ConfigLoader.fromText("transform:\n  channel_rules:\n    click_id_rules:\n"
                + "      - {channel: Influencer, parameters: [creator_id]}\n", "my.yaml");
        assertThat(influencer.transform().channelRules().clickIdRules().get(0).channel()).isEqualTo("Influencer");
    }

    @Test
    void theDefaultsAsPrintedLoadBackToTheSameFingerprint() {
        assertThat(ConfigLoader.fingerprint(ConfigLoader.fromText(ConfigLoader.defaultsText(), "printed defaults")))
                .isEqualTo(ConfigLoader.fingerprint(ConfigLoader.defaults()));
        assertThat(ConfigLoader.differences(ConfigLoader.fromText(ConfigLoader.defaultsText(), "printed"))).isEmpty();
    }

    @Test
    void aClickIdAddedToOneRuleIsOneShortLineOfDifferences() {
        PipelineConfig config = ConfigLoader.fromText("transform:\n  channel_rules:\n    click_id_rules:\n"
                + "      - {channel: Email, parameters: [_kx]}\n"
                + "      - {channel: Paid Search, parameters: [gclid, gbraid, wbraid, msclkid, gad_source]}\n"
                + "      - {channel: Paid Social, parameters: [fbclid, ttclid, igshid, li_fat_id, sccid]}\n"
                + "      - {channel: Affiliate, parameters: [affid, irclickid, im_ref, sfdr_ptcid]}\n"
                + "      - {channel: Influencer, parameters: [creator_id]}\n"
                + "quality:\n  header_aliases: {uid: client_id}\n", "my.yaml");
        assertThat(ConfigLoader.differences(config)).extracting(ConfigLoader.Difference::described).containsExactly(
                "quality.header_aliases.uid: client_id (not in the built-in defaults)",
                "transform.channel_rules.click_id_rules[3].parameters: adds sccid "
                        + "(built-in: [fbclid, ttclid, igshid, li_fat_id])",
                "transform.channel_rules.click_id_rules[5]: {channel: Influencer, parameters: [creator_id]} "
                        + "(not in the built-in defaults)");
    }

    @Test
    void aListWhereASectionBelongsIsShownAsWrittenAndSaysHowToWriteASection() {
        assertThatThrownBy(() -> ConfigLoader.fromText("quality:\n  header_aliases:\n    - cid: client_id\n",
                "configuration file my.yaml"))
                .hasMessage("The configuration file my.yaml (line 2) gives `quality.header_aliases` the value "
                        + "[{cid: client_id}], which is not a section of keys: write its entries as `name: value` lines "
                        + "indented under it, without a leading `- `.");
    }

    @Test
    void aSecondColonOnALineIsSaidInWords() {
        assertThatThrownBy(() -> ConfigLoader.fromText("quality:\n  bot_pattern: bot|crawl: x\n", "my.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessage("The my.yaml is not valid YAML (line 2): a second `: ` on this line; put each key on a "
                        + "line of its own, and a value that contains `: ` in double quotes.");
    }
}
