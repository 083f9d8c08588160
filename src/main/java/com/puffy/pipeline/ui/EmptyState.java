package com.puffy.pipeline.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** What a screen shows when there is nothing to show yet: why, and what to do about it. */
public final class EmptyState extends VBox {
    private final Label title = new Label();
    private final Label hint = Hints.muted("");

    public EmptyState(String icon) {
        FontIcon glyph = new FontIcon(icon);
        glyph.getStyleClass().add("empty-icon");
        title.getStyleClass().add("empty-title");
        hint.setMaxWidth(520);
        hint.setAlignment(Pos.CENTER);
        hint.setStyle("-fx-text-alignment: center;");
        setAlignment(Pos.CENTER);
        setSpacing(10);
        getStyleClass().add("empty-state");
        getChildren().addAll(glyph, title, hint);
    }

    public EmptyState show(String titleText, String hintText) {
        title.setText(titleText);
        hint.setText(hintText);
        return this;
    }
}
