package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.engine.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The settings editor driven from the keyboard over the real Pipeline and tiny stages whose Quality depends on its own
 * section only, as the real one does (decision 0630).
 */
@ExtendWith(ApplicationExtension.class)
class SettingsFxTest {
    @TempDir
    static Path dir;
    Preferences prefs;
    MainViewModel vm;
    MainView view;
    Stage window;
    final FakeStages fakes = new FakeStages();
    final List<UiError> errors = new CopyOnWriteArrayList<>();
    final AtomicReference<Path> fileAnswer = new AtomicReference<>();
    final AtomicBoolean discard = new AtomicBoolean();
    final AtomicInteger discardAsked = new AtomicInteger();

    @Start
    void start(Stage stage) throws Exception {
        Path input = Files.createDirectories(dir.resolve("events-" + System.nanoTime()));
        Files.writeString(input.resolve("events_20250101.csv"), "client_id,timestamp,event_name\n");
        prefs = Preferences.userRoot().node("eventpipe-test/settings-fx-" + System.nanoTime());
        UiThreads threads = UiThreads.javafx();
        vm = new MainViewModel(new Pipeline(List.of(fakes.stage(StageId.QUALITY), fakes.stage(StageId.TRANSFORM),
                fakes.stage(StageId.MONITOR), fakes.stage(StageId.ANALYSIS))), threads, new RecentFolders(prefs),
                d -> d, Clock.systemUTC());
        vm.cacheEnabledProperty().set(false);
        view = StudioApp.build(vm, threads, null, prefs);
        view.setErrorPresenter(errors::add);
        view.setSettingsFileAsker((owner, save, current) -> fileAnswer.get(), () -> {
            discardAsked.incrementAndGet();
            return discard.get();
        });
        window = stage;
        stage.setScene(view.createScene(1280, 800));
        stage.show();
        vm.openFolder(input);
    }

    @AfterEach
    void tearDown() throws Exception {
        prefs.removeNode();
    }

    private void runAllAndWait() throws Exception {
        WaitForAsyncUtils.asyncFx(vm::runAll).get();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !vm.runningProperty().get()
                && vm.stages().stream().allMatch(s -> s.getState() == StageState.FRESH));
    }

    private SettingsDialog openWithTheKeyboard(FxRobot robot) throws Exception {
        robot.interact(() -> view.root().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view.settingsDialog() != null
                && view.settingsDialog().stage().isShowing());
        // TestFX types text into its target window, which is the main one unless told.
        robot.targetWindow(view.settingsDialog().stage());
        return view.settingsDialog();
    }

    private static TextArea editor(SettingsDialog dialog) {
        return (TextArea) dialog.stage().getScene().lookup("#settings-text");
    }

    private static String message(SettingsDialog dialog) {
        return ((Label) dialog.stage().getScene().lookup("#settings-message")).getText();
    }

    @Test
    void ctrlCommaOpensTheRulesInEffectAndSavingANewGapTurnsTransformStale(FxRobot robot) throws Exception {
        runAllAndWait();
        Label rules = robot.lookup("#rules-in-effect").queryAs(Label.class);
        assertThat(rules.getText()).isEqualTo("built-in defaults");

        SettingsDialog dialog = openWithTheKeyboard(robot);
        TextArea editor = editor(dialog);
        assertThat(editor.getText()).startsWith("# Event Pipeline Studio: the built-in configuration.");
        assertThat(editor.isFocused()).as("the cursor is in the text").isTrue();
        assertThat(editor.getFont().getFamily()).isEqualToIgnoringCase("monospaced");

        int at = editor.getText().indexOf("session_gap_minutes: 30") + "session_gap_minutes: ".length();
        robot.interact(() -> editor.selectRange(at, at + 2));
        robot.write("45");
        assertThat(editor.getText()).contains("session_gap_minutes: 45");
        robot.push(KeyCode.F7);
        assertThat(message(dialog)).isEqualTo("The settings are valid: 1 key differs from the built-in defaults.");
        assertThat(robot.lookup("#settings-differences").queryListView().getItems())
                .containsExactly("transform.session_gap_minutes: 45 (built-in: 30)");
        Screenshots.save(dialog.stage().getScene(), "settings-editor-light");

        Path target = dir.resolve("rules-" + System.nanoTime() + "/my-rules.yaml");
        fileAnswer.set(target);
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Files.readString(target)).contains("session_gap_minutes: 45").contains("# Event Pipeline Studio");
        assertThat(message(dialog)).startsWith("Saved my-rules.yaml");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> vm.stage(StageId.TRANSFORM).getState() == StageState.STALE);
        assertThat(vm.stage(StageId.QUALITY).getState()).isEqualTo(StageState.FRESH);
        assertThat(vm.stage(StageId.MONITOR).getState()).isEqualTo(StageState.STALE);
        assertThat(rules.getText()).isEqualTo("my-rules.yaml");
        assertThat(rules.getTooltip().getText()).isEqualTo(target.toAbsolutePath().toString());

        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.stage().isShowing()).as("saved, so Esc closes without asking").isFalse();
        assertThat(window.getScene().getFocusOwner()).as("the focus is back where it was")
                .isSameAs(view.root());
        assertThat(discardAsked).hasValue(0);
        assertThat(errors).isEmpty();
    }

    @Test
    void aTypoIsNamedWithItsLineTheCursorGoesThereAndUnsavedChangesAreNotLostByEscape(FxRobot robot)
            throws Exception {
        SettingsDialog dialog = openWithTheKeyboard(robot);
        TextArea editor = editor(dialog);
        int at = editor.getText().indexOf("  lookback_days:");
        robot.interact(() -> editor.positionCaret(at + 2));
        robot.write("x");
        int line = (int) editor.getText().substring(0, at).lines().count() + 1;
        robot.push(KeyCode.F7);
        assertThat(message(dialog)).contains("(line " + line + ")").contains("xlookback_days");
        assertThat(editor.getSelection().getStart()).isEqualTo(SettingsViewModel.offsetOfLine(editor.getText(), line));
        assertThat(editor.getSelectedText()).isEqualTo("  xlookback_days: 7             # attribution touchpoints start "
                + "within this many days before the purchase");
        Screenshots.save(dialog.stage().getScene(), "settings-editor-error");

        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(discardAsked).hasValue(1);
        assertThat(dialog.stage().isShowing()).as("kept open: the user chose to keep editing").isTrue();
        discard.set(true);
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.stage().isShowing()).isFalse();
        assertThat(vm.configFileProperty().get()).isNull();
    }

    @Test
    void tabIndentsWithSpacesAndCtrlTabLeavesTheText(FxRobot robot) throws Exception {
        SettingsDialog dialog = openWithTheKeyboard(robot);
        TextArea editor = editor(dialog);
        robot.interact(() -> editor.positionCaret(0));
        robot.push(KeyCode.TAB);
        assertThat(editor.getText()).startsWith("  # Event Pipeline");
        assertThat(editor.isFocused()).isTrue();
        robot.press(KeyCode.CONTROL, KeyCode.TAB).release(KeyCode.TAB, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(editor.isFocused()).as("Ctrl+Tab moved on").isFalse();
        assertThat(dialog.stage().getScene().getFocusOwner()).isNotNull();
        // The labels' Alt letters lead to the text and to the list of differences.
        robot.press(KeyCode.ALT, KeyCode.D).release(KeyCode.D, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.stage().getScene().getFocusOwner().getId()).isEqualTo("settings-differences");
        robot.press(KeyCode.ALT, KeyCode.C).release(KeyCode.C, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(editor.isFocused()).isTrue();
    }

    @Test
    void aRememberedFileDeletedBehindTheAppIsMarkedInTheHeaderAndTheEditorOffersToWriteItAgain(FxRobot robot)
            throws Exception {
        Path file = Files.writeString(dir.resolve("gone-" + System.nanoTime() + ".yaml"),
                "transform:\n  session_gap_minutes: 40\n");
        WaitForAsyncUtils.asyncFx(() -> vm.setConfigFile(file)).get();
        // The file is read off the FX thread (decision 0831): deleted once it was, as it is remembered.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.statusMessageProperty().get()
                .startsWith("Rules now from " + file.toAbsolutePath().normalize()));
        Files.delete(file);
        WaitForAsyncUtils.asyncFx(() -> vm.openFolder(vm.inputDirProperty().get())).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.configProblemProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Label rules = robot.lookup("#rules-in-effect").queryAs(Label.class);
        assertThat(rules.getText()).isEqualTo(file.getFileName().toString());
        assertThat(rules.getStyleClass()).contains("rules-problem");
        assertThat(rules.getTooltip().getText()).contains("does not exist").contains("Change… beside Rules");
        assertThat(errors).as("no dialog on opening").isEmpty();

        javafx.scene.control.Button change = robot.lookup("#change-rules").queryButton();
        assertThat(change.getAccessibleText()).isEqualTo("Change the rules (settings editor)");
        robot.interact(change::requestFocus);
        robot.push(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view.settingsDialog() != null
                && view.settingsDialog().stage().isShowing());
        SettingsDialog dialog = view.settingsDialog();
        robot.targetWindow(dialog.stage());
        assertThat(message(dialog)).contains("no longer exists").contains("Save writes them to " + file.getFileName());
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(file).exists();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !rules.getStyleClass().contains("rules-problem"));
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.stage().isShowing()).isFalse();
        assertThat(change.isFocused()).as("the focus is back on Change…").isTrue();
    }

    @Test
    void theHeaderAndTheEditorFitA1024By768ScreenInBothThemes(FxRobot robot) throws Exception {
        robot.interact(() -> {
            window.setWidth(1024);
            window.setHeight(768);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Label rules = robot.lookup("#rules-in-effect").queryAs(Label.class);
        assertThat(Truncation.truncatedLabels(rules.getParent(), Set.of("output-folder", "cache-file")))
                .as("Rules, its name, Change… and As of keep their words").isEmpty();
        Screenshots.save(window.getScene(), "header-rules-1024");
        javafx.scene.Node toggle = robot.lookup("#dark-toggle").query();
        assertThat(toggle.localToScene(toggle.getBoundsInLocal()).getMaxX()).as("the header fits the window")
                .isLessThanOrEqualTo(window.getScene().getWidth());
        javafx.scene.layout.HBox runLine = robot.lookup("#run-settings-line").queryAs(javafx.scene.layout.HBox.class);
        assertThat(runLine.getChildren()).contains(rules);
        assertThat(runLine.getBoundsInParent().getMinY()).as("Rules and As of on Output and Cache's line at 1024 px")
                .isLessThan(1);
        for (boolean dark : new boolean[] {false, true}) {
            robot.interact(() -> Theme.apply(window.getScene(), dark, prefs));
            SettingsDialog dialog = openWithTheKeyboard(robot);
            javafx.scene.Parent root = dialog.stage().getScene().getRoot();
            assertThat(dialog.stage().getWidth()).isLessThanOrEqualTo(1000);
            assertThat(Truncation.truncatedLabels(root, Set.of("settings-source"))).isEmpty();
            assertThat(root.getStyleClass()).contains(dark ? "theme-dark" : "theme-light");
            for (String id : List.of("settings-check", "settings-save", "settings-save-as", "settings-close",
                    "settings-open", "settings-defaults")) {
                javafx.scene.Node button = root.lookup("#" + id);
                assertThat(button.localToScene(button.getBoundsInLocal()).getMaxX())
                        .as(id + " inside the window").isLessThanOrEqualTo(dialog.stage().getScene().getWidth());
            }
            assertThat(Wcag.unreadable(root)).as("every text readable, the verdict in its success colors").isEmpty();
            robot.interact(() -> dialog.viewModel().textProperty().set("transform:\n  session_gap_minutes: -1\n"));
            robot.push(KeyCode.F7);
            assertThat(dialog.viewModel().messageIsErrorProperty().get()).isTrue();
            assertThat(Wcag.unreadable(root)).as("the verdict in its danger colors").isEmpty();
            Screenshots.save(dialog.stage().getScene(), "settings-editor-" + (dark ? "dark" : "light") + "-small");
            discard.set(true);
            robot.interact(dialog::requestClose);
        }
        robot.interact(() -> Theme.apply(window.getScene(), false, prefs));
    }

    /**
     * The user leaves the editor for another program, changes the file there and comes back. Monocle reports every
     * window as focused, so the editor's coming back is the call its focus listener makes
     * ({@code SettingsViewModelTest.theEditorLooksEachTimeItComesBackToTheFront} holds the listener).
     */
    private static void leaveAndComeBack(FxRobot robot, SettingsDialog dialog, Runnable elsewhere) {
        elsewhere.run();
        robot.interact(dialog.viewModel()::checkDisk);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aFileChangedInAnotherProgramIsReloadedWhenTheEditorComesBackOrUnderEditsOffersTheBar(FxRobot robot)
            throws Exception {
        Path file = Files.writeString(dir.resolve("behind-" + System.nanoTime() + ".yaml"),
                "# mine\ntransform:\n  session_gap_minutes: 40\n");
        String name = file.getFileName().toString();
        WaitForAsyncUtils.asyncFx(() -> vm.setConfigFile(file)).get();
        runAllAndWait();
        SettingsDialog dialog = openWithTheKeyboard(robot);
        TextArea editor = editor(dialog);
        javafx.scene.Node bar = dialog.stage().getScene().lookup("#settings-disk-bar");
        assertThat(bar.isVisible()).isFalse();

        String theirs = "# theirs\ntransform:\n  session_gap_minutes: 45\n";
        leaveAndComeBack(robot, dialog, () -> write(file, theirs));
        assertThat(editor.getText()).as("no edits here: it follows the file").isEqualTo(theirs);
        assertThat(message(dialog)).isEqualTo(name + " changed on disk; reloaded. Valid: 1 key differs from the "
                + "built-in defaults.");
        assertThat(bar.isVisible()).isFalse();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> vm.stage(StageId.TRANSFORM).getState() == StageState.STALE);
        assertThat(vm.stage(StageId.QUALITY).getState()).isEqualTo(StageState.FRESH);

        robot.interact(() -> editor.positionCaret(editor.getText().length()));
        robot.write("# mine too\n");
        String mine = editor.getText();
        leaveAndComeBack(robot, dialog, () -> write(file, "# a third version\ntransform:\n  lookback_days: 9\n"));
        assertThat(editor.getText()).as("edits here are never replaced unasked").isEqualTo(mine);
        assertThat(bar.isVisible()).isTrue();
        assertThat(((Label) dialog.stage().getScene().lookup("#settings-disk-bar-text")).getText())
                .startsWith(name + " was changed on disk by another program");
        javafx.scene.Parent root = dialog.stage().getScene().getRoot();
        assertThat(Wcag.unreadable(root)).as("the bar readable").isEmpty();
        assertThat(Truncation.truncatedLabels(root, Set.of("settings-source"))).isEmpty();
        Screenshots.save(dialog.stage().getScene(), "settings-disk-bar");
        robot.interact(() -> Theme.apply(dialog.stage().getScene(), true, null));
        assertThat(Wcag.unreadable(root)).as("the bar readable in the dark theme").isEmpty();
        Screenshots.save(dialog.stage().getScene(), "settings-disk-bar-dark");
        robot.interact(() -> Theme.apply(dialog.stage().getScene(), false, null));
        robot.push(KeyCode.F7);
        assertThat(message(dialog)).as("Check works meanwhile").startsWith("The settings are valid");

        robot.press(KeyCode.ALT, KeyCode.K).release(KeyCode.K, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bar.isVisible()).as("Keep mine").isFalse();
        assertThat(editor.isFocused()).isTrue();
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Files.readString(file)).as("kept, then saved without a second question").isEqualTo(mine);
        assertThat(message(dialog)).startsWith("Saved " + name);
        assertThat(errors).isEmpty();
    }

    @Test
    void saveAsksBeforeWritingOverAVersionChangedOnDiskAndReloadFromDiskIsOneKeyAway(FxRobot robot)
            throws Exception {
        Path file = Files.writeString(dir.resolve("conflict-" + System.nanoTime() + ".yaml"),
                "# mine\ntransform:\n  session_gap_minutes: 40\n");
        WaitForAsyncUtils.asyncFx(() -> vm.setConfigFile(file)).get();
        SettingsDialog dialog = openWithTheKeyboard(robot);
        TextArea editor = editor(dialog);
        robot.interact(() -> editor.positionCaret(0));
        robot.write("# edited here\n");
        String mine = editor.getText();
        String theirs = "# theirs\ntransform:\n  session_gap_minutes: 45\n";
        // Changed while the editor kept the focus (a script, git in a terminal beside it): only Save can notice.
        Files.writeString(file, theirs);

        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        Stage question = waitForQuestion();
        assertThat(((javafx.scene.control.DialogPane) question.getScene().getRoot()).getContentText())
                .startsWith(file.getFileName() + " was changed on disk since it was opened here");
        Screenshots.save(question.getScene(), "settings-save-conflict");
        robot.targetWindow(question);
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(question.isShowing()).isFalse();
        assertThat(Files.readString(file)).as("a reflex Enter cancels").isEqualTo(theirs);
        assertThat(message(dialog)).startsWith("Not saved: ");
        assertThat(dialog.stage().getScene().lookup("#settings-disk-bar").isVisible()).isTrue();

        robot.targetWindow(dialog.stage());
        robot.press(KeyCode.ALT, KeyCode.R).release(KeyCode.R, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(editor.getText()).as("Reload from disk").isEqualTo(theirs);
        assertThat(dialog.viewModel().dirtyProperty().get()).isFalse();

        robot.interact(() -> editor.positionCaret(0));
        robot.write("# mine again\n");
        Files.writeString(file, "# a third version\n");
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        question = waitForQuestion();
        robot.targetWindow(question);
        robot.clickOn("Overwrite");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Files.readString(file)).isEqualTo("# mine again\n" + theirs);
        assertThat(mine).isNotEqualTo(editor.getText());
        assertThat(errors).isEmpty();
    }

    private static Stage waitForQuestion() throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> question() != null);
        return question();
    }

    private static Stage question() {
        return javafx.stage.Window.getWindows().stream().filter(w -> w instanceof Stage s && w.isShowing()
                        && "Settings: the file changed on disk".equals(s.getTitle()))
                .map(Stage.class::cast).findFirst().orElse(null);
    }

    /** A label of the differences list as drawn: its text, and the text node that draws it. */
    private record Drawn(Label label, javafx.scene.text.Text text) {
    }

    /** The editor at 1024×768 with {@code yaml} checked: its differences as drawn, after {@code count} are listed. */
    private List<Drawn> differencesDrawn(FxRobot robot, String yaml, int count, String screenshot) throws Exception {
        robot.interact(() -> {
            window.setWidth(1024);
            window.setHeight(768);
        });
        SettingsDialog dialog = openWithTheKeyboard(robot);
        robot.interact(() -> {
            dialog.viewModel().textProperty().set(yaml);
            dialog.viewModel().check();
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ListView<?> list = robot.lookup("#settings-differences").queryListView();
        assertThat(list.getItems()).hasSize(count);
        List<Drawn> drawn = new java.util.ArrayList<>();
        for (javafx.scene.Node node : list.lookupAll(".label")) {
            if (node instanceof Label label && label.isVisible() && label.getText() != null && !label.getText().isBlank()
                    && label.lookup(".text") instanceof javafx.scene.text.Text text && text.getParent() == label) {
                drawn.add(new Drawn(label, text));
            }
        }
        Screenshots.save(dialog.stage().getScene(), screenshot);
        return drawn;
    }

    private static final String CLICK_IDS_WRITTEN_WHOLE = "transform:\n  channel_rules:\n    click_id_rules:\n"
            + "      - {channel: Email, parameters: [_kx]}\n"
            + "      - {channel: Paid Search, parameters: [gclid, gbraid, wbraid, msclkid, gad_source]}\n"
            + "      - {channel: Paid Social, parameters: [fbclid, ttclid, igshid, li_fat_id, sccid]}\n"
            + "      - {channel: Affiliate, parameters: [affid, irclickid, im_ref, sfdr_ptcid]}\n";

    @Test
    void aLongDifferenceIsDrawnWholeWithItsKeyAboveWhatChanged(FxRobot robot) throws Exception {
        List<Drawn> drawn = differencesDrawn(robot, "monitoring:\n  bot_share_warning: 0.05\n"
                + CLICK_IDS_WRITTEN_WHOLE, 2, "settings-differences-1024");
        // The lines a label was given, joined again, are the difference as written.
        assertThat(drawn).extracting(d -> d.label().getText().replace("\n", ""))
                .contains("transform.channel_rules.click_id_rules[3].parameters",
                        "adds sccid (built-in: [fbclid, ttclid, igshid, li_fat_id])");
        assertThat(drawn).as("every difference drawn whole").allSatisfy(d -> assertThat(
                d.text().getText().replace("\n", "").strip()).isEqualTo(d.label().getText().replace("\n", "").strip()));
    }

    @Test
    void aLongKeyInTheNarrowColumnBreaksAfterADotOrUnderscoreNeverInsideAWord(FxRobot robot) throws Exception {
        List<Drawn> drawn = differencesDrawn(robot, "monitoring:\n  sticky_referrer_jump_points: 12.0\n"
                + "quality:\n  bot_pattern: {add: [petalbot]}\n" + CLICK_IDS_WRITTEN_WHOLE, 3,
                "settings-differences-long-keys-1024");
        List<String> brokenInsideAWord = new java.util.ArrayList<>();
        for (Drawn label : drawn) {
            // Where the text node starts each drawn line: the caret of a character on a lower line than the one before.
            String text = label.text().getText();
            double lineY = Double.NaN;
            for (int i = 0; i < text.length(); i++) {
                javafx.scene.shape.PathElement[] caret = label.text().caretShape(i, true);
                double y = caret.length > 0 && caret[0] instanceof javafx.scene.shape.MoveTo move ? move.getY() : 0;
                if (i > 0 && y > lineY + 1 && text.charAt(i - 1) != '\n' && ". _|,".indexOf(text.charAt(i - 1)) < 0) {
                    brokenInsideAWord.add(text.substring(0, i) + " | " + text.substring(i));
                }
                lineY = Double.isNaN(lineY) ? y : Math.max(lineY, y);
            }
        }
        assertThat(brokenInsideAWord).as("lines the column broke inside a word").isEmpty();
        assertThat(drawn).extracting(d -> d.label().getText()).filteredOn(t -> t.contains("click_id_rules[3]"))
                .singleElement().asString().contains(".\n");
    }
}
