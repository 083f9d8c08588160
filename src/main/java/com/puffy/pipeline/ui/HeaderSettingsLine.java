package com.puffy.pipeline.ui;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * The header's run settings: Output and Cache, then Rules and As of. On one line with their words where the two paths
 * keep readable room (about 1,230 px of header). On a narrower header (a 1024×768 screen) still on one line, compact:
 * the paths show the output folder's and the cache file's names (whole paths in their tooltips and accessible texts,
 * as the status bar names them), the three Change… buttons their pencil (their accessible texts and tooltips say what
 * each changes), the As of field is as wide as its text, and the gaps between the settings narrow. Where even that
 * does not fit, Rules and As of wrap to a line of their own, with words. Before, at 1024 px the settings always took
 * two lines: the header was 134 px of the window's 728.
 *
 * <p>The choice is made where the header's height is computed, for the width it is computed for: made in
 * {@code layoutChildren} only, the header kept the height of the previous choice. It is computed from the texts and
 * the width only, never from the choice in force, so it cannot flip back and forth.
 */
final class HeaderSettingsLine extends FlowPane {
    /** Room the two paths keep at least beside Rules and As of with their words. */
    static final double PATH_ROOM = 2 * 160;
    /** Widths measured from texts may fall short of the drawn ones by this much. */
    private static final double SLACK = 4;
    /** Room between the As of field's text and its calendar button. */
    private static final double PICKER_GAP = 8;
    private static final double GAP = 16;
    /** The least width of a path cut from its start. */
    static final double PATH_MIN = 60;
    /** The width of a Change… button showing its pencil: about square, as the button is high. */
    private static final double ICON_BUTTON = 28;
    private static final double SMALL_GAP = 4;

    /** A path label, the whole path it shows on a wide header and the short form (a name) on a narrow one. */
    record PathSlot(Label label, ObservableValue<String> whole, ObservableValue<String> name) {
    }

    private final HBox paths;
    private final HBox runLine;
    private final List<PathSlot> slots;
    private final List<Button> changes;
    private final DatePicker picker;
    private final double pickerWidth;
    private final BooleanProperty compact = new SimpleBooleanProperty(this, "compact");

    /**
     * @param paths   Output, its path, Change…, a gap, Cache, its path, Change…, a gap (plain {@code Region}s)
     * @param runLine Rules, its name, Change…, a gap, As of, the date field, Today
     * @param changes the Change… buttons, each with its words and a graphic
     */
    HeaderSettingsLine(HBox paths, HBox runLine, List<PathSlot> slots, List<Button> changes, DatePicker picker) {
        super(0, 8, paths, runLine);
        this.paths = paths;
        this.runLine = runLine;
        this.slots = slots;
        this.changes = changes;
        this.picker = picker;
        this.pickerWidth = picker.getPrefWidth();
        setAlignment(Pos.CENTER_LEFT);
        for (Button change : changes) {
            change.contentDisplayProperty().bind(Bindings.when(compact).then(ContentDisplay.GRAPHIC_ONLY)
                    .otherwise(ContentDisplay.TEXT_ONLY));
            // The theme's side padding made the pencil's button 42 px wide.
            change.prefWidthProperty().bind(Bindings.when(compact).then(ICON_BUTTON)
                    .otherwise(Region.USE_COMPUTED_SIZE));
        }
        for (PathSlot slot : slots) {
            Label label = slot.label();
            label.textProperty().unbind();
            label.textProperty().bind(Bindings.createStringBinding(
                    () -> compact.get() ? slot.name().getValue() : slot.whole().getValue(), compact, slot.whole(),
                    slot.name()));
            Tooltip whole = new Tooltip();
            whole.textProperty().bind(slot.whole());
            label.setTooltip(whole);
            label.accessibleTextProperty().bind(slot.whole());
        }
    }

    /** True while the paths show names, the Change… buttons their pencil, and the As of field is narrowed. */
    BooleanProperty compactProperty() {
        return compact;
    }

    @Override
    protected double computePrefHeight(double forWidth) {
        arrange(forWidth < 0 ? getWidth() : forWidth);
        return super.computePrefHeight(forWidth);
    }

    @Override
    protected void layoutChildren() {
        arrange(getWidth());
        super.layoutChildren();
    }

    private void arrange(double width) {
        Insets insets = getInsets();
        double room = width - insets.getLeft() - insets.getRight();
        if (room <= 0) {
            return;
        }
        boolean withWords = room >= others(paths, false) + PATH_ROOM + others(runLine, false);
        double names = 0;
        for (PathSlot slot : slots) {
            names += nameWidth(slot);
        }
        boolean small = !withWords && room >= others(paths, true) + names + others(runLine, true) + SLACK;
        compact.set(small);
        for (PathSlot slot : slots) {
            // A name shown whole needs no least width of a path cut from its start.
            slot.label().setMinWidth(small ? Region.USE_PREF_SIZE : PATH_MIN);
        }
        picker.setPrefWidth(small ? narrowPicker() : pickerWidth);
        for (HBox line : List.of(paths, runLine)) {
            for (Node child : line.getChildren()) {
                if (isGap(child)) {
                    ((Region) child).setMinWidth(small ? SMALL_GAP : GAP);
                }
            }
        }
        // Measured now the line is drawn as chosen: the paths take what Rules and As of leave.
        double pathsWidth = withWords || small ? Math.floor(room - runLine.prefWidth(-1)) : room;
        paths.setPrefWidth(pathsWidth);
        paths.setMinWidth(pathsWidth);
        paths.setMaxWidth(pathsWidth);
    }

    private static boolean isGap(Node node) {
        return node.getClass() == Region.class;
    }

    /** A line's width but for its path labels, with its buttons, field and gaps as drawn with words or compact. */
    private double others(HBox line, boolean small) {
        double width = line.getSpacing() * (line.getChildren().size() - 1) + line.getInsets().getLeft()
                + line.getInsets().getRight();
        for (Node child : line.getChildren()) {
            if (!child.isManaged() || slots.stream().anyMatch(slot -> slot.label() == child)) {
                continue;
            }
            if (child instanceof Button button && changes.contains(button)) {
                width += buttonWidth(button, small);
            } else if (child == picker) {
                width += small ? narrowPicker() : pickerWidth;
            } else if (isGap(child)) {
                width += small ? SMALL_GAP : GAP;
            } else {
                width += Math.max(child.minWidth(-1), child.prefWidth(-1));
            }
        }
        return width;
    }

    /**
     * From the words or the fixed width of the pencil's button, whichever the button shows now, so the choice never
     * feeds itself: the icon's own width is not the same in and out of the scene.
     */
    private static double buttonWidth(Button button, boolean small) {
        Insets insets = button.getInsets();
        return small ? ICON_BUTTON : Math.ceil(insets.getLeft() + textWidth(button.getText(), button.getFont())
                + insets.getRight());
    }

    /** The As of field as wide as the longer of its text and its prompt ("2025-03-09 (sample)"), plus its button. */
    private double narrowPicker() {
        Font font = picker.getEditor().getFont();
        double text = Math.max(textWidth(picker.getEditor().getText(), font), textWidth(picker.getPromptText(), font));
        Node arrow = picker.lookup(".arrow-button");
        double button = arrow instanceof Region region ? region.prefWidth(-1) : 30;
        Insets editor = picker.getEditor().getInsets();
        Insets field = picker.getInsets();
        double width = Math.ceil(field.getLeft() + editor.getLeft() + text + editor.getRight() + PICKER_GAP + button
                + field.getRight());
        return Math.min(pickerWidth, width);
    }

    /**
     * The two paths share the room their line leaves them, each keeping its own name in view where the room allows
     * ("...audit-pipeline"). Shrinking on its own, the line took it all from the output path: at 1024 px it read
     * "Output ...peline" beside the whole cache path.
     */
    static void sharePathRoom(HBox line, PathSlot firstSlot, PathSlot secondSlot) {
        Label first = firstSlot.label();
        Label second = secondSlot.label();
        double others = line.getSpacing() * (line.getChildren().size() - 1)
                + line.getPadding().getLeft() + line.getPadding().getRight();
        for (Node child : line.getChildren()) {
            if (child != first && child != second && child.isManaged()) {
                // A gap is its least width (its preferred is 0): counted as 0, the paths were given 32 px too many
                // and the line shrank both, the output folder's name with them.
                others += Math.max(child.minWidth(-1), child.prefWidth(-1));
            }
        }
        double room = Math.max(0, line.getWidth() - others);
        double a = first.prefWidth(-1);
        double b = second.prefWidth(-1);
        // The shorter keeps what it needs when it needs less than half; the longer gets the rest.
        double half = room / 2;
        double forFirst = a <= half ? a : b <= half ? room - b : half;
        double firstName = Math.min(a, endWidth(firstSlot));
        double secondName = Math.min(b, endWidth(secondSlot));
        if (forFirst < firstName && room - firstName >= secondName) {
            forFirst = firstName;
        } else if (room - forFirst < secondName && room - secondName >= firstName) {
            forFirst = room - secondName;
        }
        first.setMaxWidth(Math.max(first.getMinWidth(), forFirst));
        second.setMaxWidth(Math.max(second.getMinWidth(), room - Math.min(a, forFirst)));
    }

    /** The width of a path cut from its start down to "..." and its own name: "...​/pq-g14-pipeline". */
    private static double endWidth(PathSlot slot) {
        Label label = slot.label();
        String whole = slot.whole().getValue();
        String name = slot.name().getValue();
        if (whole == null || name == null || !whole.endsWith(name) || whole.equals(name)) {
            return label.prefWidth(-1);
        }
        Insets insets = label.getInsets();
        String end = whole.substring(whole.length() - name.length() - 1);
        return Math.ceil(insets.getLeft() + textWidth(label.getEllipsisString() + end, label.getFont())
                + insets.getRight()) + 1;
    }

    /** The room a path label needs to show its short form whole. */
    private static double nameWidth(PathSlot slot) {
        Label label = slot.label();
        Insets insets = label.getInsets();
        return Math.ceil(insets.getLeft() + textWidth(slot.name().getValue(), label.getFont()) + insets.getRight()) + 1;
    }

    private static double textWidth(String text, Font font) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Text probe = new Text(text);
        probe.setFont(font);
        return probe.getLayoutBounds().getWidth();
    }
}
