package com.puffy.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.engine.Pipeline;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventPipeCliTest {
    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    private int run(String... args) {
        return EventPipeCli.execute(new Pipeline(List.of()), new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void versionPrintsTheProductVersionThenTheBuild() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString().lines().toList()).startsWith(
                "eventpipe " + com.puffy.pipeline.core.AppVersion.version(),
                "build " + com.puffy.pipeline.core.AppVersion.build().substring(0, 12));
    }

    @Test
    void helpListsTheExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Exit codes", "config");
        // picocli wraps at 80 columns and breaks after a dot: a file name must not be cut in two.
        assertThat(out.toString()).contains("events_YYYYMMDD.csv");
    }

    @Test
    void eachStageCommandsHelpListsTheExitCodesAndOnlyRunListsStages() {
        Pipeline standard = com.puffy.pipeline.StudioEngine.standardPipeline();
        for (String command : List.of("run", "validate", "transform", "analyze", "monitor")) {
            StringWriter help = new StringWriter();
            assertThat(EventPipeCli.execute(standard, new PrintWriter(help, true), new PrintWriter(err, true),
                    command, "--help")).isZero();
            String text = help.toString().replaceAll("\\s+", " ");
            assertThat(text).as(command).contains(EventPipeCli.EXIT_CODES);
            if (command.equals("run")) {
                assertThat(text).contains("--stages=LIST", "not run again");
            } else {
                // validate refuses --stages with a sentence; its help listed it as if it were one of its options.
                assertThat(text).as(command).doesNotContain("--stages");
            }
        }
        StringWriter help = new StringWriter();
        EventPipeCli.execute(standard, new PrintWriter(help, true), new PrintWriter(err, true), "transform", "--help");
        assertThat(help.toString().replaceAll("\\s+", " ")).contains("Runs the stages it needs first");
    }

    @Test
    void theHelpOfEveryOtherCommandListsTheExitCodesToo() {
        for (String command : List.of("generate", "config", "bench")) {
            StringWriter help = new StringWriter();
            assertThat(EventPipeCli.execute(com.puffy.pipeline.StudioEngine.standardPipeline(),
                    new PrintWriter(help, true), new PrintWriter(err, true), command, "--help")).isZero();
            assertThat(help.toString().replaceAll("\\s+", " ")).as(command).contains(EventPipeCli.EXIT_CODES);
        }
    }

    @Test
    void everyCommandIsListedInTheHelpWithAWholeSentence() {
        // The command list shows only the first line of a description, so that line must stand on its own.
        assertThat(EventPipeCli.build(com.puffy.pipeline.StudioEngine.standardPipeline()).getSubcommands()).hasSize(8).allSatisfy((name, command) ->
                assertThat(command.getCommandSpec().usageMessage().description()[0]).as(name).endsWith("."));
    }

    @Test
    void anUnknownOptionIsAUsageErrorInOneSentence() {
        assertThat(run("--frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("--frobnicate").doesNotContain("Exception");
    }

    @Test
    void printDefaultsShowsTheCommentedYaml() {
        assertThat(run("config", "--print-defaults")).isZero();
        assertThat(out.toString()).contains("bot_pattern", "# Event Pipeline Studio");
    }

    @Test
    void configCheckReportsABadFileAsAUsageError() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "nonsense_key: 1\n");
        assertThat(run("config", "--check", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("nonsense_key").doesNotContain("at com.");
    }

    @Test
    void anEmptyEventNameListIsAUsageErrorNamingTheKey() throws Exception {
        Path file = Files.writeString(dir.resolve("empty-names.yaml"), "quality:\n  event_names: []\n");
        assertThat(run("config", "--check", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("`quality.event_names`", file.toString()).doesNotContain("at com.");
    }

    /**
     * Decision 0829: a configured value with a blank at an end (a no-break space copied from a web page) never
     * matched the trimmed values of the events: `own_domains: [puffy.com\u00A0]` was a valid configuration under which
     * the shop's own pages were referring sites. `config --check` and `run` refuse it, naming file, line, key, the
     * blank and what to write.
     */
    @Test
    void aConfiguredValueWithABlankAtAnEndIsAUsageErrorSayingWhatToWrite() throws Exception {
        Path file = Files.writeString(dir.resolve("own.yaml"), "transform:\n  own_domains: [puffy.com\u00A0]\n");
        String expected = "eventpipe: The configuration file " + file + " (line 2) gives `transform.own_domains[1]` "
                + "the value \"puffy.com<U+00A0>\", with a blank at its end: values in the events are compared after "
                + "such blanks are trimmed, so it would never match. Write it as \"puffy.com\"."
                + System.lineSeparator();
        assertThat(run("config", "--check", file.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo(expected);

        err.getBuffer().setLength(0);
        Path input = Files.createDirectories(dir.resolve("events"));
        assertThat(EventPipeCli.execute(com.puffy.pipeline.StudioEngine.standardPipeline(), new PrintWriter(out, true),
                new PrintWriter(err, true), "run", "--input", input.toString(), "--no-cache", "--config",
                file.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo(expected);

        err.getBuffer().setLength(0);
        Path name = Files.writeString(dir.resolve("names.yaml"),
                "quality:\n  event_names: {add: [add_to_wishlist\u00A0]}\n");
        assertThat(run("config", "--check", name.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("(line 2)", "`quality.event_names.add[1]`", "\"add_to_wishlist<U+00A0>\"",
                "Write it as \"add_to_wishlist\".");
    }

    /**
     * Decision 0834: a channel name or a pattern with an invisible blank at an end is a usage error too, in the same
     * sentence; the printed defaults still pass the check.
     */
    @Test
    void aChannelNameOrAPatternWithAnInvisibleBlankAtAnEndIsAUsageError() throws Exception {
        Path channel = Files.writeString(dir.resolve("channel.yaml"),
                "transform:\n  channel_rules:\n    referral_channel: \"Referral\\u00A0\"\n");
        assertThat(run("config", "--check", channel.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("eventpipe: The configuration file " + channel + " (line 3) gives "
                + "`transform.channel_rules.referral_channel` the value \"Referral<U+00A0>\", with a blank at its end: "
                + "a channel name is written into the sessions and channel reports, where the blank does not show and "
                + "the name with it and without it would be two channels. Write it as \"Referral\"."
                + System.lineSeparator());

        err.getBuffer().setLength(0);
        Path pattern = Files.writeString(dir.resolve("pattern.yaml"), "quality:\n  bot_pattern: \"bot\\u200B\"\n");
        assertThat(run("config", "--check", pattern.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("(line 2)", "`quality.bot_pattern`", "\"bot<U+200B>\"", "\\x{200B}");

        Path defaults = dir.resolve("defaults.yaml");
        out.getBuffer().setLength(0);
        assertThat(run("config", "--print-defaults")).isZero();
        Files.writeString(defaults, out.toString());
        err.getBuffer().setLength(0);
        assertThat(run("config", "--check", defaults.toString())).as(err.toString()).isZero();
    }

    @Test
    void configCheckOfAMissingFileNamesItsOwnOption() {
        Path missing = dir.resolve("nope.yaml");
        assertThat(run("config", "--check", missing.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("eventpipe: Configuration file " + missing + " does not exist: check the "
                + "path given to --check." + System.lineSeparator());
    }

    @Test
    void configCheckOfAFolderNamesItsOwnOption() {
        assertThat(run("config", "--check", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("eventpipe: Configuration file " + dir + " cannot be read: it is a folder, "
                + "not a file; check the path given to --check." + System.lineSeparator());
    }

    @Test
    void configCheckAcceptsAGoodFile() throws Exception {
        Path file = Files.writeString(dir.resolve("good.yaml"), "transform:\n  lookback_days: 14\n");
        assertThat(run("config", "--check", file.toString())).isZero();
        assertThat(out.toString()).contains("is a valid configuration");
    }

    @Test
    void configCheckSaysWhatTheFileChangesIncludingTheRulesAListWrittenWholeDrops() throws Exception {
        Path file = Files.writeString(dir.resolve("paid.yaml"), "transform:\n  channel_rules:\n    click_id_rules:\n"
                + "      - {channel: Paid Social, parameters: [sccid]}\n");
        assertThat(run("config", "--check", file.toString())).isZero();
        String n = System.lineSeparator();
        assertThat(out.toString()).startsWith(file + " is a valid configuration: 5 keys differ from the built-in "
                + "defaults:" + n + "  transform.channel_rules.click_id_rules[1].channel: Paid Social (built-in: Email)"
                + n + "  transform.channel_rules.click_id_rules[1].parameters: adds sccid; removes _kx (built-in: [_kx])"
                + n + "  transform.channel_rules.click_id_rules[2]: removed (built-in: {channel: Paid Search, ");
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
        out.getBuffer().setLength(0);
        assertThat(run("config", "--check", empty.toString())).isZero();
        assertThat(out.toString()).isEqualTo(empty + " is a valid configuration: nothing differs from the built-in "
                + "defaults." + n);
    }

    @Test
    void configCheckShowsWhatAnAddMappingAddsAndOffersItWhereAWrittenListDropsRules() throws Exception {
        Path added = Files.writeString(dir.resolve("added.yaml"), "transform:\n  channel_rules:\n    click_id_rules:\n"
                + "      add: [{channel: Paid Social, parameters: [sccid]}]\nquality:\n  event_names: {add: [add_to_wishlist]}\n");
        assertThat(run("config", "--check", added.toString())).isZero();
        String n = System.lineSeparator();
        assertThat(out.toString()).isEqualTo(added + " is a valid configuration: 2 keys differ from the built-in "
                + "defaults:" + n + "  quality.event_names: adds add_to_wishlist (built-in: [page_viewed, "
                + "email_filled_on_popup, product_added_to_cart, checkout_started, checkout_completed, purchase])" + n
                + "  transform.channel_rules.click_id_rules[5]: {channel: Paid Social, parameters: [sccid]} (not in "
                + "the built-in defaults)" + n);

        Path written = Files.writeString(dir.resolve("written.yaml"), "transform:\n  channel_rules:\n    click_id_rules:\n"
                + "      - {channel: Paid Social, parameters: [sccid]}\n");
        out.getBuffer().setLength(0);
        assertThat(run("config", "--check", written.toString())).isZero();
        assertThat(out.toString()).endsWith("A list written out replaces the built-in one; to keep the built-in list "
                + "and add to it, write `{add: [...]}` in its place (see `eventpipe config --print-defaults`)." + n);

        out.getBuffer().setLength(0);
        assertThat(run("config", "--print-defaults")).isZero();
        assertThat(out.toString()).contains("click_id_rules: {add: [{channel: Paid Social, parameters: [sccid]}]}");
        out.getBuffer().setLength(0);
        assertThat(run("config", "--help")).isZero();
        assertThat(out.toString()).contains("{add: [...]} in its place adds to it");
    }

    @Test
    void configPrintDefaultsWithCheckIsRefusedRatherThanLeavingTheFileUnchecked() throws Exception {
        // --check was dropped without a word and exit 0 read as "the file is valid", whatever the file held.
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "quality: [");
        assertThat(run("config", "--print-defaults", "--check", broken.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("eventpipe: --print-defaults and --check FILE cannot be given together: "
                + "keep one of them.");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void configWithoutAnOptionSaysWhatToDo() {
        assertThat(run("config")).isEqualTo(2);
        assertThat(err.toString()).contains("--print-defaults");
    }

    @Test
    void noArgumentsOrOnlyInputMeanTheDesktopApp() {
        assertThat(EventPipeCli.wantsDesktopApp(new String[0])).isTrue();
        assertThat(EventPipeCli.wantsDesktopApp(new String[]{"--input", "x"})).isTrue();
        assertThat(EventPipeCli.wantsDesktopApp(new String[]{"run", "--input", "x"})).isFalse();
        assertThat(EventPipeCli.wantsDesktopApp(new String[]{"--version"})).isFalse();
        assertThat(EventPipeCli.wantsDesktopApp(new String[]{"--input=x"})).isTrue();
        assertThat(EventPipeCli.wantsDesktopApp(new String[]{"--input", "x", "run"})).isFalse();
        assertThat(EventPipeCli.wantsDesktopApp(new String[]{"--input", "x", "--output", "y"})).isFalse();
    }

    @Test
    void oneExistingFolderOpensTheDesktopAppOnItAsInputDoes() throws Exception {
        Path events = Files.createDirectory(dir.resolve("my events"));

        assertThat(EventPipeCli.desktopAppArgs(new String[]{events.toString()}))
                .containsExactly("--input", events.toString());
        assertThat(EventPipeCli.wantsDesktopApp(new String[]{events.toString()})).isTrue();
        // Relative, as a user types it in the folder above.
        assertThat(EventPipeCli.desktopAppArgs(new String[]{"my events"}, dir)).containsExactly("--input", "my events");
        assertThat(EventPipeCli.desktopAppArgs(new String[]{"--input", "x"})).containsExactly("--input", "x");
        assertThat(EventPipeCli.desktopAppArgs(new String[0])).isEmpty();
    }

    @Test
    void aDesktopAppThatJavaFxCannotOpenIsExplainedByWhatTheMachineLacks() {
        // JavaFX's own words, wrapped as Application.launch rethrows them
        RuntimeException noGtk = new RuntimeException(new UnsupportedOperationException("Unable to load glass GTK library."));
        RuntimeException noDisplay = new RuntimeException(new UnsupportedOperationException("Unable to open DISPLAY"));

        assertThat(EventPipeCli.desktopCannotStart(noGtk, java.util.Map.of("DISPLAY", ":0")))
                .startsWith("eventpipe: the desktop app needs GTK 3").contains("sudo apt install libgtk-3-0")
                .contains("eventpipe run --input DIR");
        assertThat(EventPipeCli.desktopCannotStart(noDisplay, java.util.Map.of("DISPLAY", "localhost:10.0")))
                .startsWith("eventpipe: the desktop app could not open a window on the screen named by "
                        + "DISPLAY=localhost:10.0.").contains("eventpipe run --input DIR");
        assertThat(EventPipeCli.desktopCannotStart(noDisplay, java.util.Map.of("WAYLAND_DISPLAY", "wayland-0")))
                .contains("DISPLAY= (not set).");
        assertThat(EventPipeCli.desktopCannotStart(new RuntimeException("Exception in Application start method",
                new IllegalStateException("a bug of ours")), java.util.Map.of())).as("not the machine's").isNull();
    }

    @Test
    void withoutAScreenTheDesktopAppIsRefusedWithASentenceInsteadOfAStackTrace() {
        String refusal = EventPipeCli.noScreen("Linux", java.util.Map.of(), null);
        assertThat(refusal).startsWith("eventpipe: there is no screen to open the desktop app on")
                .contains("eventpipe run --input DIR").contains("eventpipe --help");
        assertThat(EventPipeCli.noScreen("Linux", java.util.Map.of("DISPLAY", " "), null)).as("blank").isEqualTo(refusal);
        assertThat(EventPipeCli.noScreen("Linux", java.util.Map.of("DISPLAY", ":99"), null)).isNull();
        assertThat(EventPipeCli.noScreen("Linux", java.util.Map.of("WAYLAND_DISPLAY", "wayland-0"), null)).isNull();
        assertThat(EventPipeCli.noScreen("Linux", java.util.Map.of(), "Monocle")).as("headless JavaFX").isNull();
        assertThat(EventPipeCli.noScreen("Windows 11", java.util.Map.of(), null)).isNull();
        assertThat(EventPipeCli.noScreen("Mac OS X", java.util.Map.of(), null)).isNull();
    }

    @Test
    void aFolderNamedLikeACommandIsTheCommandUnlessWrittenAsAPath() throws Exception {
        Files.createDirectory(dir.resolve("run"));
        Files.createDirectory(dir.resolve("config"));

        assertThat(EventPipeCli.desktopAppArgs(new String[]{"run"}, dir)).isNull();
        assertThat(EventPipeCli.desktopAppArgs(new String[]{"config"}, dir)).isNull();
        assertThat(EventPipeCli.desktopAppArgs(new String[]{"./run"}, dir)).containsExactly("--input", "./run");
    }

    @Test
    void aMissingFolderAFileAnOptionOrAFolderWithMoreArgumentsGoToTheCommandLine() throws Exception {
        Path file = Files.writeString(dir.resolve("events_20250301.csv"), "client_id\n");

        assertThat(EventPipeCli.desktopAppArgs(new String[]{dir.resolve("no-such").toString()})).isNull();
        assertThat(EventPipeCli.desktopAppArgs(new String[]{file.toString()})).isNull();
        assertThat(EventPipeCli.desktopAppArgs(new String[]{"--version"})).isNull();
        assertThat(EventPipeCli.desktopAppArgs(new String[]{""})).isNull();
        assertThat(EventPipeCli.desktopAppArgs(new String[]{dir.toString(), "run"})).isNull();
        assertThat(EventPipeCli.desktopAppArgs(new String[]{dir.toString(), dir.toString()})).isNull();
    }

    @Test
    void optionsBeforeTheCommandAreAUsageErrorNotASilentDesktopStart() {
        assertThat(EventPipeCli.execute(com.puffy.pipeline.StudioEngine.standardPipeline(), new PrintWriter(out, true),
                new PrintWriter(err, true), "--input", "x", "run")).isEqualTo(2);
        assertThat(err.toString()).contains("the command comes first, then its options: eventpipe run --input DIR");
        err.getBuffer().setLength(0);
        assertThat(run("--input", "x", "--output", "y")).isEqualTo(2);
        assertThat(err.toString()).contains("the desktop app takes only a folder (eventpipe DIR, or eventpipe --input DIR)",
                "eventpipe run --input DIR");
    }

    @Test
    void aFolderBeforeTheCommandOrWithOtherArgumentsIsAUsageErrorNotASilentDesktopStart() {
        assertThat(EventPipeCli.execute(com.puffy.pipeline.StudioEngine.standardPipeline(), new PrintWriter(out, true),
                new PrintWriter(err, true), dir.toString(), "validate")).isEqualTo(2);
        assertThat(err.toString()).contains("the command comes first, then its options: eventpipe validate --input DIR");
        err.getBuffer().setLength(0);
        assertThat(run(dir.toString(), "--output", "y")).isEqualTo(2);
        assertThat(err.toString()).contains("the desktop app takes only a folder (eventpipe DIR, or eventpipe --input DIR)");
    }
}
