package com.puffy.pipeline.ui.table;

import com.puffy.pipeline.ui.CodeText;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.layout.Region;

/**
 * A table cell of a prose column (an alert's message): names in backticks set as code ({@link CodeText}), on one
 * line like every other cell, the text cut with "…" where the column ends. A value without a name is plain text.
 */
final class CodeTextCell extends TableCell<String[], String> {
    private final OneLine line = new OneLine();
    /** Made for the first message this cell cuts (see {@link TextCell}). */
    private javafx.scene.control.Tooltip whole;

    CodeTextCell() {
        // Where the cell ends, not where the text would: the cell gives its graphic the graphic's own maximum width.
        line.maxWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(0, getWidth() - snappedLeftInset() - snappedRightInset()), widthProperty(),
                paddingProperty()));
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null || !CodeText.hasCode(item)) {
            setGraphic(null);
            setContentDisplay(ContentDisplay.LEFT);
            setText(empty ? null : item);
            return;
        }
        line.show(item);
        // The theme's BASELINE_LEFT put a graphic at the top of the row, above the text of the cells beside it.
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setText(null);
        setGraphic(line);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        // A message cut with "…" shows whole in a tooltip, as plain text cells do (TextCell).
        String item = getItem();
        boolean cut;
        if (getGraphic() == line) {
            cut = line.computePrefWidth(-1) > line.getWidth() + 0.5;
        } else {
            Node drawn = lookup(".text");
            cut = getText() != null && drawn instanceof javafx.scene.text.Text shown && drawn.getParent() == this
                    && !shown.getText().equals(getText());
        }
        whole = TextCell.showWhole(this, whole, cut && item != null && !isEmpty() ? CodeText.plain(item) : null);
    }

    /** Runs laid out left to right on their common baseline; the run at the edge takes "…", those after it hide. */
    static final class OneLine extends Region {
        OneLine() {
            getStyleClass().add("code-text-line");
            setMinWidth(0);
        }

        void show(String text) {
            List<Node> runs = new ArrayList<>();
            for (CodeText.Span span : CodeText.parse(text)) {
                // One line as the cells beside it: a message listing changes line by line stood two lines tall, cut.
                Label run = new Label(span.text().replaceAll("\\s*[\\r\\n]+\\s*", " "));
                run.getStyleClass().add(span.code() ? CodeText.CODE_CLASS : "code-text-run");
                run.setMinWidth(0);
                runs.add(run);
            }
            getChildren().setAll(runs);
            setAccessibleText(CodeText.plain(text));
        }

        @Override
        protected double computePrefWidth(double height) {
            double width = 0;
            for (Node run : getChildren()) {
                width += run.prefWidth(-1);
            }
            return width;
        }

        @Override
        protected double computePrefHeight(double width) {
            double height = 0;
            for (Node run : getChildren()) {
                height = Math.max(height, run.prefHeight(-1));
            }
            return height;
        }

        @Override
        protected double computeMinWidth(double height) {
            return 0;
        }

        @Override
        public double getBaselineOffset() {
            return Math.max(0, Math.floor((getHeight() - computePrefHeight(-1)) / 2)) + maxBaseline();
        }

        private double maxBaseline() {
            double baseline = 0;
            for (Node run : getChildren()) {
                baseline = Math.max(baseline, run.getBaselineOffset());
            }
            return baseline;
        }

        @Override
        protected void layoutChildren() {
            // The cell stretches the line to the row's height: the runs sit in its middle, as a cell's text does.
            double baseline = Math.max(0, Math.floor((getHeight() - computePrefHeight(-1)) / 2)) + maxBaseline();
            double x = 0;
            double width = getWidth();
            Node last = null;
            boolean lastWhole = false;
            boolean cut = false;
            for (Node run : getChildren()) {
                double want = run.prefWidth(-1);
                double room = width - x;
                boolean fits = !cut && room >= Math.min(want, 12);
                run.setVisible(fits);
                if (!fits) {
                    // A name with no room left vanished after "…csv: " as if the text ended there: the run before
                    // it gives up a little width and shows "…" instead.
                    if (!cut && last != null && lastWhole) {
                        Bounds whole = last.getLayoutBounds();
                        last.resize(Math.max(0, whole.getWidth() - 12), whole.getHeight());
                    }
                    cut = true;
                    continue;
                }
                double w = Math.min(want, room);
                run.resizeRelocate(x, baseline - run.getBaselineOffset(), w, run.prefHeight(-1));
                x += w;
                last = run;
                lastWhole = w >= want;
            }
        }
    }
}
