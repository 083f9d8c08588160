package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An analyst with a keyboard and no mouse, on the real engine and a small generated sample: every step is a key
 * press; the test only reads what the window shows. One window for the class, so the pipeline runs once.
 */
class KeyboardOnlyFxTest extends SampleWindowFxTest {
    @Start
    void start(Stage stage) throws Exception {
        showSampleWindow(stage, KeyboardOnlyFxTest.class);
    }

    private static boolean inside(Node node, String id) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (id.equals(n.getId())) {
                return true;
            }
        }
        return false;
    }

    private static List<Window> dialogs() {
        return Window.getWindows().stream().filter(w -> w != window && w.isShowing() && w instanceof Stage).toList();
    }

    @Test
    @Order(1)
    void altFOpensTheFileMenuTabAndSpaceOpenTheSampleAndF5RunsEveryStage(FxRobot robot) throws Exception {
        System.setProperty("eventpipe.home", home.toString());
        WaitForAsyncUtils.waitForFxEvents();
        robot.push(KeyCode.ALT, KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Window.getWindows()).as("Alt+F opens the File menu")
                .anyMatch(w -> w instanceof javafx.scene.control.ContextMenu && w.isShowing());
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Window.getWindows()).noneMatch(w -> w instanceof javafx.scene.control.ContextMenu && w.isShowing());
        robot.interact(() -> robot.lookup("#open-folder").query().requestFocus());
        robot.push(KeyCode.TAB);
        assertThat(focused().getId()).as("Recent is off until a folder was opened").isEqualTo("open-sample");
        robot.push(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.inputDirProperty().get() != null);
        assertThat(vm.inputDirProperty().get()).startsWith(home);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.busyProperty().get());
        // The sample's run can end (0.3 s) before push returns from waiting for the FX events: a listener sees it
        // start, where polling running missed it.
        java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
        robot.interact(() -> vm.runningProperty().addListener((obs, was, now) -> started.compareAndSet(false, now)));
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, started::get);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors).isEmpty();
        for (StageId id : StageId.values()) {
            assertThat(vm.stage(id).getState()).as(id.title()).isEqualTo(StageState.FRESH);
        }
    }

    @Test
    @Order(2)
    void ctrlDigitsShowTheStagesAndCtrlTabTheirTabsWithTheFocusOnTheTabShown(FxRobot robot) throws Exception {
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selectedTab(robot, "#stage-tabs")).isEqualTo("tab-quality");
        assertThat(focused().getId()).isEqualTo("stage-tabs");
        assertThat(selectedTab(robot, "#quality-tabs")).isEqualTo("quality-tab-files");

        // From inside the Files table, wherever the focus is, Ctrl+Tab moves between the screen's own tabs.
        robot.interact(() -> robot.lookup("#quality-files-summary-table").query().requestFocus());
        robot.push(KeyCode.CONTROL, KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selectedTab(robot, "#quality-tabs")).isEqualTo("quality-tab-drift");
        assertThat(focused().getId()).as("the focus follows to the tab shown").isEqualTo("quality-tabs");
        robot.push(KeyCode.CONTROL, KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selectedTab(robot, "#quality-tabs")).isEqualTo("quality-tab-findings");
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selectedTab(robot, "#quality-tabs")).isEqualTo("quality-tab-drift");
        robot.push(KeyCode.CONTROL, KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selectedTab(robot, "#quality-tabs")).isEqualTo("quality-tab-findings");

        String[] stages = {"tab-quality", "tab-transform", "tab-analysis", "tab-monitor"};
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4};
        for (int i = 3; i >= 0; i--) {
            robot.push(KeyCode.CONTROL, digits[i]);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(selectedTab(robot, "#stage-tabs")).isEqualTo(stages[i]);
            assertThat(shown(focused())).as("the focus is on something in view").isTrue();
        }
    }

    @Test
    @Order(3)
    void ctrlFThenTabReachTheSearchTheFiltersAndTheRowsAndEnterShowsARow(FxRobot robot) throws Exception {
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT1);
        for (int i = 0; i < 5 && !"quality-tab-findings".equals(selectedTab(robot, "#quality-tabs")); i++) {
            robot.push(KeyCode.CONTROL, KeyCode.TAB);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selectedTab(robot, "#quality-tabs")).isEqualTo("quality-tab-findings");
        TableView<?> findings = robot.lookup("#findings-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !findings.getItems().isEmpty());

        robot.push(KeyCode.CONTROL, KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focused().getId()).isEqualTo("findings-search");
        robot.push(KeyCode.TAB);
        assertThat(focused().getId()).isEqualTo("findings-search-column");
        robot.push(KeyCode.TAB);
        assertThat(focused().getId()).as("the first value filter").startsWith("findings-facet-");
        for (int i = 0; i < 10 && focused() != findings; i++) {
            robot.push(KeyCode.TAB);
        }
        assertThat(focused()).as("Tab reaches the rows after the filters").isSameAs(findings);
        robot.push(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        if (findings.getSelectionModel().getSelectedItem() == null) {
            robot.push(KeyCode.DOWN);
        }
        assertThat(findings.getSelectionModel().getSelectedItem()).isNotNull();
        // Shift+F10: the table's menu, whose Columns hide a column and show it again.
        robot.push(KeyCode.SHIFT, KeyCode.F10);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ContextMenu menu = findings.getContextMenu();
        assertThat(menu.isShowing()).isTrue();
        assertThat(menu.getItems()).extracting(javafx.scene.control.MenuItem::getText)
                .contains("Show all fields (Enter)", "Columns");
        javafx.scene.control.Menu columns = (javafx.scene.control.Menu) menu.getItems().stream()
                .filter(i -> "Columns".equals(i.getText())).findFirst().orElseThrow();
        javafx.scene.control.CheckMenuItem first = (javafx.scene.control.CheckMenuItem) columns.getItems().get(0);
        robot.interact(() -> first.setSelected(false));
        assertThat(findings.getColumns().get(0).isVisible()).isFalse();
        robot.interact(() -> first.setSelected(true));
        assertThat(findings.getColumns().get(0).isVisible()).isTrue();
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(menu.isShowing()).isFalse();
        assertThat(focused()).isSameAs(findings);
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs()).as("Enter shows the row's fields").hasSize(1);
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs()).as("Escape closes them").isEmpty();
        assertThat(focused()).as("back on the row").isSameAs(findings);

        // Shift+Tab goes back the same way: no control keeps the focus.
        robot.push(KeyCode.SHIFT, KeyCode.TAB);
        assertThat(focused()).isNotSameAs(findings);
    }

    @Test
    @Order(4)
    void ctrlJOnASessionOpensItsClientsJourney(FxRobot robot) throws Exception {
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT2);
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> sessions = robot.lookup("#dataset-sessions-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !sessions.getItems().isEmpty());
        robot.push(KeyCode.CONTROL, KeyCode.F);
        assertThat(focused().getId()).isEqualTo("dataset-sessions-search");
        for (int i = 0; i < 12 && focused() != sessions; i++) {
            robot.push(KeyCode.TAB);
        }
        assertThat(focused()).isSameAs(sessions);
        robot.push(KeyCode.DOWN);
        if (sessions.getSelectionModel().getSelectedItem() == null) {
            robot.push(KeyCode.DOWN);
        }
        // The row's menu (Shift+F10, the Menu key, a right click) offers it too, first.
        robot.push(KeyCode.SHIFT, KeyCode.F10);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> sessions.getContextMenu().isShowing());
        assertThat(sessions.getContextMenu().getItems().get(0).getText()).isEqualTo("Open journey (Ctrl+J)");
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focused()).isSameAs(sessions);
        robot.push(KeyCode.CONTROL, KeyCode.J);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selectedTab(robot, "#transform-tabs")).isEqualTo("transform-tab-journey");
        // The row's table went out of view with its tab and took the focus to the header's "Open folder…", where
        // the next Enter opened a folder chooser.
        assertThat(focused().getId()).as("the focus follows to the journey's client field").isEqualTo("journey-client");
        javafx.scene.control.Label header = robot.lookup("#journey-header").queryAs(javafx.scene.control.Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> header.getText().startsWith("Client "));
        robot.push(KeyCode.ALT, KeyCode.C);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focused().getId()).as("Alt+C goes to the client field").isEqualTo("journey-client");

        // Reading order: from the screen's tabs, Tab goes to what is at the top left first.
        robot.interact(() -> robot.lookup("#transform-tabs").query().requestFocus());
        robot.push(KeyCode.TAB);
        assertThat(focused().getId()).as("the journey's client field, above the timeline").isEqualTo("journey-client");
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selectedTab(robot, "#transform-tabs")).isEqualTo("transform-tab-datasets");
        robot.push(KeyCode.TAB);
        assertThat(focused().getId()).as("the dataset list, left of the table").isEqualTo("dataset-list");
        robot.push(KeyCode.TAB);
        assertThat(focused().getId()).as("Table or Chart, above the search (decision 0827)")
                .isEqualTo("dataset-view-table");
        robot.push(KeyCode.TAB);
        assertThat(focused().getId()).isEqualTo("dataset-sessions-search");
    }

    @Test
    @Order(5)
    void altASetsTheAsOfDateByTypingAndTodayResetsIt(FxRobot robot) throws Exception {
        robot.push(KeyCode.ALT, KeyCode.A);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(inside(focused(), "as-of")).as("Alt+A goes to the As-of date").isTrue();
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write("2025-02-20");
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.asOfProperty().get()).hasToString("2025-02-20");
        robot.push(KeyCode.TAB);
        assertThat(focused().getId()).isEqualTo("as-of-today");
        robot.push(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.asOfProperty().get()).isNull();
    }

    @Test
    @Order(6)
    void ctrlShiftDOrTheViewMenuSwitchesTheTheme(FxRobot robot) throws Exception {
        boolean before = Theme.isDark(prefs);
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Theme.isDark(prefs)).isEqualTo(!before);
        assertThat(window.getScene().getRoot().getStyleClass()).contains(before ? "theme-light" : "theme-dark");
        // Alt+V, then Up to the last command, Dark theme, and Enter.
        robot.push(KeyCode.ALT, KeyCode.V);
        WaitForAsyncUtils.waitForFxEvents();
        robot.push(KeyCode.UP);
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Theme.isDark(prefs)).isEqualTo(before);
    }

    @Test
    @Order(6)
    void ctrlShiftOOpensTheRecentFoldersListWithTheFocusOnIt(FxRobot robot) throws Exception {
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.O);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.MenuButton recent = robot.lookup("#recent-folders")
                .queryAs(javafx.scene.control.MenuButton.class);
        assertThat(recent.isShowing()).isTrue();
        assertThat(focused()).isSameAs(recent);
        assertThat(recent.getItems()).extracting(javafx.scene.control.MenuItem::getText)
                .contains(vm.inputDirProperty().get().toString());
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(recent.isShowing()).isFalse();
    }

    @Test
    @Order(7)
    void tabGoesThroughTheWindowInReadingOrderAndComesBackWithoutATrap(FxRobot robot) throws Exception {
        // Every screen: Tab goes round the whole window and back, always to something in view.
        for (KeyCode digit : new KeyCode[] {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT4}) {
            robot.push(KeyCode.CONTROL, digit);
            WaitForAsyncUtils.waitForFxEvents();
            tabRound(robot);
        }
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT3);
        WaitForAsyncUtils.waitForFxEvents();
        List<Node> visited = tabRound(robot);
        List<String> ids = visited.stream().map(n -> n.getId() == null ? "" : n.getId()).toList();
        // Reading order: the header's buttons, its paths line, the stage rail, then the screen.
        int sample = ids.indexOf("open-sample");
        int theme = ids.indexOf("dark-toggle");
        int asOf = ids.indexOf("as-of");
        int runAll = ids.indexOf("run-all");
        int runQuality = ids.indexOf("run-quality");
        int stageTabs = ids.indexOf("stage-tabs");
        int firstTable = ids.indexOf("chart-revenue-as-table");
        assertThat(List.of(sample, theme, asOf, runAll, runQuality, stageTabs, firstTable))
                .as(String.join(" → ", ids)).doesNotContain(-1).isSorted();
    }

    /** Tabs from Open folder until the focus comes back to it; the nodes in between, in order. */
    private static List<Node> tabRound(FxRobot robot) {
        robot.interact(() -> robot.lookup("#open-folder").query().requestFocus());
        List<Node> visited = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Node now = focused();
            assertThat(shown(now)).as("focus step " + i + " is in view: " + now).isTrue();
            if (i > 0 && now.getId() != null && now.getId().equals("open-folder")) {
                break;
            }
            visited.add(now);
            robot.push(KeyCode.TAB);
        }
        assertThat(focused().getId()).as("Tab comes back round to the first control after "
                + visited.stream().map(n -> String.valueOf(n.getId())).toList()).isEqualTo("open-folder");
        return visited;
    }

    private static boolean hasTooltip(Node node) {
        return node instanceof javafx.scene.control.Control control && control.getTooltip() != null
                || node.getProperties().values().stream().anyMatch(v -> v instanceof javafx.scene.control.Tooltip);
    }

    /** Buttons in view that show only an icon, or whose words say the same as another's. */
    private static List<String> unnamedOrAmbiguous() {
        List<String> problems = new ArrayList<>();
        java.util.Map<String, Node> names = new java.util.HashMap<>();
        for (Node node : all(window.getScene().getRoot())) {
            if (!(node instanceof javafx.scene.control.ButtonBase button) || !shown(node)) {
                continue;
            }
            boolean iconOnly = button.getText() == null || button.getText().isBlank()
                    || button.getContentDisplay() == javafx.scene.control.ContentDisplay.GRAPHIC_ONLY;
            String name = button.getAccessibleText() != null ? button.getAccessibleText() : button.getText();
            if (iconOnly && (button.getAccessibleText() == null || button.getAccessibleText().isBlank())) {
                problems.add(button.getId() + " shows an icon and has no accessible text");
            }
            if (iconOnly && !hasTooltip(button)) {
                problems.add(button.getId() + " shows an icon and has no tooltip");
            }
            Node other = names.put(name, button);
            if (other != null) {
                problems.add(button.getId() + " and " + other.getId() + " are both called '" + name + "'");
            }
        }
        return problems;
    }

    @Test
    @Order(8)
    void everyButtonInViewHasANameOfItsOwnAndIconOnlyOnesATooltipAtBothWidths(FxRobot robot) throws Exception {
        for (double width : new double[] {1440, 1024}) {
            robot.interact(() -> window.setWidth(width));
            for (KeyCode digit : new KeyCode[] {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4}) {
                robot.push(KeyCode.CONTROL, digit);
                WaitForAsyncUtils.waitForFxEvents();
                assertThat(unnamedOrAmbiguous()).as(width + " px, " + selectedTab(robot, "#stage-tabs")).isEmpty();
            }
        }
        robot.interact(() -> window.setWidth(1440));
        // The table's column menu is drawn by the skin: named, with a tooltip.
        Node corner = robot.lookup("#stage-tabs").query().lookup(".show-hide-columns-button");
        assertThat(corner).isNotNull();
        assertThat(corner.getAccessibleText()).isEqualTo("Show or hide columns");
        assertThat(hasTooltip(corner)).isTrue();
    }

    @Test
    @Order(9)
    void chartsAndTheDriftTimelineDescribeThemselvesWithTheStagesOwnSentences(FxRobot robot) throws Exception {
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT3);
        WaitForAsyncUtils.waitForFxEvents();
        for (String card : List.of("chart-revenue", "chart-orders", "chart-funnel", "chart-channels", "chart-devices")) {
            Node chart = robot.lookup("#" + card).query().lookup(".chart");
            String title = robot.lookup("#" + card).query().lookup(".section-title") instanceof javafx.scene.control.Label l
                    ? l.getText() : "";
            assertThat(chart.getAccessibleRole()).isEqualTo(javafx.scene.AccessibleRole.IMAGE_VIEW);
            assertThat(chart.getAccessibleText()).as(card).startsWith(title + ". ").hasSizeGreaterThan(title.length() + 20);
            assertThat(robot.lookup("#" + card + "-as-table").queryAs(javafx.scene.control.ToggleButton.class)
                    .getAccessibleText()).isEqualTo("Show " + title + " as a table");
        }
        // Ctrl+E with only charts in view says what to do rather than nothing: a chart's table, or the report.
        errors.clear();
        robot.push(KeyCode.CONTROL, KeyCode.E);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors).extracting(UiError::message).containsExactly(
                "There is no table in view to export: show a chart as a table (its Table button), then press "
                        + "Ctrl+E; or export the whole report with Ctrl+Shift+E (File → Export report (HTML)…).");
        errors.clear();

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT4);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ComboBox<?> metric = robot.lookup("#metric-choice").queryAs(javafx.scene.control.ComboBox.class);
        assertThat(robot.lookup("#metric-chart").query().getAccessibleText()).contains(String.valueOf(metric.getValue()));
        javafx.scene.control.ListView<?> alerts = robot.lookup("#alert-list").queryAs(javafx.scene.control.ListView.class);
        assertThat(alerts.lookupAll(".list-cell").stream().filter(c -> !((javafx.scene.control.ListCell<?>) c).isEmpty())
                .map(Node::getAccessibleText)).isNotEmpty().allMatch(t -> t != null && !t.isBlank());

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT1);
        for (int i = 0; i < 5 && !"quality-tab-drift".equals(selectedTab(robot, "#quality-tabs")); i++) {
            robot.push(KeyCode.CONTROL, KeyCode.TAB);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#drift-grid").query().getAccessibleText()).startsWith("Schema drift timeline");
        assertThat(robot.lookup(".recon-bar").query().getAccessibleText())
                .isEqualTo("Reconciliation bar: " + robot.lookup("#reconciliation").queryAs(javafx.scene.control.Label.class).getText());
    }

    @Test
    @Order(10)
    void theFocusedControlWearsARingInBothThemes(FxRobot robot) throws Exception {
        for (int theme = 0; theme < 2; theme++) {
            robot.push(KeyCode.CONTROL, KeyCode.DIGIT1);
            for (int i = 0; i < 5 && !"quality-tab-files".equals(selectedTab(robot, "#quality-tabs")); i++) {
                robot.push(KeyCode.CONTROL, KeyCode.TAB);
            }
            WaitForAsyncUtils.waitForFxEvents();
            Node tabs = robot.lookup("#stage-tabs").query();
            // The skin puts the tabs' contents before the header: a plain lookup finds the inner tabs' header first.
            Node selectedTab = ((javafx.scene.Parent) tabs).getChildrenUnmodifiable().stream()
                    .filter(n -> n.getStyleClass().contains("tab-header-area")).findFirst().orElseThrow()
                    .lookup(".tab:selected");
            robot.interact(tabs::requestFocus);
            // Drawn inside the tab, which its header area clips: a ring all round instead of the underline.
            assertThat(((javafx.scene.layout.Region) selectedTab).getBackground().getFills().get(1).getInsets().getTop())
                    .as("the stage tab in focus").isEqualTo(2);
            Node runAll = robot.lookup("#run-all").query();
            double textBefore = runAll.lookup(".text").localToScene(0, 0).getX();
            assertThat(outsideRing(runAll)).as("Run all, not in focus").isNull();
            robot.interact(runAll::requestFocus);
            ringApartFromItsFill(runAll, "Run all, filled in the accent");
            assertThat(runAll.lookup(".text").localToScene(0, 0).getX()).as("the ring moves nothing").isEqualTo(textBefore);
            Node summary = robot.lookup("#summary-all-quality").query();
            robot.interact(summary::requestFocus);
            ringApartFromItsFill(summary, "a flat icon button (a stage's summary)");
            Node change = robot.lookup("#change-output").query();
            robot.interact(change::requestFocus);
            ringApartFromItsFill(change, "a flat button (Change… beside Output)");
            Node link = robot.lookup(".hyperlink").queryAll().stream().filter(KeyboardOnlyFxTest::shown)
                    .filter(n -> !n.isDisabled()).findFirst().orElseThrow();
            robot.interact(link::requestFocus);
            ringApartFromItsFill(link, "a link (" + ((javafx.scene.control.Hyperlink) link).getText() + ")");
            robot.interact(runAll::requestFocus);
            assertThat(((javafx.scene.layout.Region) selectedTab).getBackground().getFills().get(1).getInsets().getTop())
                    .as("the tab, no longer in focus").isZero();
            TableView<?> files = robot.lookup("#quality-files-summary-table").queryAs(TableView.class);
            robot.interact(() -> robot.lookup("#quality-files-summary-search").query().requestFocus());
            Node search = focused();
            assertThat(search.getEffect()).as("a search field in focus").isInstanceOf(javafx.scene.effect.DropShadow.class);
            double unfocused = files.getBorder().getStrokes().get(0).getWidths().getTop();
            robot.interact(files::requestFocus);
            assertThat(files.getBorder().getStrokes().get(0).getWidths().getTop()).as("a table in focus")
                    .isGreaterThan(unfocused);
            Screenshots.save(window.getScene(), "focus-ring-" + (Theme.isDark(prefs) ? "dark" : "light"));
            robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /** The ring a control in focus wears outside its edge (a border at negative insets), or null. */
    private static javafx.scene.layout.BorderStroke outsideRing(Node node) {
        javafx.scene.layout.Border border = ((javafx.scene.layout.Region) node).getBorder();
        if (border == null) {
            return null;
        }
        return border.getStrokes().stream().filter(stroke -> stroke.getInsets().getTop() < 0
                && stroke.getWidths().getTop() >= 2 && stroke.getTopStroke() instanceof javafx.scene.paint.Color c
                && c.getOpacity() == 1).findFirst().orElse(null);
    }

    /**
     * A ring 2 px wide, apart from the control's edge by a gap, with no shadow: on a button filled in the accent, a
     * ring of the same blue that touched it only darkened it; on a flat one, the shadow turned the icon into a blot.
     * The ring reads 3:1 on what lies behind the control (WCAG's non-text contrast).
     */
    private static void ringApartFromItsFill(Node node, String what) {
        javafx.scene.layout.BorderStroke ring = outsideRing(node);
        assertThat(ring).as(what + " wears a ring outside its edge").isNotNull();
        assertThat(ring.getInsets().getTop() + ring.getWidths().getTop()).as(what + ": a gap between ring and edge")
                .isLessThanOrEqualTo(-1);
        assertThat(node.getEffect()).as(what + ": no shadow hugging its glyph").isNull();
        double contrast = Wcag.contrast((javafx.scene.paint.Color) ring.getTopStroke(), background(node.getParent()));
        assertThat(contrast).as(what + ": the ring on what lies behind").isGreaterThanOrEqualTo(3);
    }

    private static javafx.scene.paint.Color background(Node node) {
        return Wcag.background(node);
    }

    @Test
    @Order(11)
    void everyWordInViewIsReadableOnItsBackgroundInBothThemes(FxRobot robot) throws Exception {
        List<String> unreadable = new ArrayList<>();
        for (int theme = 0; theme < 2; theme++) {
            String name = Theme.isDark(prefs) ? "dark" : "light";
            for (KeyCode digit : new KeyCode[] {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4}) {
                robot.push(KeyCode.CONTROL, digit);
                WaitForAsyncUtils.waitForFxEvents();
                for (Node node : all(window.getScene().getRoot())) {
                    if (node instanceof javafx.scene.text.Text text && shown(node) && !text.getText().isBlank()
                            && text.getFill() instanceof javafx.scene.paint.Color fill && !isDisabled(node)) {
                        double ratio = Wcag.contrast(fill, background(node));
                        boolean large = text.getFont().getSize() >= 18
                                || text.getFont().getSize() >= 14 && text.getFont().getStyle().contains("Bold");
                        if (ratio < (large ? 3 : 4.5)) {
                            unreadable.add(String.format(java.util.Locale.ROOT, "%s: '%s' %.2f (%s on %s)", name,
                                    text.getText(), ratio, fill, background(node)));
                        }
                    }
                }
            }
            robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(unreadable.stream().distinct().toList()).isEmpty();
    }

    @Test
    @Order(12)
    void ctrlCommaOpensTheSettingsWhereTheTextAndSaveWearARingAndEscapeComesBack(FxRobot robot) throws Exception {
        robot.interact(() -> view.root().requestFocus());
        robot.push(KeyCode.CONTROL, KeyCode.COMMA);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view.settingsDialog() != null
                && view.settingsDialog().stage().isShowing());
        Stage settings = view.settingsDialog().stage();
        robot.targetWindow(settings);
        try {
            Node editor = settings.getScene().lookup("#settings-text");
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, editor::isFocused);
            // The theme's only mark was a 1 px border in the accent, the same as around the list beside it.
            javafx.scene.layout.BorderStroke ring = outsideRing(editor);
            assertThat(ring).as("the text in focus wears a ring").isNotNull();
            assertThat(Wcag.contrast((javafx.scene.paint.Color) ring.getTopStroke(), background(editor.getParent())))
                    .isGreaterThanOrEqualTo(3);
            robot.push(KeyCode.CONTROL, KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(settings.getScene().getFocusOwner().getId()).isEqualTo("settings-differences");
            assertThat(outsideRing(editor)).as("the text, no longer in focus").isNull();
            robot.push(KeyCode.TAB);
            assertThat(settings.getScene().getFocusOwner().getId()).isEqualTo("settings-check");
            robot.push(KeyCode.TAB);
            Node save = settings.getScene().getFocusOwner();
            assertThat(save.getId()).isEqualTo("settings-save");
            ringApartFromItsFill(save, "Save, filled in the accent");
            Screenshots.save(settings.getScene(), "settings-save-in-focus");
            robot.push(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(settings.isShowing()).as("nothing changed, so Esc closes").isFalse();
        } finally {
            robot.targetWindow(window);
        }
    }

    private static boolean isDisabled(Node node) {
        return node.isDisabled();
    }
}
