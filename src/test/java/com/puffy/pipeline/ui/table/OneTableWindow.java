package com.puffy.pipeline.ui.table;

import com.puffy.pipeline.ui.UiThreads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A window holding one data table and nothing else: its bar (search, value filters, row count) over the rows, its
 * model reading files on the app's own threads ({@link UiThreads#javafx()}). For TestFX tests of the table without
 * the main window; make it in the test's {@code @Start}.
 */
public final class OneTableWindow {
    /** What the table says while it has no file: the words the app's screens give. */
    private static final String MISSING_HINT = "run it";

    private final String idPrefix;
    private final DataTableModel model;
    private final DataTableView view;

    private OneTableWindow(String idPrefix, DataTableModel model, DataTableView view) {
        this.idPrefix = idPrefix;
        this.model = model;
        this.view = view;
    }

    /**
     * Shows in {@code stage} an empty table whose nodes' ids start with {@code idPrefix} ("fc" gives "#fc-count",
     * "#fc-facet-severity"), with a value filter for each of {@code valueFilters}, in a window of the given size.
     */
    public static OneTableWindow show(Stage stage, String idPrefix, List<String> valueFilters, double width,
                                      double height) {
        return show(stage, idPrefix, valueFilters, width, height, scene -> { });
    }

    /** As {@link #show(Stage, String, List, double, double)}, with {@code dress} styling the scene before it shows. */
    public static OneTableWindow show(Stage stage, String idPrefix, List<String> valueFilters, double width,
                                      double height, Consumer<Scene> dress) {
        DataTableModel model = new DataTableModel(UiThreads.javafx(), valueFilters);
        DataTableView view = new DataTableView(model, idPrefix);
        Scene scene = new Scene(view, width, height);
        dress.accept(scene);
        stage.setScene(scene);
        stage.show();
        return new OneTableWindow(idPrefix, model, view);
    }

    /**
     * Writes {@code text} to a new file in {@code dir} named after {@code name}. A file per call: {@code @Start} runs
     * before every test while the folder is the class's, and an earlier test's table may still read its own file.
     */
    public static Path csv(Path dir, String name, CharSequence text) throws IOException {
        return Files.writeString(dir.resolve(name + "-" + System.nanoTime() + ".csv"), text);
    }

    /** Starts loading {@code file} in the background, as a screen does; {@link #waitForRows} sees it shown. */
    public void load(Path file) {
        model.load(file, MISSING_HINT);
    }

    /**
     * Waits until the table lists {@code count} rows (after a load, a tick, a search) and the FX thread has drawn
     * them. The time limit only ends a test that hangs: a table of 70,000 rows on a busy machine takes seconds.
     */
    public void waitForRows(int count) throws java.util.concurrent.TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table().getItems().size() == count);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The value filter of {@code column} in the table's bar. */
    @SuppressWarnings("unchecked")
    public CheckComboBox<String> valueFilter(String column) {
        CheckComboBox<String> filter = (CheckComboBox<String>) view.lookup("#" + idPrefix + "-facet-" + column);
        if (filter == null) {
            throw new AssertionError("no value filter for " + column + " in the table's bar");
        }
        return filter;
    }

    public DataTableModel model() {
        return model;
    }

    public DataTableView view() {
        return view;
    }

    public TableView<String[]> table() {
        return view.table();
    }
}
