package com.puffy.pipeline.ui;

import java.io.IOException;
import java.nio.file.Path;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.TableView;

/** The main area of one stage: built once, reloaded from the stage's output files whenever they may have changed. */
public interface Screen {
    Node node();

    /** Reads the outputs again (off the FX thread) and shows them, or says what to run when there are none. */
    void reload();

    /** The table the user is looking at (its search takes Ctrl+F); null when the screen shows none. */
    default TableView<String[]> visibleTable() {
        return null;
    }

    /**
     * What Export (Ctrl+E) writes: what the user is looking at, which is the visible table unless the screen shows
     * something else in its place (a dataset's chart); null when there is nothing to export.
     */
    default Export export() {
        TableView<String[]> table = visibleTable();
        return table == null ? null : new Export.Rows(table);
    }

    /**
     * What {@link #export()} gives, in the File menu's words ("table", "chart"), kept current as the screen switches
     * views, so the menu item reads "Export chart as CSV…" while a chart is shown.
     */
    default ObservableStringValue exportNoun() {
        return Bindings.createStringBinding(() -> Export.TABLE);
    }

    /** Something a screen shows that Export writes as CSV. */
    sealed interface Export permits Export.Rows, Export.Figures {
        String TABLE = "table";

        /** "table", "chart": the File menu says "Export chart as CSV…". */
        String noun();

        /** A table's rows as it shows them: visible columns in their order, filtered and sorted. */
        record Rows(TableView<String[]> table) implements Export {
            @Override
            public String noun() {
                return TABLE;
            }
        }

        /**
         * A few figures a screen drew (a chart's series), written by the same code as the screen's own Save button.
         * {@code what} says what was written, for the status bar ("9 bars"); {@code missing} why there is nothing yet
         * (null when there is).
         */
        record Figures(String noun, String fileName, String what, String missing, Writer writer) implements Export {
            public void write(Path file) throws IOException {
                writer.write(file);
            }
        }

        /** Writes the figures to a file, whole or not at all. */
        @FunctionalInterface
        interface Writer {
            void write(Path file) throws IOException;
        }
    }
}
