package com.puffy.pipeline.ui;

import com.puffy.pipeline.core.Words;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** One stage in the rail: title and status chip, what it reads, a progress bar, elapsed time, Run and Cancel. */
final class StageCard extends VBox {
    /** Summary lines the wide card shows; the rest are behind the button beside Run. */
    static final int SHOWN_LINES = 4;

    StageCard(StageViewModel stage, MainViewModel main, Runnable select,
              javafx.beans.value.ObservableBooleanValue compact) {
        getStyleClass().add("stage-card");
        setId("stage-" + stage.id().cliName());
        setSpacing(6);
        setPadding(new Insets(10, 12, 10, 12));

        Label title = new Label(stage.title());
        title.getStyleClass().add("stage-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label chip = new Label();
        chip.setId("state-" + stage.id().cliName());
        chip.getStyleClass().add("state-chip");
        chip.setMinWidth(Region.USE_PREF_SIZE);
        chip.textProperty().bind(Bindings.createStringBinding(stage::badge, stage.stateProperty(),
                stage.anotherRunWritingProperty()));
        Runnable restyle = () -> {
            for (StageState each : StageState.values()) {
                chip.getStyleClass().remove(each.styleClass());
            }
            chip.getStyleClass().add(stage.badgeStyleClass());
        };
        stage.stateProperty().addListener((obs, old, now) -> restyle.run());
        stage.anotherRunWritingProperty().addListener((obs, old, now) -> restyle.run());
        restyle.run();
        // "stale" alone, told as it changes, says of no stage: the chip names its own.
        AccessibleWords.follow(chip, Bindings.createStringBinding(stage::badgeWords, stage.stateProperty(),
                stage.anotherRunWritingProperty()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(8, title, gap, chip);
        head.setAlignment(Pos.CENTER_LEFT);
        // Compact, the status goes under the title: side by side, "3  Monitoring" and "never run" alone were wider
        // than the rail.
        HBox chipLine = new HBox();
        Runnable placeChip = () -> {
            if (compact.get()) {
                head.getChildren().setAll(title);
                chipLine.getChildren().setAll(chip);
            } else {
                chipLine.getChildren().clear();
                head.getChildren().setAll(title, gap, chip);
            }
            chipLine.setManaged(compact.get());
            chipLine.setVisible(compact.get());
        };
        compact.addListener((obs, was, now) -> placeChip.run());
        placeChip.run();

        Label depends = Hints.muted(stage.dependsOn());
        depends.managedProperty().bind(Bindings.createBooleanBinding(() -> !compact.get(), compact));
        depends.visibleProperty().bind(depends.managedProperty());

        ProgressBar bar = new ProgressBar();
        bar.setId("progress-" + stage.id().cliName());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(stage.progressProperty());
        AccessibleWords.follow(bar, Bindings.createStringBinding(stage::progressWords, stage.stateProperty(),
                stage.progressProperty(), stage.messageProperty(), stage.remainingProperty(),
                stage.anotherRunWritingProperty()));
        AccessibleWords.tellProgress(bar);

        Label elapsed = new Label();
        elapsed.getStyleClass().add("elapsed");
        elapsed.textProperty().bind(stage.elapsedProperty());
        elapsed.setId("elapsed-" + stage.id().cliName());
        elapsed.setMinWidth(Region.USE_PREF_SIZE);
        Label message = Hints.mutedLines(Bindings.createStringBinding(stage::cardMessage,
                stage.messageProperty(), stage.remainingProperty(), stage.anotherRunWritingProperty()));
        message.setId("message-" + stage.id().cliName());

        Button run = new Button("Run", new FontIcon("mdi2p-play"));
        run.setId("run-" + stage.id().cliName());
        run.setTooltip(new Tooltip("Run " + stage.id().title() + " (and any stale stage it needs first; "
                + Shortcuts.runStage(stage.id().ordinal()).getDisplayText() + ")"));
        // Four buttons read "Run": each names its stage.
        run.setAccessibleText("Run " + stage.id().title());
        run.disableProperty().bind(main.runningProperty().or(stage.availableProperty().not())
                .or(main.inputDirProperty().isNull()));
        run.setOnAction(e -> {
            select.run();
            main.runStage(stage.id());
        });
        Button cancel = new Button("Cancel", new FontIcon("mdi2s-stop"));
        cancel.setId("cancel-" + stage.id().cliName());
        cancel.getStyleClass().add("danger");
        cancel.visibleProperty().bind(stage.stateProperty().isEqualTo(StageState.RUNNING));
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> main.cancel());
        cancel.setTooltip(new Tooltip("Stop the run; finished stages keep their outputs (Esc)"));
        cancel.setAccessibleText("Cancel the run of " + stage.id().title());
        // Compact, elapsed time, Cancel and Run shared 190 px and Cancel was squeezed to "C…" during a run: it
        // shows its icon there, as the rail's Cancel does, and neither button shrinks below its content.
        cancel.contentDisplayProperty().bind(Bindings.createObjectBinding(() -> compact.get()
                ? javafx.scene.control.ContentDisplay.GRAPHIC_ONLY : javafx.scene.control.ContentDisplay.LEFT, compact));
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        run.setMinWidth(Region.USE_PREF_SIZE);
        // Compact and running, the disabled Run gives its place to Cancel: the three did not fit in the rail.
        run.managedProperty().bind(Bindings.createBooleanBinding(
                () -> !(compact.get() && stage.getState() == StageState.RUNNING), compact, stage.stateProperty()));
        run.visibleProperty().bind(run.managedProperty());
        Button whole = new Button(null, new FontIcon("mdi2t-text-box-outline"));
        whole.setId("summary-all-" + stage.id().cliName());
        whole.setAccessibleText("Show the whole summary of " + stage.id().title() + "'s last run");
        whole.setTooltip(new Tooltip(whole.getAccessibleText()));
        whole.setMinWidth(Region.USE_PREF_SIZE);
        // As tall as the status chip it stands beside in the compact rail, so that line keeps its height.
        whole.getStyleClass().addAll("flat", "button-icon", "small", "stage-summary-all");
        whole.setPadding(new Insets(0, 4, 0, 4));
        Region gap2 = new Region();
        HBox.setHgrow(gap2, Priority.ALWAYS);
        HBox actions = new HBox(8, elapsed, gap2, whole, cancel, run);
        actions.setAlignment(Pos.CENTER_LEFT);
        // Compact, elapsed time, this button and Run were 229 px in a 206 px rail: the button goes on the status
        // line, beside the short chip, so the card still grows by no line.
        Region gap3 = new Region();
        HBox.setHgrow(gap3, Priority.ALWAYS);
        chipLine.setAlignment(Pos.CENTER_LEFT);
        Runnable placeWhole = () -> {
            if (compact.get()) {
                actions.getChildren().remove(whole);
                chipLine.getChildren().setAll(chip, gap3, whole);
            } else if (!actions.getChildren().contains(whole)) {
                actions.getChildren().add(2, whole);
            }
        };
        compact.addListener((obs, was, now) -> placeWhole.run());
        placeWhole.run();

        // A TextFlow, not a Label: Monitoring's lines name columns in backticks, set as code as on its screen.
        javafx.scene.text.TextFlow summary = new javafx.scene.text.TextFlow();
        summary.setId("summary-" + stage.id().cliName());
        summary.getStyleClass().add("stage-summary");
        summary.setMinHeight(Region.USE_PREF_SIZE);
        Tooltip details = new Tooltip();
        details.setWrapText(true);
        details.setMaxWidth(420);
        javafx.beans.property.StringProperty summaryText = new javafx.beans.property.SimpleStringProperty("");
        javafx.beans.property.IntegerProperty lineCount = new javafx.beans.property.SimpleIntegerProperty();
        Runnable fill = () -> {
            java.util.List<String> lines = stage.summary();
            lineCount.set(lines.size());
            // "…" told the user there was more and gave no way to it (Quality's drift episodes and files): the card
            // says how much more, and the button beside Run shows it all.
            summaryText.set(String.join("\n", lines.subList(0, Math.min(SHOWN_LINES, lines.size())))
                    + (lines.size() > SHOWN_LINES ? "\n+ " + Words.count(lines.size() - SHOWN_LINES, "more line",
                    "more lines") : ""));
            CodeText.fill(summary, summaryText.get(), "stage-summary-text");
            // A tooltip shows plain text: the names without their backticks, as the card beside it reads.
            Tooltip.uninstall(summary, (Tooltip) summary.getProperties().get(Tooltip.class));
            if (!lines.isEmpty()) {
                Tooltip all = new Tooltip(CodeText.plain(String.join("\n", lines)));
                summary.getProperties().put(Tooltip.class, all);
                Tooltip.install(summary, all);
            }
            details.setText(stage.dependsOn() + (lines.isEmpty() ? "" : "\n\n" + CodeText.plain(String.join("\n", lines))));
        };
        stage.summary().addListener((javafx.collections.ListChangeListener<String>) c -> fill.run());
        fill.run();
        // Shown where the card leaves lines out: past the first four, or all of them in the compact rail. It sits beside
        // Run, so the rail grows by no line; during a run the summary is the last run's, and Cancel needs the room.
        whole.managedProperty().bind(Bindings.createBooleanBinding(() -> stage.getState() != StageState.RUNNING
                && lineCount.get() > (compact.get() ? 0 : SHOWN_LINES), lineCount, compact, stage.stateProperty()));
        whole.visibleProperty().bind(whole.managedProperty());
        whole.setOnAction(e -> StageSummaryDialog.show(getScene() == null ? null : getScene().getWindow(),
                stage.id().title(), stage.summary()));
        summary.managedProperty().bind(summaryText.isNotEmpty()
                .and(Bindings.createBooleanBinding(() -> !compact.get(), compact)));
        summary.visibleProperty().bind(summary.managedProperty());
        // Compact, what the card leaves out is one hover away.
        compact.addListener((obs, was, now) -> {
            if (now) {
                Tooltip.install(this, details);
            } else {
                // Uninstalling leaves a tooltip on screen where it was: widened past 1200 px while it showed, the
                // card's details stayed over the wide rail until the mouse came back to the card.
                details.hide();
                Tooltip.uninstall(this, details);
            }
        });
        if (compact.get()) {
            Tooltip.install(this, details);
        }

        // The outputs are written but lack a file's rows: the chip stays "fresh" (they are up to date with the folder),
        // and this line says what is missing, in the error color, on the card and in the compact rail alike.
        Label warning = new Label();
        warning.setId("warning-" + stage.id().cliName());
        warning.getStyleClass().add("stage-warning");
        FontIcon warningIcon = new FontIcon("mdi2a-alert-circle");
        warningIcon.getStyleClass().add("stage-warning-icon");
        warning.setGraphic(warningIcon);
        warning.setWrapText(true);
        warning.setMinHeight(Region.USE_PREF_SIZE);
        warning.textProperty().bind(stage.warningProperty());
        warning.managedProperty().bind(stage.warningProperty().isNotEmpty());
        warning.visibleProperty().bind(warning.managedProperty());

        getChildren().addAll(head, chipLine, warning, depends, bar, message, summary, actions);
        setOnMouseClicked(e -> select.run());
    }
}
