package com.puffy.pipeline.ui;

import javafx.scene.Node;
import javafx.scene.control.TableView;

/** The main area of one stage: built once, reloaded from the stage's output files whenever they may have changed. */
public interface Screen {
    Node node();

    /** Reads the outputs again (off the FX thread) and shows them, or says what to run when there are none. */
    void reload();

    /** The table the user is looking at, for Export (Ctrl+E); null when the screen shows none. */
    default TableView<String[]> visibleTable() {
        return null;
    }
}
