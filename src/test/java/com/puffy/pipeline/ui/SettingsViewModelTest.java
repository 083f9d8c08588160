package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.config.ConfigLoader;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.engine.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings editor's ViewModel and the rules in effect per folder, without a screen (decision 0630). */
class SettingsViewModelTest {
    @TempDir
    Path dir;
    Path input;
    Preferences prefs;
    final FakeStages fakes = new FakeStages();
    final List<UiError> errors = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        input = Files.createDirectories(dir.resolve("events"));
        Files.writeString(input.resolve("events_20250101.csv"), "client_id,timestamp,event_name\n");
        prefs = Preferences.userRoot().node("eventpipe-test/settings-" + System.nanoTime());
    }

    @AfterEach
    void tearDown() throws Exception {
        prefs.removeNode();
    }

    private MainViewModel main() {
        MainViewModel vm = new MainViewModel(new Pipeline(List.of(fakes.stage(StageId.QUALITY),
                fakes.stage(StageId.TRANSFORM), fakes.stage(StageId.MONITOR), fakes.stage(StageId.ANALYSIS))),
                UiThreads.direct(), new RecentFolders(prefs), d -> d, Clock.systemUTC());
        vm.onError(errors::add);
        vm.cacheEnabledProperty().set(false);
        return vm;
    }

    /** A folder opened and run once under the built-in defaults: every stage fresh. */
    private MainViewModel ranOnce() {
        MainViewModel main = main();
        main.openFolder(input);
        main.runAll();
        assertThat(main.stages()).allMatch(s -> s.getState() == StageState.FRESH);
        return main;
    }

    private static String withGap(String text, int minutes) {
        assertThat(text).contains("session_gap_minutes: 30");
        return text.replace("session_gap_minutes: 30", "session_gap_minutes: " + minutes);
    }

    @Test
    void opensOnTheBuiltInDefaultsTextWithItsComments() {
        MainViewModel main = ranOnce();
        SettingsViewModel settings = new SettingsViewModel(main);
        settings.open();
        assertThat(settings.textProperty().get()).isEqualTo(ConfigLoader.defaultsText()).contains("# ");
        assertThat(settings.fileProperty().get()).isNull();
        assertThat(settings.sourceText()).isEqualTo("The built-in defaults");
        assertThat(settings.messageIsErrorProperty().get()).isFalse();
        assertThat(settings.dirtyProperty().get()).isFalse();
        assertThat(main.rulesName()).isEqualTo("built-in defaults");
    }

    @Test
    void savingAChangedGapAsAFileMakesItTheRulesAndTurnsTransformStaleButNotQuality() throws Exception {
        MainViewModel main = ranOnce();
        SettingsViewModel settings = new SettingsViewModel(main);
        settings.open();
        settings.textProperty().set(withGap(settings.textProperty().get(), 45));
        assertThat(settings.dirtyProperty().get()).isTrue();
        assertThat(settings.check()).isTrue();
        assertThat(settings.differences()).containsExactly("transform.session_gap_minutes: 45 (built-in: 30)");

        Path target = dir.resolve("rules/my-rules.yaml");
        assertThat(settings.saveAs(target)).isTrue();

        assertThat(Files.readString(target)).isEqualTo(settings.textProperty().get()).contains("# Event Pipeline");
        assertThat(dir.resolve("rules").toFile().list()).containsExactly("my-rules.yaml");
        assertThat(settings.dirtyProperty().get()).isFalse();
        assertThat(main.configFileProperty().get()).isEqualTo(target.toAbsolutePath());
        assertThat(main.rulesName()).isEqualTo("my-rules.yaml");
        assertThat(main.settings().config().transform().sessionGapMinutes()).isEqualTo(45);
        assertThat(main.stage(StageId.QUALITY).getState()).as("Quality reads only its own section")
                .isEqualTo(StageState.FRESH);
        assertThat(main.stage(StageId.TRANSFORM).getState()).isEqualTo(StageState.STALE);
        assertThat(main.stage(StageId.MONITOR).getState()).isEqualTo(StageState.STALE);
        assertThat(settings.messageProperty().get()).startsWith("Saved my-rules.yaml").contains("1 key differs");
    }

    @Test
    void saveWritesTheFileTheTextCameFrom() throws Exception {
        MainViewModel main = ranOnce();
        Path file = Files.writeString(dir.resolve("mine.yaml"), "# mine\ntransform:\n  session_gap_minutes: 40\n");
        main.setConfigFile(file);
        SettingsViewModel settings = new SettingsViewModel(main);
        settings.open();
        assertThat(settings.textProperty().get()).startsWith("# mine");
        settings.textProperty().set(settings.textProperty().get().replace("40", "50"));
        assertThat(settings.save()).isTrue();
        assertThat(Files.readString(file)).isEqualTo("# mine\ntransform:\n  session_gap_minutes: 50\n");
        assertThat(main.settings().config().transform().sessionGapMinutes()).isEqualTo(50);
    }

    @Test
    void theBuiltInDefaultsCannotBeSavedInPlace() {
        SettingsViewModel settings = new SettingsViewModel(ranOnce());
        settings.open();
        assertThat(settings.save()).isFalse();
        assertThat(settings.messageProperty().get()).contains("Save as");
        assertThat(settings.messageIsErrorProperty().get()).isTrue();
    }

    @Test
    void anUnknownKeyIsNamedWithItsLineAndNothingIsSaved() throws Exception {
        MainViewModel main = ranOnce();
        SettingsViewModel settings = new SettingsViewModel(main);
        settings.open();
        String text = settings.textProperty().get().replace("  lookback_days: 7", "  lookback_dayz: 7");
        settings.textProperty().set(text);
        int line = (int) text.substring(0, text.indexOf("lookback_dayz")).lines().count();

        assertThat(settings.check()).isFalse();
        assertThat(settings.errorLineProperty().get()).isEqualTo(line);
        assertThat(settings.messageProperty().get()).contains("(line " + line + ")").contains("lookback_dayz")
                .contains("built-in defaults").doesNotContain("eventpipe config");

        Path target = dir.resolve("typo.yaml");
        assertThat(settings.saveAs(target)).isFalse();
        assertThat(target).doesNotExist();
        assertThat(settings.messageProperty().get()).startsWith("Not saved: ");
        assertThat(main.configFileProperty().get()).isNull();
        assertThat(main.stage(StageId.TRANSFORM).getState()).isEqualTo(StageState.FRESH);
    }

    /** Decision 0829: a purchase name with an invisible blank at its end is refused at its line, saying what to write. */
    @Test
    void aNameWithABlankAtAnEndIsRefusedAtItsLine() {
        SettingsViewModel settings = new SettingsViewModel(ranOnce());
        settings.open();
        String text = settings.textProperty().get();
        assertThat(text).contains("purchase_event_names: [checkout_completed, purchase]");
        text = text.replace("purchase_event_names: [checkout_completed, purchase]",
                "purchase_event_names: [checkout_completed, purchase\u200B]");
        settings.textProperty().set(text);
        int line = (int) text.substring(0, text.indexOf("purchase_event_names:")).lines().count();

        assertThat(settings.check()).isFalse();
        assertThat(settings.errorLineProperty().get()).isEqualTo(line);
        assertThat(settings.messageProperty().get()).contains("(line " + line + ")")
                .contains("`quality.purchase_event_names[2]`", "\"purchase<U+200B>\"", "Write it as \"purchase\"");
    }

    @Test
    void invalidYamlIsNamedWithItsLine() {
        SettingsViewModel settings = new SettingsViewModel(ranOnce());
        settings.open();
        settings.textProperty().set("transform:\n  session_gap_minutes: 45\n  own_domains: [puffy.com\n");
        assertThat(settings.check()).isFalse();
        assertThat(settings.messageProperty().get()).contains("not valid YAML (line ");
        assertThat(settings.errorLineProperty().get()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void anUnwritableTargetIsSaidAndTheRulesStayAsTheyWere() throws Exception {
        MainViewModel main = ranOnce();
        SettingsViewModel settings = new SettingsViewModel(main);
        settings.open();
        settings.textProperty().set(withGap(settings.textProperty().get(), 45));
        // A file where the folder should be: no user, root included, can write below it.
        Path blocker = Files.writeString(dir.resolve("not-a-folder"), "x");
        Path target = blocker.resolve("rules.yaml");
        assertThat(settings.saveAs(target)).isFalse();
        assertThat(settings.messageProperty().get()).startsWith("Could not save " + target.toAbsolutePath())
                .contains("Save as");
        assertThat(settings.messageIsErrorProperty().get()).isTrue();
        assertThat(settings.dirtyProperty().get()).as("the edit is kept to save elsewhere").isTrue();
        assertThat(main.configFileProperty().get()).isNull();
        assertThat(main.stage(StageId.TRANSFORM).getState()).isEqualTo(StageState.FRESH);
        assertThat(settings.saveAs(dir)).as("a folder is no file to save to").isFalse();
    }

    @Test
    void useBuiltInDefaultsResetsAndForgetsTheFileForTheFolder() throws Exception {
        MainViewModel main = ranOnce();
        Path file = Files.writeString(dir.resolve("mine.yaml"), "transform:\n  session_gap_minutes: 40\n");
        main.setConfigFile(file);
        assertThat(main.stage(StageId.TRANSFORM).getState()).isEqualTo(StageState.STALE);
        SettingsViewModel settings = new SettingsViewModel(main);
        settings.open();
        settings.useDefaults();
        assertThat(main.configFileProperty().get()).isNull();
        assertThat(settings.textProperty().get()).isEqualTo(ConfigLoader.defaultsText());
        assertThat(main.stage(StageId.TRANSFORM).getState()).as("back to the rules it ran under")
                .isEqualTo(StageState.FRESH);
        MainViewModel reopened = main();
        reopened.openFolder(input);
        assertThat(reopened.configFileProperty().get()).isNull();
    }

    @Test
    void theRulesAreRememberedPerFolder() throws Exception {
        MainViewModel main = ranOnce();
        Path file = Files.writeString(dir.resolve("mine.yaml"), "transform:\n  session_gap_minutes: 40\n");
        main.setConfigFile(file);
        main.runAll();
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("events_20250102.csv"), "client_id,timestamp,event_name\n");
        main.openFolder(other);
        assertThat(main.configFileProperty().get()).as("another folder keeps the defaults").isNull();

        MainViewModel restarted = main();
        restarted.openFolder(input);
        assertThat(restarted.configFileProperty().get()).isEqualTo(file.toAbsolutePath());
        assertThat(restarted.rulesName()).isEqualTo("mine.yaml");
        assertThat(restarted.stages()).as("reopened under the rules it ran with: nothing stale")
                .allMatch(s -> s.getState() == StageState.FRESH);
    }

    @Test
    void aRememberedFileThatWasDeletedIsSaidAndNothingRunsUntilFixed() throws Exception {
        MainViewModel main = ranOnce();
        Path file = Files.writeString(dir.resolve("mine.yaml"), "transform:\n  session_gap_minutes: 40\n");
        main.setConfigFile(file);
        Files.delete(file);

        MainViewModel restarted = main();
        restarted.openFolder(input);
        assertThat(restarted.configFileProperty().get()).as("kept, not silently replaced by the defaults")
                .isEqualTo(file.toAbsolutePath());
        assertThat(restarted.configProblemProperty().get()).contains(file.toAbsolutePath().toString())
                .contains("does not exist").contains("Change… beside Rules").contains("built-in defaults");
        assertThat(restarted.statusMessageProperty().get()).isEqualTo(restarted.configProblemProperty().get());
        assertThat(errors).as("said in the header, not a dialog on opening").isEmpty();
        assertThat(restarted.outputsVersionProperty().get()).as("the screens show the last run's outputs")
                .isPositive();
        assertThat(restarted.lastRunProperty().get()).as("the status bar says when they were made")
                .startsWith("Last run ");

        fakes.ran.clear();
        restarted.runAll();
        assertThat(fakes.ran).as("never runs under other rules").isEmpty();
        assertThat(errors).singleElement().extracting(UiError::message).asString().contains("mine.yaml");

        SettingsViewModel settings = new SettingsViewModel(restarted);
        settings.open();
        assertThat(settings.messageIsErrorProperty().get()).isTrue();
        assertThat(settings.messageProperty().get()).contains(file.toAbsolutePath() + " no longer exists")
                .contains("Save writes them to mine.yaml").doesNotContain("beside Rules");
        settings.textProperty().set(withGap(settings.textProperty().get(), 40));
        assertThat(settings.save()).isTrue();
        assertThat(restarted.configProblemProperty().get()).isEmpty();
        restarted.runAll();
        assertThat(fakes.ran).isNotEmpty();
    }

    @Test
    void aFileDeletedWhileTheFolderIsOpenStopsTheNextRun() throws Exception {
        MainViewModel main = ranOnce();
        Path file = Files.writeString(dir.resolve("mine.yaml"), "transform:\n  session_gap_minutes: 40\n");
        main.setConfigFile(file);
        Files.delete(file);
        fakes.ran.clear();
        main.runAll();
        assertThat(fakes.ran).isEmpty();
        assertThat(main.configProblemProperty().get()).contains("mine.yaml").contains("does not exist");
        assertThat(errors).last().extracting(UiError::message).asString().contains("does not exist");
    }

    @Test
    void aRememberedFileThatNoLongerLoadsNamesTheLineAndWhatToDo() throws Exception {
        MainViewModel main = ranOnce();
        Path file = Files.writeString(dir.resolve("mine.yaml"), "transform:\n  session_gap_minutes: 40\n");
        main.setConfigFile(file);
        Files.writeString(file, "transform:\n  session_gap_minutes: 40\n  sesion_gap: 3\n");
        MainViewModel restarted = main();
        restarted.openFolder(input);
        assertThat(restarted.configProblemProperty().get()).contains("mine.yaml (line 3)").contains("sesion_gap")
                .contains("Nothing runs until the rules load");
        assertThat(restarted.stages()).allMatch(s -> s.getState() == StageState.STALE);
    }

    @Test
    void openingABrokenFileShowsItsProblemAndKeepsTheRulesInEffect() throws Exception {
        MainViewModel main = ranOnce();
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "monitoring:\n  z_threshold: -1\n");
        SettingsViewModel settings = new SettingsViewModel(main);
        settings.open();
        assertThat(settings.openFile(broken)).isFalse();
        assertThat(settings.errorLineProperty().get()).isEqualTo(2);
        assertThat(settings.messageProperty().get()).contains("z_threshold").contains("unchanged");
        assertThat(settings.fileProperty().get()).isEqualTo(broken.toAbsolutePath());
        assertThat(main.configFileProperty().get()).isNull();

        settings.textProperty().set("monitoring:\n  z_threshold: 2.5\n");
        assertThat(settings.save()).isTrue();
        assertThat(main.configFileProperty().get()).isEqualTo(broken.toAbsolutePath());
        assertThat(main.settings().config().monitoring().zThreshold()).isEqualTo(2.5);
    }

    @Test
    void openingAMissingFileSaysSoAndChangesNothing() {
        MainViewModel main = ranOnce();
        SettingsViewModel settings = new SettingsViewModel(main);
        settings.open();
        assertThat(settings.openFile(dir.resolve("gone.yaml"))).isFalse();
        assertThat(settings.messageProperty().get()).contains("gone.yaml").contains("does not exist");
        assertThat(settings.textProperty().get()).isEqualTo(ConfigLoader.defaultsText());
        assertThat(main.configFileProperty().get()).isNull();
    }

    @Test
    void linesAndPositionsForTheCursor() {
        String text = "a: 1\nbb: 2\nccc: 3\n";
        assertThat(SettingsViewModel.offsetOfLine(text, 1)).isZero();
        assertThat(SettingsViewModel.offsetOfLine(text, 3)).isEqualTo(11);
        assertThat(SettingsViewModel.offsetOfLine(text, 99)).isEqualTo(text.length());
        assertThat(SettingsViewModel.position(text, 13)).isEqualTo("Line 3, column 3");
        assertThat(SettingsViewModel.position(text, 0)).isEqualTo("Line 1, column 1");
    }

    @Test
    void aFileBrokenInAnotherProgramIsNoticedWhenTheWindowComesBack() throws Exception {
        MainViewModel main = ranOnce();
        Path file = Files.writeString(dir.resolve("mine.yaml"), "transform:\n  session_gap_minutes: 40\n");
        main.setConfigFile(file);
        main.runAll();
        Files.writeString(file, "transform:\n  session_gap_minutes: [\n");
        main.recheckStatuses();
        assertThat(main.configProblemProperty().get()).contains("mine.yaml").contains("not valid YAML");
        assertThat(main.statusMessageProperty().get()).isEqualTo(main.configProblemProperty().get());
        assertThat(main.stage(StageId.TRANSFORM).messageProperty().get()).contains("rules do not load");
    }

    @Test
    void aDifferenceLeadsToItsLineInTheText() {
        SettingsViewModel settings = new SettingsViewModel(ranOnce());
        settings.open();
        settings.textProperty().set("# mine\nmonitoring:\n  z_threshold: 2.5\ntransform:\n  session_gap_minutes: 45\n");
        assertThat(settings.check()).isTrue();
        assertThat(settings.differences()).containsExactly("transform.session_gap_minutes: 45 (built-in: 30)",
                "monitoring.z_threshold: 2.5 (built-in: 3.0)");
        assertThat(settings.lineOfDifference(0)).isEqualTo(5);
        assertThat(settings.lineOfDifference(1)).isEqualTo(3);
        assertThat(settings.lineOfDifference(2)).isZero();
    }

    @Test
    void anAddedKeywordIsADifferenceAtItsLineAndAMisusedAddPutsTheCursorOnIt() {
        SettingsViewModel settings = new SettingsViewModel(ranOnce());
        settings.open();
        settings.textProperty().set("transform:\n  channel_rules:\n    medium_keywords:\n      add:\n"
                + "        - {channel: Paid Social, keywords: [snap]}\n");
        assertThat(settings.check()).isTrue();
        assertThat(settings.differences()).containsExactly("transform.channel_rules.medium_keywords[8]: "
                + "{channel: Paid Social, keywords: [snap]} (not in the built-in defaults)");
        assertThat(settings.lineOfDifference(0)).isEqualTo(3);

        settings.textProperty().set("quality:\n  event_names:\n    add: add_to_wishlist\n");
        assertThat(settings.check()).isFalse();
        assertThat(settings.messageProperty().get()).contains("`quality.event_names.add`", "which is not a list");
        assertThat(settings.errorLineProperty().get()).isEqualTo(3);
    }

    @Test
    void theEmptyListOfDifferencesSaysWhenAProblemHidesThem() {
        SettingsViewModel settings = new SettingsViewModel(ranOnce());
        settings.open();
        settings.textProperty().set("transform:\n  session_gap_minutes: -1\n");
        assertThat(settings.check()).isFalse();
        assertThat(settings.differences()).isEmpty();
        assertThat(settings.noDifferencesProperty().get())
                .isEqualTo("What differs from the built-in defaults shows once the problem below (line 2) is fixed.");
        settings.textProperty().set("# nothing changed\n");
        assertThat(settings.check()).isTrue();
        assertThat(settings.noDifferencesProperty().get()).isEqualTo("Nothing differs from the built-in defaults.");
    }

    @Test
    void duringARunTheRulesCannotChangeUnderIt() throws Exception {
        java.util.concurrent.atomic.AtomicReference<SettingsViewModel> ref = new java.util.concurrent.atomic.AtomicReference<>();
        List<Boolean> outcomes = new ArrayList<>();
        Path target = dir.resolve("during.yaml");
        MainViewModel main = new MainViewModel(new Pipeline(List.of(fakes.stage(StageId.QUALITY, c -> {
            SettingsViewModel settings = ref.get();
            settings.textProperty().set(withGap(settings.textProperty().get(), 45));
            outcomes.add(settings.saveAs(target));
            outcomes.add(settings.openFile(target));
            settings.useDefaults();
        }))), UiThreads.direct(), new RecentFolders(prefs), d -> d, Clock.systemUTC());
        main.onError(errors::add);
        main.cacheEnabledProperty().set(false);
        main.openFolder(input);
        SettingsViewModel settings = new SettingsViewModel(main);
        settings.open();
        ref.set(settings);
        main.runAll();
        assertThat(outcomes).containsExactly(false, false);
        assertThat(target).doesNotExist();
        assertThat(settings.messageProperty().get()).startsWith("A run is in progress");
        assertThat(main.configFileProperty().get()).isNull();
        assertThat(settings.saveAs(target)).as("after the run").isTrue();
    }

    /** A folder run under {@code mine.yaml} (gap 40), and the editor open on it. */
    private SettingsViewModel editorOnMine(MainViewModel main, Path file) throws Exception {
        Files.writeString(file, "# mine\ntransform:\n  session_gap_minutes: 40\n");
        main.setConfigFile(file);
        main.runAll();
        assertThat(main.stages()).allMatch(s -> s.getState() == StageState.FRESH);
        SettingsViewModel settings = new SettingsViewModel(main);
        settings.open();
        assertThat(settings.textProperty().get()).startsWith("# mine");
        return settings;
    }

    private static final String THEIRS = "# theirs\ntransform:\n  session_gap_minutes: 45\n";

    @Test
    void aFileChangedOnDiskWithoutEditsHereIsReloadedSayingSoAndTheStagesFollowIt() throws Exception {
        MainViewModel main = ranOnce();
        Path file = dir.resolve("mine.yaml");
        SettingsViewModel settings = editorOnMine(main, file);
        assertThat(settings.checkDisk()).as("nothing changed yet").isEqualTo(SettingsViewModel.DiskCheck.UNCHANGED);

        Files.writeString(file, THEIRS);
        assertThat(settings.checkDisk()).isEqualTo(SettingsViewModel.DiskCheck.RELOADED);

        assertThat(settings.textProperty().get()).isEqualTo(THEIRS);
        assertThat(settings.dirtyProperty().get()).isFalse();
        assertThat(settings.diskBarProperty().get()).isEmpty();
        assertThat(settings.messageProperty().get())
                .isEqualTo("mine.yaml changed on disk; reloaded. Valid: 1 key differs from the built-in defaults.");
        assertThat(settings.differences()).containsExactly("transform.session_gap_minutes: 45 (built-in: 30)");
        assertThat(main.stage(StageId.TRANSFORM).getState()).as("freshness follows the file on disk")
                .isEqualTo(StageState.STALE);
        assertThat(main.stage(StageId.QUALITY).getState()).isEqualTo(StageState.FRESH);
        assertThat(settings.save()).as("saving what was reloaded asks nothing").isTrue();
        assertThat(Files.readString(file)).isEqualTo(THEIRS);
    }

    @Test
    void aFileChangedOnDiskUnderEditsHereKeepsThemAndOffersReloadOrKeepMine() throws Exception {
        MainViewModel main = ranOnce();
        Path file = dir.resolve("mine.yaml");
        SettingsViewModel settings = editorOnMine(main, file);
        String mine = settings.textProperty().get().replace("40", "50");
        settings.textProperty().set(mine);
        Files.writeString(file, THEIRS);

        assertThat(settings.checkDisk()).isEqualTo(SettingsViewModel.DiskCheck.CONFLICT);
        assertThat(settings.textProperty().get()).as("the edits here are not touched").isEqualTo(mine);
        assertThat(settings.dirtyProperty().get()).isTrue();
        assertThat(settings.diskBarProperty().get()).startsWith("mine.yaml was changed on disk by another program")
                .contains("Reload from disk").contains("Keep mine");
        assertThat(settings.messageProperty().get()).as("the line under the text speaks of the text")
                .isEqualTo("The settings are valid: 1 key differs from the built-in defaults.");
        assertThat(settings.check()).as("Check and the differences still work").isTrue();
        assertThat(settings.differences()).containsExactly("transform.session_gap_minutes: 50 (built-in: 30)");
        assertThat(settings.checkDisk()).as("asked once, still there").isEqualTo(SettingsViewModel.DiskCheck.CONFLICT);

        assertThat(settings.reloadFromDisk()).isTrue();
        assertThat(settings.textProperty().get()).isEqualTo(THEIRS);
        assertThat(settings.dirtyProperty().get()).isFalse();
        assertThat(settings.diskBarProperty().get()).isEmpty();
        assertThat(settings.messageProperty().get()).startsWith("Reloaded mine.yaml from disk; the changes made here "
                + "were discarded.");
        assertThat(main.stage(StageId.TRANSFORM).getState()).isEqualTo(StageState.STALE);
    }

    @Test
    void keepMineLetsSaveWriteOverTheOtherVersionWithoutAskingAgain() throws Exception {
        MainViewModel main = ranOnce();
        Path file = dir.resolve("mine.yaml");
        SettingsViewModel settings = editorOnMine(main, file);
        List<SettingsViewModel.SaveConflict> asked = new ArrayList<>();
        settings.setConflictAsker(c -> {
            asked.add(c);
            return SettingsViewModel.SaveChoice.CANCEL;
        });
        String mine = settings.textProperty().get().replace("40", "50");
        settings.textProperty().set(mine);
        Files.writeString(file, THEIRS);
        assertThat(settings.checkDisk()).isEqualTo(SettingsViewModel.DiskCheck.CONFLICT);

        settings.keepMine();
        assertThat(settings.diskBarProperty().get()).isEmpty();
        assertThat(settings.textProperty().get()).isEqualTo(mine);
        assertThat(settings.dirtyProperty().get()).as("it differs from the file").isTrue();
        assertThat(settings.messageProperty().get()).contains("Save writes it over the version on disk");
        assertThat(settings.checkDisk()).as("that version is acknowledged").isEqualTo(
                SettingsViewModel.DiskCheck.UNCHANGED);
        assertThat(settings.save()).isTrue();
        assertThat(asked).isEmpty();
        assertThat(Files.readString(file)).isEqualTo(mine);
        assertThat(main.settings().config().transform().sessionGapMinutes()).isEqualTo(50);

        Files.writeString(file, THEIRS);
        settings.textProperty().set(mine + "# again\n");
        assertThat(settings.save()).as("a later change on disk is asked about again").isFalse();
        assertThat(asked).hasSize(1);
        assertThat(Files.readString(file)).isEqualTo(THEIRS);
    }

    @Test
    void saveNeverWritesSilentlyOverAFileChangedOnDiskAndDoesWhatTheUserChooses() throws Exception {
        MainViewModel main = ranOnce();
        Path file = dir.resolve("mine.yaml");
        SettingsViewModel settings = editorOnMine(main, file);
        String mine = settings.textProperty().get().replace("40", "50");
        settings.textProperty().set(mine);
        // Changed while the editor had the focus, so no check saw it before Save.
        Files.writeString(file, THEIRS);

        assertThat(settings.save()).as("nobody to ask: nothing written").isFalse();
        assertThat(Files.readString(file)).isEqualTo(THEIRS);

        List<SettingsViewModel.SaveConflict> asked = new ArrayList<>();
        List<SettingsViewModel.DiskCheck> checksWhileAsking = new ArrayList<>();
        java.util.concurrent.atomic.AtomicReference<SettingsViewModel.SaveChoice> answer =
                new java.util.concurrent.atomic.AtomicReference<>(SettingsViewModel.SaveChoice.CANCEL);
        settings.setConflictAsker(c -> {
            asked.add(c);
            // The question's window closing hands the focus back: that must not reload under the question.
            checksWhileAsking.add(settings.checkDisk());
            return answer.get();
        });

        assertThat(settings.save()).isFalse();
        assertThat(asked).singleElement().satisfies(c -> {
            assertThat(c.canReload()).isTrue();
            assertThat(c.question()).startsWith("mine.yaml was changed on disk since it was opened here")
                    .contains("Overwrite").contains("reload").contains("cancel");
        });
        assertThat(checksWhileAsking).containsExactly(SettingsViewModel.DiskCheck.UNCHANGED);
        assertThat(Files.readString(file)).as("Cancel").isEqualTo(THEIRS);
        assertThat(settings.textProperty().get()).isEqualTo(mine);
        assertThat(settings.messageProperty().get()).startsWith("Not saved: mine.yaml changed on disk");
        assertThat(settings.diskBarProperty().get()).as("the choice stays on offer").isNotEmpty();

        answer.set(SettingsViewModel.SaveChoice.RELOAD);
        assertThat(settings.save()).isFalse();
        assertThat(settings.textProperty().get()).as("Reload from disk").isEqualTo(THEIRS);
        assertThat(settings.dirtyProperty().get()).isFalse();
        assertThat(settings.diskBarProperty().get()).isEmpty();

        settings.textProperty().set(mine);
        Files.writeString(file, "# a third version\n");
        answer.set(SettingsViewModel.SaveChoice.OVERWRITE);
        assertThat(settings.save()).isTrue();
        assertThat(Files.readString(file)).as("Overwrite").isEqualTo(mine);
        assertThat(settings.messageProperty().get()).startsWith("Saved mine.yaml;");
        assertThat(main.settings().config().transform().sessionGapMinutes()).isEqualTo(50);
        assertThat(asked).hasSize(3);
    }

    @Test
    void aFileChangedAndChangedBackIsNoChangeEvenWithANewTime() throws Exception {
        MainViewModel main = ranOnce();
        Path file = dir.resolve("mine.yaml");
        SettingsViewModel settings = editorOnMine(main, file);
        String original = Files.readString(file);
        settings.textProperty().set(original.replace("40", "50"));
        String before = settings.messageProperty().get();
        List<SettingsViewModel.SaveConflict> asked = new ArrayList<>();
        settings.setConflictAsker(c -> {
            asked.add(c);
            return SettingsViewModel.SaveChoice.CANCEL;
        });

        Files.writeString(file, THEIRS);
        Files.writeString(file, original);
        Files.setLastModifiedTime(file,
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 3_600_000));
        assertThat(settings.checkDisk()).isEqualTo(SettingsViewModel.DiskCheck.UNCHANGED);
        assertThat(settings.diskBarProperty().get()).isEmpty();
        assertThat(settings.messageProperty().get()).isEqualTo(before);

        // Changed (the bar), then changed back before the user chose: the bar goes.
        Files.writeString(file, THEIRS);
        assertThat(settings.checkDisk()).isEqualTo(SettingsViewModel.DiskCheck.CONFLICT);
        Files.writeString(file, original);
        assertThat(settings.checkDisk()).isEqualTo(SettingsViewModel.DiskCheck.UNCHANGED);
        assertThat(settings.diskBarProperty().get()).isEmpty();

        assertThat(settings.save()).isTrue();
        assertThat(asked).as("same content: no question").isEmpty();
    }

    @Test
    void aFileDeletedOnDiskIsSaidTheTextIsKeptAndSaveWritesItAgain() throws Exception {
        MainViewModel main = ranOnce();
        Path file = dir.resolve("mine.yaml");
        SettingsViewModel settings = editorOnMine(main, file);
        String text = settings.textProperty().get();
        List<SettingsViewModel.SaveConflict> asked = new ArrayList<>();
        settings.setConflictAsker(c -> {
            asked.add(c);
            return SettingsViewModel.SaveChoice.CANCEL;
        });
        Files.delete(file);

        assertThat(settings.checkDisk()).isEqualTo(SettingsViewModel.DiskCheck.DELETED);
        assertThat(settings.textProperty().get()).isEqualTo(text);
        assertThat(settings.messageProperty().get()).isEqualTo("mine.yaml was deleted on disk. The text here is kept: "
                + "Save writes it again; closing leaves the file deleted.");
        assertThat(settings.messageIsErrorProperty().get()).isTrue();
        assertThat(main.configProblemProperty().get()).as("the header says so too").contains("does not exist");
        assertThat(settings.reloadFromDisk()).as("nothing to reload").isFalse();
        assertThat(settings.messageProperty().get()).contains("no longer exists on disk");

        assertThat(settings.save()).isTrue();
        assertThat(asked).isEmpty();
        assertThat(Files.readString(file)).isEqualTo(text);
        assertThat(settings.messageProperty().get()).startsWith("Saved mine.yaml (it had been deleted on disk: "
                + "written again);");
        assertThat(main.configProblemProperty().get()).isEmpty();
    }

    @Test
    void aFileThatCanNoLongerBeReadKeepsTheTextAndSaveAsksBeforeWritingOverIt() throws Exception {
        MainViewModel main = ranOnce();
        Path file = dir.resolve("mine.yaml");
        SettingsViewModel settings = editorOnMine(main, file);
        String text = settings.textProperty().get();
        List<SettingsViewModel.SaveConflict> asked = new ArrayList<>();
        java.util.concurrent.atomic.AtomicReference<SettingsViewModel.SaveChoice> answer =
                new java.util.concurrent.atomic.AtomicReference<>(SettingsViewModel.SaveChoice.RELOAD);
        settings.setConflictAsker(c -> {
            asked.add(c);
            return answer.get();
        });
        // Saved as "Unicode" (UTF-16) in another program.
        byte[] utf16 = THEIRS.getBytes(java.nio.charset.StandardCharsets.UTF_16);
        Files.write(file, utf16);

        assertThat(settings.checkDisk()).isEqualTo(SettingsViewModel.DiskCheck.UNREADABLE);
        assertThat(settings.textProperty().get()).isEqualTo(text);
        assertThat(settings.messageProperty().get()).contains("mine.yaml is not UTF-8 text")
                .endsWith("The text here is what was last read; Save asks before writing over the file.");
        assertThat(settings.diskBarProperty().get()).isEmpty();

        assertThat(settings.save()).as("Reload cannot be offered: it is as Cancel").isFalse();
        assertThat(asked).singleElement().satisfies(c -> {
            assertThat(c.canReload()).isFalse();
            assertThat(c.question()).contains("is not UTF-8 text").contains("Whether it changed since it was opened "
                    + "here is unknown");
        });
        assertThat(Files.readAllBytes(file)).isEqualTo(utf16);
        assertThat(settings.messageProperty().get()).startsWith("Not saved: mine.yaml cannot be read now");

        answer.set(SettingsViewModel.SaveChoice.OVERWRITE);
        assertThat(settings.save()).isTrue();
        assertThat(Files.readString(file)).isEqualTo(text);

        // Not a file at all any more (no permission would do, but root reads anything): also unreadable.
        Files.delete(file);
        Files.createDirectories(file);
        assertThat(settings.checkDisk()).isEqualTo(SettingsViewModel.DiskCheck.UNREADABLE);
        assertThat(settings.messageProperty().get()).contains("mine.yaml cannot be read");
        assertThat(settings.textProperty().get()).isEqualTo(text);
    }

    @Test
    void aFileBrokenOnDiskThenFixedIsReloadedEachTimeAndTheHeaderAndStagesFollow() throws Exception {
        MainViewModel main = ranOnce();
        Path file = dir.resolve("mine.yaml");
        SettingsViewModel settings = editorOnMine(main, file);
        String good = Files.readString(file);

        Files.writeString(file, "transform:\n  session_gap_minutes: [\n");
        assertThat(settings.checkDisk()).isEqualTo(SettingsViewModel.DiskCheck.RELOADED);
        assertThat(settings.messageProperty().get()).startsWith("mine.yaml changed on disk; reloaded. ")
                .contains("not valid YAML");
        assertThat(settings.messageIsErrorProperty().get()).isTrue();
        assertThat(main.configProblemProperty().get()).contains("mine.yaml").contains("not valid YAML");
        assertThat(main.stage(StageId.TRANSFORM).messageProperty().get()).contains("rules do not load");

        Files.writeString(file, good);
        assertThat(settings.checkDisk()).isEqualTo(SettingsViewModel.DiskCheck.RELOADED);
        assertThat(settings.messageIsErrorProperty().get()).isFalse();
        assertThat(main.configProblemProperty().get()).isEmpty();
        assertThat(main.stages()).as("back to the rules they ran under")
                .allMatch(s -> s.getState() == StageState.FRESH);
        assertThat(main.stage(StageId.TRANSFORM).messageProperty().get()).doesNotContain("rules do not load");
        assertThat(main.statusMessageProperty().get()).startsWith("The rules load again (mine.yaml)");
    }

    @Test
    void theBuiltInDefaultsHaveNoFileToWatch() {
        SettingsViewModel settings = new SettingsViewModel(ranOnce());
        settings.open();
        assertThat(settings.checkDisk()).isEqualTo(SettingsViewModel.DiskCheck.UNCHANGED);
        assertThat(settings.reloadFromDisk()).isFalse();
    }

    @Test
    void theEditorLooksEachTimeItComesBackToTheFront() throws Exception {
        MainViewModel main = ranOnce();
        Path file = dir.resolve("mine.yaml");
        SettingsViewModel settings = editorOnMine(main, file);
        javafx.beans.property.SimpleBooleanProperty focused = new javafx.beans.property.SimpleBooleanProperty(true);
        SettingsDialog.checkWhenFocused(focused, settings);
        focused.set(false);
        Files.writeString(file, THEIRS);
        assertThat(settings.textProperty().get()).startsWith("# mine");
        focused.set(true);
        assertThat(settings.textProperty().get()).isEqualTo(THEIRS);
        assertThat(main.stage(StageId.TRANSFORM).getState()).isEqualTo(StageState.STALE);
    }
}
