package com.puffy.pipeline.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The error line that names the event files the Quality outputs could not read and what to do, with a link to their
 * findings; hidden when every file was read. The status bar (while another screen than Quality is in view) and the
 * Quality screen show it: as one UNREADABLE_FILE
 * row among thousands of findings, or behind the CRITICAL alert count, a whole missing day went unnoticed. The status
 * bar's copy keeps to one line (the whole text in its tooltip): wrapped, it took four lines of a 1024×768 window
 * under the Quality screen's own copy of the same words.
 */
public final class UnreadableLine extends HBox {
    private final MainViewModel message;

    public UnreadableLine(MainViewModel vm, String id, boolean oneLine, Runnable showFindings) {
        setId(id);
        getStyleClass().add("unreadable-line");
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 10, 6, 10));
        FontIcon icon = new FontIcon("mdi2a-alert-circle");
        icon.getStyleClass().add("unreadable-icon");
        Label text = new Label();
        text.setId(id + "-text");
        text.getStyleClass().add("unreadable-text");
        text.textProperty().bind(vm.unreadableMessageProperty());
        if (oneLine) {
            javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
            whole.textProperty().bind(vm.unreadableMessageProperty());
            whole.setWrapText(true);
            whole.setMaxWidth(640);
            text.setTooltip(whole);
            text.setMinWidth(0);
        } else {
            text.setWrapText(true);
            text.setMinHeight(Region.USE_PREF_SIZE);
        }
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Hyperlink show = new Hyperlink();
        show.setId(id + "-show");
        show.textProperty().bind(vm.unreadableLinkProperty());
        show.setMinWidth(Region.USE_PREF_SIZE);
        show.setOnAction(e -> showFindings.run());
        getChildren().addAll(icon, text, show);
        this.message = vm;
        managedProperty().bind(vm.unreadableMessageProperty().isNotEmpty());
        visibleProperty().bind(managedProperty());
    }

    /**
     * Hidden while {@code elsewhere} holds: another copy of the line is in view then (the Quality screen's, whole and
     * with its link), and the same words twice took two lines more of a 1024×768 window from the tables.
     */
    public void hideWhile(javafx.beans.value.ObservableBooleanValue elsewhere) {
        managedProperty().bind(message.unreadableMessageProperty().isNotEmpty()
                .and(javafx.beans.binding.Bindings.not(elsewhere)));
    }
}
