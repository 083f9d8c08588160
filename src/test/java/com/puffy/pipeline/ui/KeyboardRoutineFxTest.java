package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
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
 * The analyst's day with the keyboard alone, on the real engine and a small sample: the steps decision 0827 found
 * out of the keyboard's or a screen reader's reach. Every step is a key press; the test reads what the window shows.
 */
class KeyboardRoutineFxTest extends SampleWindowFxTest {
    @Start
    void start(Stage stage) throws Exception {
        showSampleWindow(stage, KeyboardRoutineFxTest.class);
    }

    /** The menu item the keyboard is on in the open menus (the deepest one open), or null. */
    private static MenuItem itemInFocus() {
        MenuItem found = null;
        for (Window popup : Window.getWindows()) {
            if (popup instanceof ContextMenu && popup.isShowing() && popup.getScene() != null) {
                for (Node n = popup.getScene().getFocusOwner(); n != null; n = n.getParent()) {
                    if (n instanceof com.sun.javafx.scene.control.ContextMenuContent.MenuItemContainer container
                            && container.isFocused()) {
                        found = container.getItem();
                        break;
                    }
                }
            }
        }
        return found;
    }

    /** Down through the open menu to the item with these words; the arrows only, as a user would. */
    private static void downTo(FxRobot robot, String words) {
        for (int i = 0; i < 30; i++) {
            MenuItem item = itemInFocus();
            if (item != null && words.equals(item.getText())) {
                return;
            }
            robot.push(KeyCode.DOWN);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(itemInFocus()).as("the arrows reach " + words).isNotNull()
                .extracting(MenuItem::getText).isEqualTo(words);
    }

    /** Shift+F10 on the table, the arrows to Sort by, Right into it, the arrows to {@code item}. */
    private static void chooseInSortBy(FxRobot robot, TableView<String[]> table, String item) throws Exception {
        robot.push(KeyCode.SHIFT, KeyCode.F10);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getContextMenu().isShowing());
        downTo(robot, "Sort by");
        robot.push(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        downTo(robot, item);
    }

    /** Ctrl+1, then Ctrl+Tab to the Findings tab and Ctrl+F, Tab to its rows and Down to the first one. */
    private static TableView<String[]> toFindingsRows(FxRobot robot) throws Exception {
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT1);
        for (int i = 0; i < 5 && !"quality-tab-findings".equals(selectedTab(robot, "#quality-tabs")); i++) {
            robot.push(KeyCode.CONTROL, KeyCode.TAB);
        }
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<String[]> findings = robot.lookup("#findings-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> findings.getItems().size() > 1);
        robot.push(KeyCode.CONTROL, KeyCode.F);
        for (int i = 0; i < 10 && focused() != findings; i++) {
            robot.push(KeyCode.TAB);
        }
        assertThat(focused()).isSameAs(findings);
        robot.push(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        if (findings.getSelectionModel().getSelectedItem() == null) {
            robot.push(KeyCode.DOWN);
        }
        return findings;
    }

    @Test
    @Order(1)
    void f5RunsEveryStageOnTheSample(FxRobot robot) throws Exception {
        robot.interact(() -> vm.openSampleData());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.inputDirProperty().get() != null);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.busyProperty().get());
        java.util.concurrent.atomic.AtomicBoolean ran = new java.util.concurrent.atomic.AtomicBoolean();
        robot.interact(() -> vm.runningProperty().addListener((obs, was, now) -> ran.compareAndSet(false, now)));
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, ran::get);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors).isEmpty();
    }

    /**
     * Sorting took a click on a column header, which never takes the focus: the table's menu (Shift+F10) now has
     * Sort by, the columns and the direction.
     */
    @Test
    @Order(2)
    void shiftF10SortByAColumnThenDescendingSortsTheRowsAndMarksTheHeader(FxRobot robot) throws Exception {
        TableView<String[]> findings = toFindingsRows(robot);
        TableColumn<String[], ?> code = findings.getColumns().stream().filter(c -> "code".equals(c.getUserData()))
                .findFirst().orElseThrow();
        int codeIndex = (Integer) code.getProperties().get("row-index");
        assertThat(findings.getSortOrder()).isEmpty();

        chooseInSortBy(robot, findings, code.getText());
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !code.getStyleClass().contains("sort-pending")
                && isSorted(codes(findings, codeIndex)));
        assertThat(findings.getContextMenu().isShowing()).isFalse();
        assertThat(focused()).as("back on the rows").isSameAs(findings);
        assertThat(findings.getSortOrder()).containsExactly(code);
        assertThat(code.getSortType()).isEqualTo(TableColumn.SortType.ASCENDING);
        List<String> ascending = codes(findings, codeIndex);
        assertThat(ascending).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER).hasSizeGreaterThan(1);
        String last = findings.getItems().get(findings.getItems().size() - 1)[codeIndex];
        assertThat(ascending.get(0)).as("the findings hold more than one code").isNotEqualTo(last);

        chooseInSortBy(robot, findings, "Descending");
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !code.getStyleClass().contains("sort-pending")
                && codes(findings, codeIndex).get(0).equals(last));
        assertThat(code.getSortType()).isEqualTo(TableColumn.SortType.DESCENDING);

        chooseInSortBy(robot, findings, "File order (not sorted)");
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(findings.getSortOrder()).isEmpty();
    }

    /**
     * Table and Chart sit above the dataset's search, and came after its rows in the Tab order; the arrows move
     * between the two (a toggle group) and Space shows the chart, whose controls follow in reading order.
     */
    @Test
    @Order(4)
    void fromTheDatasetListTabGoesToTableOrChartAndSpaceShowsTheChart(FxRobot robot) throws Exception {
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT2);
        for (int i = 0; i < 4 && !"transform-tab-datasets".equals(selectedTab(robot, "#transform-tabs")); i++) {
            robot.push(KeyCode.CONTROL, KeyCode.TAB);
        }
        WaitForAsyncUtils.waitForFxEvents();
        // From the stage's tabs or the screen's: the dataset list is the first control of the screen.
        for (int i = 0; i < 3 && !"dataset-list".equals(focused().getId()); i++) {
            robot.push(KeyCode.TAB);
        }
        assertThat(focused().getId()).isEqualTo("dataset-list");
        robot.push(KeyCode.TAB);
        assertThat(focused().getId()).as("the switch above the table, before its search").isEqualTo("dataset-view-table");
        // Pressed, it is filled in the accent: the shadow ring of the same blue showed nothing.
        assertThat(focused().getEffect()).as("no shadow on the accent fill").isNull();
        javafx.scene.layout.Border border = ((javafx.scene.layout.Region) focused()).getBorder();
        assertThat(border == null ? List.<javafx.scene.layout.BorderStroke>of() : border.getStrokes())
                .as("a ring apart from the pressed toggle's fill")
                .anyMatch(stroke -> stroke.getInsets().getTop() + stroke.getWidths().getTop() <= -1);
        robot.push(KeyCode.RIGHT);
        assertThat(focused().getId()).isEqualTo("dataset-view-chart");
        robot.push(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#dataset-sessions-chart-bars").tryQuery()
                .filter(KeyboardRoutineFxTest::shown).isPresent());
        robot.push(KeyCode.TAB);
        assertThat(focused().getId()).isEqualTo("dataset-sessions-search");
        robot.push(KeyCode.SHIFT, KeyCode.TAB);
        robot.push(KeyCode.LEFT);
        robot.push(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#dataset-view-table").queryAs(javafx.scene.control.ToggleButton.class).isSelected())
                .isTrue();
    }

    /** A combo box's own list, which its skin keeps for the popup: the box in focus is what is read. */
    private static boolean insideAComboBox(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.ComboBoxBase<?> || n instanceof org.controlsfx.control.CheckComboBox<?>) {
                return true;
            }
        }
        return false;
    }

    /** Each screen and each of its tabs, in turn, by Ctrl+1…4 and Ctrl+Tab; {@code check} runs on each. */
    private static void everyScreen(FxRobot robot, java.util.function.Consumer<String> check) {
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4};
        for (KeyCode digit : digits) {
            robot.push(KeyCode.CONTROL, digit);
            WaitForAsyncUtils.waitForFxEvents();
            String first = null;
            for (int i = 0; i < 8; i++) {
                TabPane stage = robot.lookup("#stage-tabs").queryAs(TabPane.class);
                Node content = stage.getSelectionModel().getSelectedItem().getContent();
                TabPane inner = content instanceof TabPane pane ? pane : (TabPane) content.lookup(".tab-pane");
                String where = inner.getSelectionModel().getSelectedItem().getId();
                if (where.equals(first)) {
                    break;
                }
                first = first == null ? where : first;
                check.accept(where);
                robot.push(KeyCode.CONTROL, KeyCode.TAB);
                WaitForAsyncUtils.waitForFxEvents();
            }
        }
    }

    /**
     * A value filter (ControlsFX's CheckComboBox) had no name: a screen reader read nothing for the Severity, Code
     * and File filters, and the lists of files, datasets and alerts said only "list".
     */
    @Test
    @Order(3)
    void everyValueFilterAndListInViewSaysWhatItFiltersOrLists(FxRobot robot) throws Exception {
        List<String> unnamed = new ArrayList<>();
        List<String> filters = new ArrayList<>();
        everyScreen(robot, where -> {
            for (Node node : all(window.getScene().getRoot())) {
                if (!shown(node)) {
                    continue;
                }
                if (node instanceof org.controlsfx.control.CheckComboBox<?> facet) {
                    filters.add(facet.getId());
                    String title = facet.getTitle().replaceFirst(":.*", "");
                    if (facet.getAccessibleText() == null || !facet.getAccessibleText().startsWith(title + " filter: ")) {
                        unnamed.add(where + ": " + facet.getId() + " is read as " + facet.getAccessibleText());
                    }
                }
                if (node instanceof javafx.scene.control.ListView<?> list && !insideAComboBox(list)
                        && (list.getAccessibleText() == null || list.getAccessibleText().isBlank())) {
                    unnamed.add(where + ": " + list.getId() + " has no name");
                }
            }
        });
        assertThat(filters).as("the screens have value filters to read").contains("findings-facet-severity",
                "dataset-sessions-facet-channel", "incidents-facet-check");
        assertThat(unnamed).isEmpty();

        // Ticked from the keyboard, the filter says which values it keeps.
        TableView<String[]> findings = toFindingsRows(robot);
        org.controlsfx.control.CheckComboBox<?> severity = robot.lookup("#findings-facet-severity")
                .queryAs(org.controlsfx.control.CheckComboBox.class);
        assertThat(severity.getAccessibleText()).isEqualTo("Severity filter: every value shown");
        int before = findings.getItems().size();
        robot.push(KeyCode.CONTROL, KeyCode.F);
        for (int i = 0; i < 5 && focused() != severity; i++) {
            robot.push(KeyCode.TAB);
        }
        assertThat(focused()).isSameAs(severity);
        robot.push(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        robot.push(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(severity.getCheckModel().getCheckedItems()).hasSize(1);
        Object kept = severity.getCheckModel().getCheckedItems().get(0);
        assertThat(severity.getAccessibleText()).isEqualTo("Severity filter: only " + kept);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> findings.getItems().size() < before);
        robot.push(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        robot.push(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(severity.getCheckModel().getCheckedItems()).isEmpty();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> findings.getItems().size() == before);
    }

    private static boolean isSorted(List<String> values) {
        for (int i = 1; i < values.size(); i++) {
            if (String.CASE_INSENSITIVE_ORDER.compare(values.get(i - 1), values.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    private static List<String> codes(TableView<String[]> table, int column) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < Math.min(200, table.getItems().size()); i++) {
            values.add(table.getItems().get(i)[column]);
        }
        return values;
    }
}
