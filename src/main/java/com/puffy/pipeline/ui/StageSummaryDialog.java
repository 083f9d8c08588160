package com.puffy.pipeline.ui;

import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/**
 * A stage's whole summary, which its card shortens to four lines (none in the compact rail): Quality's drift
 * episodes and per-file counts were behind a "…" and a tooltip only a mouse could reach. Selectable text, so a line
 * can be copied into a ticket.
 */
final class StageSummaryDialog {
    private StageSummaryDialog() {
    }

    static Alert show(Window owner, String stageTitle, List<String> lines) {
        Alert alert = DialogButtons.alert(Alert.AlertType.INFORMATION);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(stageTitle + ": the last run's summary");
        alert.setHeaderText(null);
        alert.setGraphic(null);
        TextArea text = new TextArea(CodeText.plain(String.join("\n", lines)));
        text.setId("summary-dialog-text");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefColumnCount(72);
        // Up to 22 rows: on a 768 px screen the dialog keeps its Close button in view; longer summaries scroll.
        text.setPrefRowCount(Math.min(22, Math.max(4, lines.size() + 2)));
        text.setAccessibleText(stageTitle + "'s summary");
        alert.getDialogPane().setContent(text);
        alert.setResizable(true);
        alert.show();
        text.positionCaret(0);
        return alert;
    }
}
