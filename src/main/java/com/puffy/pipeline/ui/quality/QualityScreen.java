package com.puffy.pipeline.ui.quality;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.ui.Formats;
import com.puffy.pipeline.ui.Hints;
import com.puffy.pipeline.ui.MainViewModel;
import com.puffy.pipeline.ui.OutputBrowser;
import com.puffy.pipeline.ui.Screen;
import com.puffy.pipeline.ui.UiThreads;
import com.puffy.pipeline.ui.UnreadableLine;
import com.puffy.pipeline.ui.table.DataTableView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Stage 1: the reconciliation bar (every row read is valid, quarantined or a duplicate), then the files, the
 * schema-drift timeline, the findings and the quarantine, each a filterable table.
 */
public final class QualityScreen implements Screen {
    private static final String[] CHANGES = {"MISSING", "RENAMED", "EXTRA", "REORDERED", "VALUE_DRIFT", "RESTORED"};

    private final MainViewModel main;
    private final QualityViewModel vm;
    private final OutputBrowser allFiles;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final DataTableView filesView;
    private final DataTableView findingsView;
    private final DataTableView quarantineView;
    private final DataTableView driftView;
    private final GridPane grid = new GridPane();
    /** How far the timeline is scrolled down: its column names are moved down by as much. */
    private final DoubleProperty headerOffset = new SimpleDoubleProperty();
    private final VBox driftSummary = new VBox(4);
    /** Held here: a binding only its own listener refers to would be collected, and say nothing. */
    private final javafx.beans.binding.StringBinding findingsAbsence;
    private final javafx.beans.binding.StringBinding quarantineAbsence;

    public QualityScreen(MainViewModel main, UiThreads threads) {
        this.main = main;
        this.vm = new QualityViewModel(threads);
        this.allFiles = new OutputBrowser(main, StageId.QUALITY, threads);
        filesView = new DataTableView(vm.files(), "quality-files-summary");
        // A file's own reconciliation (read = valid + quarantined + duplicate) comes right after its name: it came after
        // the raw header (a 400 px column), rows_quarantined cut at 1440 px and rows_duplicate out of view at both sizes.
        // The partition date follows them: the file's name says it too, and with it first the row ran past 776 px.
        filesView.setLeadingColumns(List.of("file", "rows_read", "rows_valid", "rows_quarantined", "rows_duplicate",
                "partition_date"));
        findingsView = new DataTableView(vm.findings(), "findings");
        // Why and what to do next the row's message says: it came seventh, after the offending value (a user agent
        // up to 340 px), right of a 1024 px window, where an analyst looking for why rows were set aside had to scroll.
        findingsView.setLeadingColumns(List.of("file", "line", "severity", "code", "message"));
        quarantineView = new DataTableView(vm.quarantine(), "quarantine");
        driftView = new DataTableView(vm.drift(), "drift");
        findingsAbsence = vm.absenceIn(vm.findings(), "findings");
        quarantineAbsence = vm.absenceIn(vm.quarantine(), "quarantined rows");

        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("quality-tabs");
        // A file's row led to its own fields only; the analyst's next question, what went wrong in it, meant
        // finding the File filter in two other tabs.
        filesView.setOnOpenRow("Show this file's findings", this::showFindingsOf);
        // The findings' line shows only with a finding selected: the table keeps its rows at 1024×768 (its message
        // column says what was found; the line adds what the rule checks and what to do).
        Tab findingsTab = tab("Findings", "quality-tab-findings", withHint(findingsView, explanation("findings",
                findingsView, vm::explainFinding, "")));
        Tab quarantineTab = tab("Quarantine", "quality-tab-quarantine", withHint(quarantineView, explanation(
                "quarantine", quarantineView, vm::explainQuarantined,
                "Rows set aside with every reason; double-click a row (or press Enter) to see its raw fields.")));
        for (DataTableView view : List.of(findingsView, quarantineView)) {
            view.tickedValues("file").addListener((javafx.collections.ListChangeListener<String>) change ->
                    vm.fileFilterChanged(List.copyOf(view.tickedValues("file"))));
        }
        findingsView.tickedValues("code").addListener((javafx.collections.ListChangeListener<String>) change ->
                vm.reasonFilterChanged(true, List.copyOf(findingsView.tickedValues("code"))));
        quarantineView.tickedValues("reasons").addListener((javafx.collections.ListChangeListener<String>) change ->
                vm.reasonFilterChanged(false, List.copyOf(quarantineView.tickedValues("reasons"))));
        saysWhenTheFileHasNone(findingsView, findingsAbsence);
        saysWhenTheFileHasNone(quarantineView, quarantineAbsence);
        tabs.getTabs().addAll(
                tab("Files", "quality-tab-files", withHint(filesView, filesHint(filesView,
                        "Double-click a file (or press Enter) for its findings and quarantined rows."))),
                tab("Schema drift", "quality-tab-drift", driftPane()),
                findingsTab,
                quarantineTab,
                allFiles.tab("quality-tab-all"));
        // The two big tables are read when their tab is first shown after a run, not with the screen.
        vm.findings().setShown(findingsTab.isSelected());
        vm.quarantine().setShown(quarantineTab.isSelected());
        findingsTab.selectedProperty().addListener((obs, was, now) -> vm.findings().setShown(now));
        quarantineTab.selectedProperty().addListener((obs, was, now) -> vm.quarantine().setShown(now));
        root.setTop(reconciliationBar());
        VBox center = new VBox(4, focusLine(), reasonFocusLine(), tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        root.setCenter(center);
        vm.timelineProperty().addListener((obs, old, now) -> drawTimeline(now));
    }

    private static Tab tab(String title, String id, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        return tab;
    }

    private static Node withHint(Node content, String hint) {
        Label label = new Label(hint);
        label.getStyleClass().add("muted");
        return withHint(content, label);
    }

    /**
     * A hint about a table's rows, shown while it has some: under the empty table of a run that failed or has not
     * happened it pointed at files that were not there.
     */
    private static Label filesHint(DataTableView view, String hint) {
        Label label = new Label(hint);
        label.setId("quality-files-hint");
        label.getStyleClass().add("muted");
        label.managedProperty().bind(label.visibleProperty());
        javafx.beans.InvalidationListener update = o -> label.setVisible(!view.table().getItems().isEmpty());
        view.table().itemsProperty().addListener((obs, before, now) -> {
            if (before != null) {
                before.removeListener(update);
            }
            if (now != null) {
                now.addListener(update);
            }
            update.invalidated(obs);
        });
        view.table().getItems().addListener(update);
        update.invalidated(null);
        return label;
    }

    private static Node withHint(Node content, Label label) {
        BorderPane pane = new BorderPane(content);
        pane.setBottom(label);
        BorderPane.setMargin(label, new Insets(4, 0, 0, 0));
        return pane;
    }

    /**
     * The line under a table: what the selected row's reason codes mean and what to do (from the view model), or
     * {@code hint} while no row is selected (no line for an empty hint). A code alone (PURCHASE_REVENUE_MISMATCH)
     * sent the analyst to the spec.
     */
    private static Label explanation(String idPrefix, DataTableView view,
                                     java.util.function.Function<String[], String> explain, String hint) {
        Label label = Hints.mutedLines("");
        label.setId(idPrefix + "-explanation");
        label.setWrapText(true);
        label.textProperty().bind(Bindings.createStringBinding(() -> {
            String text = explain.apply(view.table().getSelectionModel().getSelectedItem());
            return text.isEmpty() ? hint : text;
        }, view.table().getSelectionModel().selectedItemProperty()));
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** In the table's place, "events_20250103.csv has no findings.": ticking it in the File filter cannot show that. */
    private static void saysWhenTheFileHasNone(DataTableView view, javafx.beans.binding.StringBinding absence) {
        Label words = new Label();
        words.getStyleClass().add("muted");
        words.setWrapText(true);
        words.textProperty().bind(absence);
        StackPane place = new StackPane(words);
        place.setId(view.table().getId().replace("-table", "-none-for-file"));
        absence.addListener((obs, old, now) -> view.showInstead(now.isEmpty() ? null : place));
    }

    /**
     * "Only events_20250223.csv: …", with the ways back: to every file, and to the Files table at that
     * file. Above the tabs, as the filter holds in Findings and Quarantine both.
     */
    private Node focusLine() {
        Label text = new Label();
        text.setId("quality-focus");
        text.textProperty().bind(vm.focusTextProperty());
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        javafx.scene.control.Hyperlink all = new javafx.scene.control.Hyperlink("Show all files");
        all.setId("quality-focus-clear");
        all.setMinWidth(Region.USE_PREF_SIZE);
        all.setOnAction(e -> showAllFiles());
        javafx.scene.control.Hyperlink back = new javafx.scene.control.Hyperlink("Back to Files");
        back.setId("quality-focus-back");
        back.setMinWidth(Region.USE_PREF_SIZE);
        back.setOnAction(e -> backToFiles());
        back.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> !"quality-tab-files".equals(selectedTabId()), tabs.getSelectionModel().selectedItemProperty()));
        back.managedProperty().bind(back.visibleProperty());
        HBox line = new HBox(8, text, all, back);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("quality-focus-line");
        line.setPadding(new Insets(0, 4, 0, 4));
        line.visibleProperty().bind(vm.fileInFocusProperty().isNotNull());
        line.managedProperty().bind(line.visibleProperty());
        return line;
    }

    private String selectedTabId() {
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        return selected == null ? null : selected.getId();
    }

    /** Findings and Quarantine with only the file of a Files row; the Findings tab shown, its table focused. */
    public void showFindingsOf(String[] filesRow) {
        String file = vm.fileOf(filesRow);
        if (file == null || file.isEmpty()) {
            return;
        }
        // Before the focus: showOnly unticks the file shown before, which ends that file's focus.
        findingsView.showOnly("file", file);
        quarantineView.showOnly("file", file);
        vm.focusOn(filesRow);
        showTab("quality-tab-findings");
        findingsView.table().requestFocus();
    }

    /** Findings and Quarantine list every file again. */
    public void showAllFiles() {
        findingsView.tickOnly("file", null);
        quarantineView.tickOnly("file", null);
        vm.clearFocus();
    }

    /** The Files table, at the file in focus: the file the analyst came from. */
    private void backToFiles() {
        String file = vm.fileInFocusProperty().get();
        showTab("quality-tab-files");
        TableView<String[]> table = filesView.table();
        int row = vm.rowOfFile(table.getItems(), file);
        if (row >= 0) {
            table.getSelectionModel().clearAndSelect(row);
            table.scrollTo(row);
        }
        table.requestFocus();
    }

    private Node reconciliationBar() {
        Region valid = segment("recon-valid");
        Region quarantined = segment("recon-quarantined");
        Region duplicate = segment("recon-duplicate");
        HBox bar = new HBox(valid, quarantined, duplicate);
        bar.getStyleClass().add("recon-bar");
        bar.setMinHeight(12);
        bar.setPrefHeight(12);
        bar.setMaxHeight(12);
        Runnable layout = () -> {
            double total = Math.max(1, vm.rowsReadProperty().get());
            valid.prefWidthProperty().bind(bar.widthProperty().multiply(vm.rowsValidProperty().get() / total));
            quarantined.prefWidthProperty().bind(bar.widthProperty().multiply(
                    Math.max(vm.rowsQuarantinedProperty().get() > 0 ? 0.004 : 0, vm.rowsQuarantinedProperty().get() / total)));
            duplicate.prefWidthProperty().bind(bar.widthProperty().multiply(
                    Math.max(vm.rowsDuplicateProperty().get() > 0 ? 0.004 : 0, vm.rowsDuplicateProperty().get() / total)));
        };
        for (var count : List.of(vm.rowsReadProperty(), vm.rowsValidProperty(), vm.rowsQuarantinedProperty(),
                vm.rowsDuplicateProperty())) {
            count.addListener((o, a, b) -> layout.run());
        }
        layout.run();
        Label text = new Label();
        text.setId("reconciliation");
        text.getStyleClass().add("recon-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        // With no folder open there is nothing to run yet: the line said to run Quality anyway.
        text.textProperty().bind(Bindings.when(vm.hasResultsProperty()).then(vm.reconciliationProperty())
                .otherwise(Bindings.when(main.inputDirProperty().isNull())
                        .then("Every row read will be accounted for here once a folder is open and checked.")
                        .otherwise(vm.noResultsProperty())));
        // The bar is colored widths: a screen reader reads the sentence it draws.
        bar.setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
        bar.accessibleTextProperty().bind(Bindings.concat("Reconciliation bar: ", text.textProperty()));
        HBox legend = new HBox(14, legend("recon-valid", "valid"), legend("recon-quarantined", "quarantined"),
                legend("recon-duplicate", "duplicate"));
        legend.setAlignment(Pos.CENTER_LEFT);
        // The legend keeps its words on a small screen (it read "…", "…", "…" at 1000 px); the sentence wraps.
        legend.setMinWidth(Region.USE_PREF_SIZE);
        // At 1024×768 the summary took five lines and the bar above the tables, and the tables showed three or four
        // rows: the legend shares the bar's line, the link to the quarantine the sentence's, and the reasons keep to
        // one line until asked for (decision 0600, "Quality's tables at 1024×768").
        javafx.scene.control.Hyperlink show = new javafx.scene.control.Hyperlink("Show the quarantined rows");
        show.setId("show-quarantine");
        show.setMinWidth(Region.USE_PREF_SIZE);
        show.setOnAction(e -> showTab("quality-tab-quarantine"));
        show.visibleProperty().bind(vm.hasResultsProperty().and(vm.rowsQuarantinedProperty().greaterThan(0)));
        show.managedProperty().bind(show.visibleProperty());
        HBox line = new HBox(10, text, show);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        line.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(bar, Priority.ALWAYS);
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox barLine = new HBox(14, bar, legend);
        barLine.setAlignment(Pos.CENTER_LEFT);
        barLine.visibleProperty().bind(vm.hasResultsProperty());
        barLine.managedProperty().bind(barLine.visibleProperty());
        VBox box = new VBox(4, line, barLine, whyLine(), new UnreadableLine(main, "quality-unreadable", false,
                this::showUnreadableFindings));
        box.setPadding(new Insets(6, 4, 8, 4));
        return box;
    }

    /**
     * Why rows were set aside: the question the reconciliation line raises. One line, the first reason of each kind
     * ("(+6 reasons)"), and a link that shows them all; a screen reader reads them all either way. Each reason code is
     * a link to its rows (Quarantine with only that reason; Findings with only that code for a duplicate), its rule
     * in its tooltip: the codes were words, and the rows behind "MISSING_CLIENT_ID 1,365" meant finding the Reasons
     * filter in the Quarantine tab.
     */
    private Node whyLine() {
        javafx.scene.text.TextFlow why = new javafx.scene.text.TextFlow();
        why.setId("reconciliation-why");
        why.getStyleClass().add("reconciliation-why");
        BooleanProperty all = new SimpleBooleanProperty(false);
        Runnable fill = () -> {
            why.getChildren().clear();
            var parts = all.get() ? vm.whyPartsProperty() : vm.whyBriefPartsProperty();
            for (QualityViewModel.WhyPart part : parts.get()) {
                why.getChildren().add(part.isReason() ? reasonLink(part) : mutedText(part.text()));
            }
        };
        all.addListener(o -> fill.run());
        vm.whyPartsProperty().addListener(o -> fill.run());
        vm.whyBriefPartsProperty().addListener(o -> fill.run());
        fill.run();
        why.setAccessibleRole(javafx.scene.AccessibleRole.TEXT);
        why.accessibleTextProperty().bind(vm.whyProperty());
        // What each reason checks, where the codes are read.
        Tooltip rules = new Tooltip();
        rules.textProperty().bind(vm.whyRulesProperty());
        rules.setWrapText(true);
        rules.setMaxWidth(560);
        Tooltip.install(why, rules);
        why.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(why, Priority.ALWAYS);
        javafx.scene.control.Hyperlink more = new javafx.scene.control.Hyperlink();
        more.setId("reconciliation-why-toggle");
        more.textProperty().bind(Bindings.when(all).then("Fewer reasons").otherwise("All reasons"));
        more.setMinWidth(Region.USE_PREF_SIZE);
        more.setOnAction(e -> all.set(!all.get()));
        more.visibleProperty().bind(vm.whyProperty().isNotEqualTo(vm.whyBriefProperty()));
        more.managedProperty().bind(more.visibleProperty());
        HBox line = new HBox(8, why, more);
        line.setAlignment(Pos.CENTER_LEFT);
        line.visibleProperty().bind(vm.hasResultsProperty().and(vm.whyProperty().isNotEmpty()));
        line.managedProperty().bind(line.visibleProperty());
        return line;
    }

    private static javafx.scene.text.Text mutedText(String words) {
        javafx.scene.text.Text text = new javafx.scene.text.Text(words);
        text.getStyleClass().add("why-words");
        return text;
    }

    /** A reason code of the why line: shows its rows; its rule in the tooltip and for a screen reader. */
    private javafx.scene.control.Hyperlink reasonLink(QualityViewModel.WhyPart reason) {
        javafx.scene.control.Hyperlink link = new javafx.scene.control.Hyperlink(reason.text());
        link.setId("why-" + reason.code());
        link.getStyleClass().add("why-reason");
        String rule = ReasonHelp.rule(reason.code());
        Tooltip tip = new Tooltip(rule + "\n" + (reason.dropped() ? "Click to list these findings."
                : "Click to list these rows."));
        tip.setWrapText(true);
        tip.setMaxWidth(560);
        link.setTooltip(tip);
        link.setAccessibleText(reason.code() + " " + Formats.count(reason.count()) + ": "
                + (reason.dropped() ? "show these findings" : "show these rows"));
        link.setAccessibleHelp(rule);
        link.setOnAction(e -> showRowsOf(reason));
        return link;
    }

    /**
     * Quarantine with only the rows of {@code reason} (Findings with only its code for a duplicate, which is dropped
     * rather than quarantined), its table focused, and the line above the tabs that leads back to every row.
     */
    public void showRowsOf(QualityViewModel.WhyPart reason) {
        DataTableView view = reason.dropped() ? findingsView : quarantineView;
        // Before the focus: showOnly unticks the reason shown before, which ends that reason's focus.
        view.showOnly(reason.dropped() ? "code" : "reasons", reason.code());
        vm.focusOnReason(reason);
        showTab(reason.dropped() ? "quality-tab-findings" : "quality-tab-quarantine");
        view.table().requestFocus();
    }

    /** Quarantine and Findings with every reason again. */
    public void showAllReasons() {
        QualityViewModel.WhyPart reason = vm.reasonInFocusProperty().get();
        if (reason != null) {
            (reason.dropped() ? findingsView : quarantineView).tickOnly(reason.dropped() ? "code" : "reasons", null);
        }
        vm.clearReasonFocus();
    }

    /** "Only the 1,365 rows quarantined for MISSING_CLIENT_ID." with the way back to every row. */
    private Node reasonFocusLine() {
        Label text = new Label();
        text.setId("quality-reason-focus");
        text.textProperty().bind(vm.reasonFocusTextProperty());
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        javafx.scene.control.Hyperlink all = new javafx.scene.control.Hyperlink();
        all.setId("quality-reason-focus-clear");
        all.textProperty().bind(Bindings.createStringBinding(() -> vm.reasonInFocusProperty().get() != null
                && vm.reasonInFocusProperty().get().dropped() ? "Show all findings" : "Show all quarantined rows",
                vm.reasonInFocusProperty()));
        all.setMinWidth(Region.USE_PREF_SIZE);
        all.setOnAction(e -> showAllReasons());
        HBox line = new HBox(8, text, all);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("quality-focus-line");
        line.setPadding(new Insets(0, 4, 0, 4));
        line.visibleProperty().bind(vm.reasonInFocusProperty().isNotNull());
        line.managedProperty().bind(line.visibleProperty());
        return line;
    }

    private static Region segment(String style) {
        Region region = new Region();
        region.getStyleClass().addAll("recon-segment", style);
        region.setMinWidth(0);
        return region;
    }

    private static Node legend(String style, String text) {
        Region swatch = new Region();
        swatch.getStyleClass().addAll("swatch", style);
        swatch.setMinSize(12, 12);
        swatch.setMaxSize(12, 12);
        HBox box = new HBox(5, swatch, new Label(text));
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /**
     * The plain words, the timeline and the table, each in its own part of a split the analyst can drag. The words
     * and legend sat above a split of timeline and table: at 1024×768 six changes in words left the timeline 50 px, one
     * file of fifteen in view. The words scroll in their part now, the legend heads the timeline.
     */
    private Node driftPane() {
        Label title = new Label("What changed, in plain words");
        title.getStyleClass().add("section-title");
        driftSummary.setId("drift-summary");
        driftSummary.setPadding(new Insets(0, 0, 4, 0));
        ScrollPane words = new ScrollPane(driftSummary);
        words.setId("drift-summary-scroll");
        words.setFitToWidth(true);
        words.getStyleClass().add("edge-to-edge");
        FlowPane legend = new FlowPane(12, 4);
        for (String change : CHANGES) {
            legend.getChildren().add(legend("drift-" + change.toLowerCase(Locale.ROOT).replace('_', '-'),
                    change.toLowerCase(Locale.ROOT).replace('_', ' ')));
        }
        legend.setPadding(new Insets(0, 0, 4, 0));
        grid.setId("drift-grid");
        grid.setHgap(2);
        grid.setVgap(2);
        // No top padding: the column names, kept in view, carry it, so no row shows above them scrolled down.
        grid.setPadding(new Insets(0, 6, 6, 6));
        ScrollPane timelineScroll = new ScrollPane(grid);
        timelineScroll.setId("drift-grid-scroll");
        timelineScroll.setFitToWidth(false);
        // As far down as the skin has moved the grid's holder up: worked out from the scroll value instead, the names
        // sat a pixel low and the edge of a row showed above them (the skin snaps its position).
        grid.parentProperty().addListener((obs, old, holder) -> {
            headerOffset.unbind();
            if (holder != null) {
                headerOffset.bind(holder.layoutYProperty().negate());
            }
        });
        BorderPane timelinePane = new BorderPane(timelineScroll);
        timelinePane.setTop(legend);
        BorderPane wordsPane = new BorderPane(words);
        wordsPane.setTop(title);
        BorderPane.setMargin(title, new Insets(6, 0, 4, 0));
        wordsPane.setMinHeight(60);
        timelinePane.setMinHeight(80);
        // The table keeps its search line, its header and a row: squeezed further the search line was cut in half.
        driftView.setMinHeight(120);
        SplitPane split = new SplitPane(wordsPane, timelinePane, driftView);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.25, 0.7);
        return split;
    }

    private void drawTimeline(DriftTimeline timeline) {
        grid.getChildren().clear();
        driftSummary.getChildren().clear();
        grid.setAccessibleText(null);
        if (timeline == null) {
            return;
        }
        // Colored boxes to the eye, an image to a screen reader: it reads the timeline's own summary (the lines above).
        grid.setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
        grid.setAccessibleText("Schema drift timeline, files by columns. " + (timeline.summary().isEmpty()
                ? "No schema or value drift." : String.join(" ", timeline.summary())));
        if (timeline.summary().isEmpty()) {
            driftSummary.getChildren().add(new Label("No schema or value drift: every file matches the contract."));
        }
        for (String line : timeline.summary()) {
            Label label = new Label("• " + line);
            label.setWrapText(true);
            driftSummary.getChildren().add(label);
        }
        Label corner = new Label("file (partition date)");
        corner.getStyleClass().add("muted");
        grid.add(corner, 0, 0);
        List<Label> header = new ArrayList<>(List.of(corner));
        for (int c = 0; c < timeline.columns().size(); c++) {
            Label name = new Label(timeline.columns().get(c));
            name.getStyleClass().add("drift-header");
            grid.add(name, c + 1, 0);
            header.add(name);
        }
        keepInView(header);
        int row = 1;
        for (DriftTimeline.Stretch stretch : timeline.stretches()) {
            Label name = new Label(timeline.label(stretch));
            name.getStyleClass().add("drift-file");
            if (stretch.size() > 1) {
                Tooltip.install(name, new Tooltip(timeline.fileNames(stretch)));
            }
            grid.add(name, 0, row);
            for (int c = 0; c < timeline.columns().size(); c++) {
                String column = timeline.columns().get(c);
                DriftTimeline.Cell cell = timeline.cell(stretch.first(), column);
                Region box = new Region();
                box.getStyleClass().add("drift-cell");
                box.setMinSize(60, 16);
                box.setPrefSize(90, 16);
                if (cell != null) {
                    box.getStyleClass().add("drift-" + cell.change().toLowerCase(Locale.ROOT).replace('_', '-'));
                    String what = timeline.fileNames(stretch) + " · " + column + ": " + cell.change()
                            + (cell.explanation().isBlank() ? "" : " — " + cell.explanation());
                    Tooltip.install(box, new Tooltip(what));
                    box.setAccessibleText(what);
                }
                grid.add(box, c + 1, row);
            }
            row++;
        }
    }

    /**
     * The column names stay at the top of the timeline's view as it scrolls: scrolled down to a change, its colored
     * box had no column name above it.
     */
    private void keepInView(List<Label> header) {
        for (Label name : header) {
            name.getStyleClass().add("drift-header-cell");
            // The whole cell, not the text's height centred in it: the corner's larger font left a pixel above the
            // column names where a row scrolled under them showed.
            name.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            name.setViewOrder(-1);
            name.translateYProperty().bind(headerOffset);
        }
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void reload() {
        vm.reload(main.stageOutput(StageId.QUALITY), main.noOutputsHint(StageId.QUALITY, QualityViewModel.runHint()));
        allFiles.reload();
    }

    @Override
    public TableView<String[]> visibleTable() {
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        if (selected == null) {
            return null;
        }
        return switch (selected.getId()) {
            case "quality-tab-files" -> filesView.table();
            case "quality-tab-drift" -> driftView.table();
            case "quality-tab-findings" -> findingsView.table();
            case "quality-tab-quarantine" -> quarantineView.table();
            default -> allFiles.visibleTable();
        };
    }

    /** The Findings tab with only the UNREADABLE_FILE rows: the list behind "3 event files could not be read". */
    public void showUnreadableFindings() {
        showTab("quality-tab-findings");
        findingsView.showOnly("code", "UNREADABLE_FILE");
    }

    public void showTab(String id) {
        tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }
}
