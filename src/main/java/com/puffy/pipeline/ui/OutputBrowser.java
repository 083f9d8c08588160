package com.puffy.pipeline.ui;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.ui.table.DataTableModel;
import com.puffy.pipeline.ui.table.DataTableView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Every CSV file a stage wrote, one click from a table: the "all files" view of each stage. */
public final class OutputBrowser implements Screen {
    private final MainViewModel main;
    private final StageId stage;
    private final UiThreads threads;
    /** Room for the list's vertical scroll bar, which a folder of many files shows beside the names. */
    private static final double SCROLL_BAR_ROOM = 14;
    private final ListView<String> files = new ListView<>();
    private final DataTableModel model;
    private final DataTableView view;
    private final SplitPane root;

    public OutputBrowser(MainViewModel main, StageId stage, UiThreads threads) {
        this.main = main;
        this.stage = stage;
        this.threads = threads;
        this.model = new DataTableModel(threads, List.of());
        this.view = new DataTableView(model, stage.cliName() + "-files");
        // Monitoring's sentences, in its own files and in the report's copies (incidents.csv, insights.csv), name
        // columns in backticks: set as code here as on the Monitoring screen.
        if (stage == StageId.MONITOR || stage == StageId.ANALYSIS) {
            view.setCodeColumns(java.util.Set.of("message", "suggested_action", "summary", "text"));
        }
        files.setId(stage.cliName() + "-file-list");
        // A list is named by what it lists: a screen reader said "list" and the file in focus, not whose files.
        files.setAccessibleText(stage.title() + "'s output files");
        files.setPrefWidth(220);
        files.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.loadWhenShown(main.stageOutput(stage).resolve(now), "The file is gone: run the stage again.");
            }
        });
        Label title = new Label("Files in " + stage.outputFolder() + "/");
        title.getStyleClass().add("section-title");
        // The list keeps a fifth of the width: at 1024 px "Files in monitoring/" was cut to "Files in monitor…".
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        VBox left = new VBox(6, title, files);
        left.setPadding(new Insets(0, 8, 0, 0));
        VBox.setVgrow(files, javafx.scene.layout.Priority.ALWAYS);
        BorderPane right = new BorderPane(view);
        root = new SplitPane(left, right);
        root.setDividerPositions(0.2);
        SplitPane.setResizableWithParent(left, false);
        // A fifth of the screen was 145 px at 1024: "channel_performance.csv" ran under the list's edge, to be read
        // by scrolling the list sideways. Once its names are drawn, the list widens to the longest, up to half.
        left.widthProperty().addListener((obs, old, now) -> javafx.application.Platform.runLater(this::fitNames));
        files.getItems().addListener((javafx.collections.ListChangeListener<String>) change ->
                javafx.application.Platform.runLater(this::fitNames));
        model.emptyReasonProperty().set("Run the " + stage.title() + " stage to see its files.");
    }

    /**
     * Widens the list to its longest name, measured in the font its cells are drawn in. Every name counts, not only
     * the drawn ones: Analysis lists 16 files, and at 768 px the last ones are below the fold where no cell draws them
     * (the list stayed at 145 px, "channel_revenue_by_model.csv" cut). Before any cell is drawn there is no font to
     * measure in: it tries again after the next layout.
     */
    private void fitNames() {
        double total = root.getWidth();
        if (files.getItems().isEmpty() || total <= 0) {
            return;
        }
        javafx.scene.control.ListCell<?> drawn = null;
        for (Node cell : files.lookupAll(".list-cell")) {
            if (cell instanceof javafx.scene.control.ListCell<?> listCell && listCell.getItem() != null) {
                drawn = listCell;
                break;
            }
        }
        if (drawn == null) {
            if (root.getScene() != null) {
                Runnable again = new Runnable() {
                    @Override
                    public void run() {
                        root.getScene().removePostLayoutPulseListener(this);
                        javafx.application.Platform.runLater(OutputBrowser.this::fitNames);
                    }
                };
                root.getScene().addPostLayoutPulseListener(again);
            }
            return;
        }
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        probe.setFont(drawn.getFont());
        double widest = 0;
        for (String name : files.getItems()) {
            probe.setText(name);
            widest = Math.max(widest, probe.getLayoutBounds().getWidth());
        }
        Region left = (Region) root.getItems().get(0);
        double needed = widest + drawn.snappedLeftInset() + drawn.snappedRightInset() + files.snappedLeftInset()
                + files.snappedRightInset() + SCROLL_BAR_ROOM + left.snappedRightInset();
        if (left.getWidth() + 0.5 < Math.min(needed, total / 2)) {
            root.setDividerPosition(0, Math.min(needed, total / 2) / total);
        }
    }

    @Override
    public Node node() {
        return root;
    }

    /**
     * The browser as an "All files" tab: its table reads the chosen file only while the tab is shown, so a screen's
     * first file (attribution.csv, 30 MB at 5M events) is not read for a tab the user never opens.
     */
    public Tab tab(String id) {
        Tab tab = new Tab("All files", root);
        tab.setId(id);
        model.setShown(tab.isSelected());
        tab.selectedProperty().addListener((obs, was, now) -> model.setShown(now));
        return tab;
    }

    @Override
    public void reload() {
        Path folder = main.stageOutput(stage);
        threads.background(() -> {
            List<String> names;
            if (folder == null || !Files.isDirectory(folder)) {
                names = List.of();
            } else {
                try (Stream<Path> list = Files.list(folder)) {
                    names = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")).sorted().toList();
                } catch (IOException e) {
                    names = List.of();
                }
            }
            List<String> found = names;
            threads.fx(() -> {
                String selected = files.getSelectionModel().getSelectedItem();
                files.getItems().setAll(found);
                if (found.isEmpty()) {
                    model.load(null, main.noOutputsHint(stage, "Run the " + stage.title() + " stage to see its files."));
                } else if (selected != null && found.contains(selected)) {
                    files.getSelectionModel().select(selected);
                    model.loadWhenShown(folder.resolve(selected), "");
                } else {
                    files.getSelectionModel().select(0);
                }
            });
        });
    }

    @Override
    public TableView<String[]> visibleTable() {
        return view.table();
    }
}
