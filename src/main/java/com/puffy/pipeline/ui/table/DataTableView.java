package com.puffy.pipeline.ui.table;

import com.puffy.pipeline.ui.EmptyState;
import com.puffy.pipeline.ui.Hints;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.textfield.CustomTextField;
import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A virtualized table over a {@link DataTableModel}: free-text search (in all columns or one), a value filter per
 * facet column (ControlsFX CheckComboBox), sort by clicking a header (done off the FX thread), a row count, and
 * double-click for a row's fields.
 */
public final class DataTableView extends BorderPane {
    private static final String ALL_COLUMNS = "All columns";

    private final DataTableModel model;
    private final TableView<String[]> table = new TableView<>();
    /** The corner button's menu of columns to show or hide. */
    private final javafx.scene.control.ContextMenu columnMenu = new javafx.scene.control.ContextMenu();
    private final ViewItems items = new ViewItems();
    private final EmptyState empty = new EmptyState("mdi2t-table-off");
    private final FilterBar toolbar;
    /** The row count (and the busy sign) at the end of the filters' last line, or under the table. */
    private final HBox status;
    private final HBox footer = new HBox();
    private final CustomTextField searchField;
    private final BorderPane bar;
    private final StackPane center;
    /** An invisible label: the font it inherits from the scene's stylesheet is the cells' font. */
    private final Label fontProbe = new Label();
    /** What shows in the table's place under the same search and filters (a chart), or null for the table. */
    private javafx.scene.Node instead;
    private boolean nothingToShow;
    /**
     * Narrower than this the bar's controls take their compact sizes: at 1024 px the Sessions table (four value
     * filters and "Open journey") had about 580 px and its filters took three and four lines above the rows.
     */
    static final double COMPACT_BELOW = 700;
    /**
     * The width each of the bar's controls takes when not compact, noted while it is not: the view goes compact
     * where these do not fit on one line, and the choice is made from them and the width only, never from the
     * compact widths it causes.
     */
    private final Map<javafx.scene.Node, Double> fullWidths = new java.util.HashMap<>();
    private final javafx.beans.property.ReadOnlyBooleanWrapper compact = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private Consumer<String[]> onOpenRow;
    private String openRowText;
    /** A screen's own actions on the selected row, offered in the row menu too; see {@link #addRowAction}. */
    private final List<RowAction> rowActions = new java.util.ArrayList<>();

    private record RowAction(String text, Consumer<String[]> action) {
    }
    private String lastSortColumn;
    private final java.util.Map<String, CheckComboBox<String>> facets = new java.util.HashMap<>();
    /** A value {@link #showOnly} is to tick once its facet lists it (the table may still be loading): column, value. */
    private String[] pendingOnly;
    private boolean lastAscending = true;
    /** The titles of the value filters with a tick, joined ("Severity and Code"), for the empty table's words. */
    private final javafx.beans.property.StringProperty ticked = new javafx.beans.property.SimpleStringProperty("");
    /** The row and column of the cell last pressed with the mouse, for the row menu's "Copy the … value". */
    private String[] pressedRow;
    private int pressedColumn = -1;
    private String pressedName;
    /** Prose columns whose names in backticks are set as code (an alert's message); see {@link #setCodeColumns}. */
    private java.util.Set<String> codeColumns = java.util.Set.of();
    /** Columns whose cells draw a mark before their text (a severity's icon); see {@link #setCellGraphic}. */
    private final Map<String, java.util.function.Function<String, javafx.scene.Node>> cellGraphics =
            new java.util.HashMap<>();
    /** Columns shown first, in this order, before the file's others; see {@link #setLeadingColumns}. */
    private List<String> leadingColumns = List.of();
    /** Columns of identifiers, started narrow and cut in their middle; see {@link #setIdentifierColumns}. */
    private java.util.Set<String> identifierColumns = java.util.Set.of();
    /** Columns whose text wraps, the table fitting its width; see {@link #fitToWidth}. Null: one line, scrolling. */
    private List<String> wrappedColumns;

    public DataTableView(DataTableModel model, String idPrefix) {
        this.model = model;
        getStyleClass().add("data-table");
        table.setId(idPrefix + "-table");
        columnMenu.setId(idPrefix + "-columns-menu");
        table.getProperties().put(DataTableView.class, this);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        Label placeholder = new Label();
        placeholder.setId(idPrefix + "-placeholder");
        // "No rows match the filters." left the analyst to find which: the words name the search and the filters
        // ticked, and how to undo them.
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(this::placeholderText,
                model.placeholderProperty(), model.filterTextProperty(), model.filterColumnProperty(), ticked));
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(460);
        placeholder.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        table.setPlaceholder(placeholder);
        table.setTableMenuButtonVisible(true);
        nameTheColumnMenuButton();
        table.setContextMenu(rowMenu());
        // Which cell a right click was on: the row menu offers its value alone. Copying a client id or a line
        // number meant copying the whole row and cutting the rest away, or opening the row's fields.
        table.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            pressedRow = null;
            javafx.scene.Node picked = e.getPickResult().getIntersectedNode();
            for (javafx.scene.Node n = picked; n != null && n != table; n = n.getParent()) {
                if (n instanceof javafx.scene.control.TableCell<?, ?> cell) {
                    Object index = cell.getTableColumn() == null ? null
                            : cell.getTableColumn().getProperties().get("row-index");
                    if (index instanceof Integer c && cell.getTableRow() != null
                            && cell.getTableRow().getItem() instanceof String[] row) {
                        pressedRow = row;
                        pressedColumn = c;
                        pressedName = cell.getTableColumn().getText();
                    }
                    break;
                }
            }
        });
        // JavaFX opens a control's context menu for a right click only (tried on the real jar): the keyboard's keys
        // for it are wired here, and the menu opens at the selected row.
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.CONTEXT_MENU || e.getCode() == KeyCode.F10 && e.isShiftDown()) {
                showRowMenu();
                e.consume();
            }
        });

        CustomTextField search = (CustomTextField) TextFields.createClearableTextField();
        search.setId(idPrefix + "-search");
        searchField = search;
        search.setPromptText("Search…");
        search.setAccessibleText("Search the table");
        search.setTooltip(new Tooltip("Search every column, or the one chosen beside (Ctrl+F); Esc empties it"));
        search.setLeft(new FontIcon("mdi2m-magnify"));
        // 14 columns, not 18: the row count keeps the width of its longest text, and Findings' three filters stay
        // on one line beside it at 1440 px.
        search.prefColumnCountProperty().bind(javafx.beans.binding.Bindings.when(compact).then(9).otherwise(14));
        PauseTransition debounce = new PauseTransition(Duration.millis(250));
        debounce.setOnFinished(e -> model.apply());
        search.textProperty().bindBidirectional(model.filterTextProperty());
        search.textProperty().addListener((obs, old, now) -> debounce.playFromStart());
        // Escape empties a search as it does in a browser's find bar, the cursor staying to type the next one; an
        // empty field leaves Escape to the window (cancel a run).
        search.getProperties().put(CLEARS_ON_ESCAPE, Boolean.TRUE);
        search.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && clearsOnEscape(search)) {
                search.clear();
                e.consume();
            }
        });

        ComboBox<String> inColumn = new ComboBox<>();
        inColumn.setId(idPrefix + "-search-column");
        inColumn.setTooltip(new Tooltip("Search in every column or in one"));
        inColumn.setAccessibleText("Search in which column");
        inColumn.minWidthProperty().bind(javafx.beans.binding.Bindings.when(compact).then(125.0).otherwise(140.0));
        inColumn.prefWidthProperty().bind(javafx.beans.binding.Bindings.when(compact).then(125.0)
                .otherwise(Region.USE_COMPUTED_SIZE));
        fitListToItems(inColumn);
        inColumn.getItems().add(ALL_COLUMNS);
        inColumn.setValue(ALL_COLUMNS);
        inColumn.valueProperty().addListener((obs, old, now) -> {
            model.filterColumnProperty().set(ALL_COLUMNS.equals(now) ? null : now);
            model.apply();
        });

        // The filters wrap onto a second line rather than push the row count out of the window: the sessions
        // table's four value filters and "Open journey" hid its count even at 1440 px.
        toolbar = new FilterBar(8, 6, search, inColumn);
        for (String column : model.facetColumns()) {
            CheckComboBox<String> facet = new CheckComboBox<>(model.facetValues(column));
            facet.setId(idPrefix + "-facet-" + column);
            String title = label(column);
            facet.setTitle(title);
            facet.setShowCheckedCount(false);
            facet.setMinWidth(100);
            facet.setTooltip(new Tooltip("Show only rows whose " + column + " is one of the checked values"));
            // A column of too many values had an empty list to tick and no word why: say it on the filter itself.
            javafx.beans.property.StringProperty note = model.facetNote(column);
            Tooltip tip = facet.getTooltip();
            String usual = tip.getText();
            Runnable showNote = () -> {
                boolean tooMany = !note.get().isEmpty();
                facet.setDisable(tooMany);
                tip.setText(tooMany ? note.get() : usual);
                int checked = facet.getCheckModel().getCheckedItems().size();
                boolean small = compact.get();
                facet.setTitle(tooMany ? title + ": too many values" : checked == 0 ? title
                        : small ? title + " (" + checked + ")" : title + ": " + checked + " chosen");
                facet.setPrefWidth(tooMany ? Region.USE_COMPUTED_SIZE : small ? compactWidth(column, title)
                        : fullWidth(column, title));
                facet.setAccessibleText(facetWords(title, tooMany, facet.getCheckModel().getCheckedItems()));
            };
            facet.getCheckModel().getCheckedItems().addListener(
                    (javafx.collections.ListChangeListener<String>) change -> {
                        showNote.run();
                        noteTicked();
                        model.setFacet(column, new HashSet<>(facet.getCheckModel().getCheckedItems()));
                    });
            note.addListener((obs, old, now) -> showNote.run());
            compact.addListener((obs, old, now) -> showNote.run());
            showNote.run();
            Label why = Hints.muted(note);
            why.setMaxWidth(420);
            why.visibleProperty().bind(note.isNotEmpty());
            why.managedProperty().bind(why.visibleProperty());
            why.setId(idPrefix + "-facet-note-" + column);
            showCounts(facet, model.facetCounts(column), model.countingProperty(), value -> model.shown(column, value));
            openFromTheKeyboard(facet);
            fitListToItems(facet);
            facets.put(column, facet);
            model.facetValues(column).addListener((javafx.collections.ListChangeListener<String>) c -> {
                tickPending();
                showNote.run();
            });
            toolbar.getChildren().addAll(facet, why);
        }
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        // Counting the value filters after a search went on for seconds (4.8 s at 3M rows) with nothing that moved.
        busy.visibleProperty().bind(model.loadingProperty().or(model.countingProperty()));
        busy.setId(idPrefix + "-busy");
        Tooltip busyTip = new Tooltip();
        busyTip.textProperty().bind(javafx.beans.binding.Bindings.when(model.loadingProperty())
                .then(model.countTextProperty())
                .otherwise("Counting the rows of each value in the value filters…"));
        busy.setTooltip(busyTip);
        busy.accessibleTextProperty().bind(busyTip.textProperty());
        Label count = new Label();
        count.setId(idPrefix + "-count");
        count.getStyleClass().add("muted");
        count.textProperty().bind(model.countTextProperty());
        count.setMinWidth(Region.USE_PREF_SIZE);
        // The count's place is as wide as the longest it can read for the table loaded ("16,522 of 16,522 rows"),
        // kept by an invisible twin: ticking a value made it longer ("1,508 of 16,522 rows"), which took the room of
        // the last value filter, pushed it to a second line and moved the rows down under the mouse.
        Label widest = new Label();
        widest.getStyleClass().add("muted");
        widest.setVisible(false);
        widest.setMinWidth(Region.USE_PREF_SIZE);
        // While a file is read again the twin keeps the last table's width: a run does not move the bar either.
        model.tableProperty().addListener((obs, old, now) -> {
            if (now != null) {
                widest.setText(longestCount(now.size()));
            }
        });
        StackPane countPlace = new StackPane(widest, count);
        StackPane.setAlignment(count, Pos.CENTER_RIGHT);
        StackPane.setAlignment(widest, Pos.CENTER_RIGHT);
        search.setMinWidth(140);
        status = new HBox(8, busy, countPlace);
        status.setAlignment(Pos.CENTER_RIGHT);
        status.setMinWidth(Region.USE_PREF_SIZE);
        // The count sits at the right end of the filters' last line while it has room there; else under the rows,
        // at their right, where a spreadsheet says how many rows it shows. On a line of its own in the bar it had
        // taken as much height, and beside a line of filters that fit without it, it sent the last filter down (the
        // Findings filters at 1024 px).
        status.setManaged(false);
        toolbar.getChildren().add(status);
        footer.setAlignment(Pos.CENTER_RIGHT);
        footer.setPadding(new Insets(3, 2, 0, 0));
        footer.setId(idPrefix + "-footer");
        footer.setVisible(false);
        footer.setManaged(false);
        toolbar.setTrailing(status, this::placeCount);
        widest.textProperty().addListener((obs, old, now) -> toolbar.requestLayout());
        count.textProperty().addListener((obs, old, now) -> toolbar.requestLayout());
        bar = new BorderPane(toolbar);
        bar.setPadding(new Insets(6, 0, 6, 0));
        bar.setTop(scopeLine(idPrefix));

        setTop(bar);
        center = new StackPane(table, empty);
        fontProbe.setManaged(false);
        fontProbe.setVisible(false);
        center.getChildren().add(fontProbe);
        setCenter(center);
        setBottom(footer);
        empty.setVisible(false);
        // Compact where the controls at their full widths do not fit on one line (or narrower than 700 px): the
        // Findings table at 1024 px (776 px) took two lines of filters at full width and takes one compact.
        widthProperty().addListener((obs, old, now) -> chooseCompact());
        toolbar.getChildren().addListener((javafx.collections.ListChangeListener<javafx.scene.Node>) c -> chooseCompact());
        model.emptyReasonProperty().addListener((obs, old, now) -> showEmpty(now));
        model.errorProperty().addListener((obs, old, now) -> {
            if (now != null && getScene() != null) {
                com.puffy.pipeline.ui.ErrorDialog.create(getScene().getWindow(), now).show();
            }
        });

        model.tableProperty().addListener((obs, old, now) -> {
            if (now != null) {
                buildColumns(now, true);
                inColumn.getItems().setAll(ALL_COLUMNS);
                inColumn.getItems().addAll(now.columns());
                if (model.filterColumnProperty().get() == null || !now.columns().contains(model.filterColumnProperty().get())) {
                    inColumn.setValue(ALL_COLUMNS);
                }
            }
        });
        // Replacing the items list would clear the table's sort order; refilling the same list keeps it. The list
        // is a view: a row is read when the table draws it, so millions of rows are never copied into it.
        table.setItems(items);
        model.rowsProperty().addListener((obs, old, now) -> {
            // A kept selection would be looked up row by row in the new list: millions of reads.
            table.getSelectionModel().clearSelection();
            items.replace(now);
        });

        model.sortPendingProperty().addListener((obs, old, now) -> markPendingSort());
        table.getColumns().addListener((javafx.collections.ListChangeListener<TableColumn<String[], ?>>) c ->
                markPendingSort());
        table.setSortPolicy(t -> {
            String column = null;
            boolean ascending = true;
            if (!t.getSortOrder().isEmpty()) {
                TableColumn<String[], ?> first = t.getSortOrder().get(0);
                column = (String) first.getUserData();
                ascending = first.getSortType() == TableColumn.SortType.ASCENDING;
            }
            if (!java.util.Objects.equals(column, lastSortColumn) || ascending != lastAscending) {
                lastSortColumn = column;
                lastAscending = ascending;
                model.setSort(column, ascending);
            }
            return true;
        });

        table.setRowFactory(tv -> {
            TableRow<String[]> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    openRow(row.getItem());
                }
            });
            return row;
        });
        // The keyboard's way to a row's whole values (a 5 KB user agent is cut in its cell): Enter opens them as
        // double-click does, and Ctrl+C copies the row as tab-separated text, which pastes into a spreadsheet.
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            String[] selected = table.getSelectionModel().getSelectedItem();
            if (selected == null) {
                return;
            }
            if (e.getCode() == KeyCode.ENTER) {
                openRow(selected);
                e.consume();
            } else if (COPY.match(e)) {
                copyRow(selected);
                e.consume();
            }
        });
    }

    /**
     * Each value of a filter's list with how many rows it would give ("mobile  1,234"), as the model counted them.
     * The items stay the values themselves, so ticking, {@link #showOnly} and the keyboard work on the value; only
     * the words change, through the control's converter, which its list's cells use: a count or a share reads as
     * its cells show it ({@code asShown}).
     */
    private static void showCounts(CheckComboBox<String> facet,
                                   javafx.beans.value.ObservableValue<Map<String, Integer>> counts,
                                   javafx.beans.value.ObservableBooleanValue counting,
                                   java.util.function.UnaryOperator<String> asShown) {
        facet.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String value) {
                if (value == null) {
                    return "";
                }
                // A blank cell is a value of its own to the filter: the list named it with an empty line.
                // A value reads as its cells do ("3,500", "1.02%"); ticking it still filters on the file's "3500".
                String name = value.isEmpty() ? EMPTY_VALUE : asShown.apply(value);
                // The counts on hand are those of the rows before the search or tick: not this list's answer.
                if (counting.get()) {
                    return name + "  " + COUNTING;
                }
                Map<String, Integer> known = counts.getValue();
                Integer count = known == null ? null : known.get(value);
                return count == null ? name : name + "  " + com.puffy.pipeline.ui.Formats.count(count);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        // The list's cells read the converter when they are given an item: new counts need them redrawn.
        Runnable redraw = () -> {
            for (javafx.scene.Node child : facet.getChildrenUnmodifiable()) {
                if (child instanceof ComboBox<?> box
                        && box.getSkin() instanceof javafx.scene.control.skin.ComboBoxListViewSkin<?> skin
                        && skin.getPopupContent() instanceof javafx.scene.control.ListView<?> list) {
                    list.refresh();
                }
            }
        };
        counts.addListener((obs, old, now) -> redraw.run());
        counting.addListener((obs, old, now) -> redraw.run());
    }

    /** Said in a value filter's list in place of each value's count while the counts are worked out. */
    static final String COUNTING = "counting…";
    /** The style class of the header whose sort is asked and not yet done: its arrow reads as "…" (studio.css). */
    static final String SORT_PENDING = "sort-pending";

    /** Marks the header of the sort still running, so that its arrow does not say the old rows are sorted. */
    private void markPendingSort() {
        String pending = model.sortPendingProperty().get();
        for (TableColumn<String[], ?> column : table.getColumns()) {
            boolean marked = column.getStyleClass().contains(SORT_PENDING);
            boolean sorting = column.getUserData() != null && column.getUserData().equals(pending);
            if (sorting && !marked) {
                column.getStyleClass().add(SORT_PENDING);
            } else if (!sorting && marked) {
                column.getStyleClass().remove(SORT_PENDING);
            }
        }
    }

    /**
     * Compact where the bar's controls at their full widths do not fit on one line, or narrower than
     * {@link #COMPACT_BELOW}. The full widths are noted while not compact, so the choice never depends on the compact
     * widths it causes.
     */
    private void chooseCompact() {
        if (!compact.get()) {
            for (javafx.scene.Node child : toolbar.getChildren()) {
                if (child != status) {
                    fullWidths.put(child, child.prefWidth(-1));
                }
            }
        }
        double need = 0;
        int shown = 0;
        for (javafx.scene.Node child : toolbar.getChildren()) {
            if (child == status || !child.isManaged()) {
                continue;
            }
            Double full = fullWidths.get(child);
            need += full != null ? full : child.prefWidth(-1);
            shown++;
        }
        need += toolbar.getHgap() * Math.max(0, shown - 1);
        double width = getWidth();
        compact.set(width > 0 && (width < COMPACT_BELOW || need > width + 0.5));
    }

    /** The row count at the end of the filters' last line ({@code room}), else under the table. */
    private void placeCount(boolean room) {
        if (room && status.getParent() != toolbar) {
            footer.getChildren().remove(status);
            status.setManaged(false);
            toolbar.getChildren().add(status);
        } else if (!room && status.getParent() != footer) {
            toolbar.getChildren().remove(status);
            status.setManaged(true);
            footer.getChildren().add(status);
        }
        boolean footerShown = !room && footer.getProperties().get(NO_COUNT) == null;
        footer.setVisible(footerShown);
        footer.setManaged(footerShown);
    }

    /**
     * A compact value filter is as wide as its title with the most values it can have ticked ("First channel (9)"):
     * a fixed 125 px cut "First channel" to "First cha…", and gave "File" room it did not need.
     */
    private double compactWidth(String column, String title) {
        int values = Math.max(1, model.facetValues(column).size());
        javafx.scene.text.Text text = new javafx.scene.text.Text(title + " (" + values + ")");
        text.setFont(fontProbe.getFont());
        return Math.ceil(text.getLayoutBounds().getWidth()) + FACET_CHROME;
    }

    /**
     * A value filter at full size is 170 px, or as wide as its title with all its values ticked where that is wider:
     * a fixed 170 px cut Quarantine's "Reasons: 1 chosen" to "Reasons: 1 chos…" at 1024 px.
     */
    private double fullWidth(String column, String title) {
        int values = Math.max(1, model.facetValues(column).size());
        javafx.scene.text.Text text = new javafx.scene.text.Text(title + ": " + values + " chosen");
        text.setFont(cellFont());
        return Math.max(FULL_FACET_WIDTH, Math.ceil(text.getLayoutBounds().getWidth()) + FACET_CHROME);
    }

    private static final double FULL_FACET_WIDTH = 170;

    /** A value filter's padding (12 px each side) and arrow button (24 px) around its title, and 2 px to spare. */
    private static final double FACET_CHROME = 50;

    private void noteTicked() {
        List<String> titles = new java.util.ArrayList<>();
        for (String column : model.facetColumns()) {
            CheckComboBox<String> facet = facets.get(column);
            if (facet != null && !facet.getCheckModel().getCheckedItems().isEmpty()) {
                titles.add(label(column));
            }
        }
        ticked.set(titles.size() <= 1 ? String.join("", titles)
                : String.join(", ", titles.subList(0, titles.size() - 1)) + " and " + titles.get(titles.size() - 1));
    }

    /** The model's placeholder; for no match, which search and filters left nothing and how to undo them. */
    private String placeholderText() {
        String text = model.placeholderProperty().get();
        if (!DataTableModel.NO_MATCH.equals(text)) {
            return text;
        }
        String search = model.filterTextProperty().get() == null ? "" : model.filterTextProperty().get().strip();
        if (search.length() > 40) {
            search = search.substring(0, 39) + "…";
        }
        String column = model.filterColumnProperty().get();
        String searched = "the search \u201c" + search + "\u201d" + (column == null ? "" : " in " + column);
        String values = ticked.get();
        if (!search.isEmpty() && !values.isEmpty()) {
            return "No rows match " + searched + " with the values ticked in " + values
                    + ": empty the search (Esc in it) or untick a value.";
        }
        if (!search.isEmpty()) {
            return "No rows match " + searched + ": Esc in the search empties it.";
        }
        if (!values.isEmpty()) {
            return "No row has the values ticked in " + values + " together: untick one.";
        }
        return text;
    }

    /** The longest the row count reads for a table of {@code rows} rows (digits have one width in UI fonts). */
    static String longestCount(int rows) {
        String all = com.puffy.pipeline.ui.Formats.count(rows);
        return all + " of " + all + (rows == 1 ? " row" : " rows");
    }

    /** A value filter's or the search column's list shows this many items at most; a longer one scrolls. */
    static final int LIST_ROWS = 12;

    /**
     * A combo box's list (a value filter's, the search's column) as tall as its items, up to {@link #LIST_ROWS}: the
     * three severities opened with a scrollbar, "All columns" with nine. JavaFX sizes the list before it is shown and
     * focused: from cells measured on one whose check box has no style yet, and with the border of a list without
     * the focus, 1 px thinner each side than the focused one, so three rows were 2 px short. Once the list is shown,
     * it takes the height its drawn cells and focused border need, and keeps it for the next opening. (Not a fixed
     * cell size: the filter's button is a cell of the same list and took that height too, 1 px taller than the bar's
     * other controls.)
     */
    private static void fitListToItems(javafx.scene.control.Control control) {
        // A value filter's list events bubble up from the combo box inside the control.
        control.addEventHandler(ComboBox.ON_SHOWING, e -> {
            javafx.scene.control.ListView<?> list = listOf(e.getTarget());
            if (list != null) {
                ((ComboBox<?>) e.getTarget()).setVisibleRowCount(LIST_ROWS);
                if (list.getProperties().get(LIST_CELL) instanceof Double cell
                        && list.getProperties().get(LIST_BORDER) instanceof Double border) {
                    list.setPrefHeight(listHeight(list, cell, border));
                }
            }
        });
        control.addEventHandler(ComboBox.ON_SHOWN, e -> {
            javafx.scene.control.ListView<?> list = listOf(e.getTarget());
            if (list == null) {
                return;
            }
            list.applyCss();
            list.layout();
            double cell = 0;
            for (javafx.scene.Node node : list.lookupAll(".list-cell")) {
                if (node instanceof javafx.scene.control.ListCell<?> drawn && drawn.isVisible() && !drawn.isEmpty()) {
                    cell = Math.max(cell, drawn.getHeight());
                }
            }
            if (cell > 0) {
                double border = list.snappedTopInset() + list.snappedBottomInset();
                list.getProperties().put(LIST_CELL, cell);
                list.getProperties().put(LIST_BORDER, border);
                double height = listHeight(list, cell, border);
                list.setPrefHeight(height);
                if (height != list.getHeight()) {
                    list.resize(list.getWidth(), height);
                }
            }
        });
    }

    private static final String LIST_CELL = "value-list-cell-height";
    private static final String LIST_BORDER = "value-list-border";

    private static double listHeight(javafx.scene.control.ListView<?> list, double cell, double border) {
        int rows = Math.max(1, Math.min(LIST_ROWS, list.getItems().size()));
        // JavaFX's own measure adds 1 px to the rows; kept, so a list never ends 1 px short.
        return list.snapSizeY(rows * cell + border + 1);
    }

    private static javafx.scene.control.ListView<?> listOf(Object target) {
        return target instanceof ComboBox<?> box
                && box.getSkin() instanceof javafx.scene.control.skin.ComboBoxListViewSkin<?> skin
                && skin.getPopupContent() instanceof javafx.scene.control.ListView<?> list ? list : null;
    }

    /**
     * What a screen reader says of a value filter: ControlsFX's control has no name of its own, so it was read as
     * nothing at all; its title alone ("Severity: 2 chosen") did not say which values.
     */
    static String facetWords(String title, boolean tooMany, List<String> ticked) {
        if (tooMany) {
            return title + " filter: too many values to list";
        }
        if (ticked.isEmpty()) {
            return title + " filter: every value shown";
        }
        return title + " filter: only " + String.join(", ", ticked.stream()
                .map(v -> v == null || v.isEmpty() ? EMPTY_VALUE : v).toList());
    }

    /** How a value filter's list names the blank value, as the dataset charts name their bar. */
    static final String EMPTY_VALUE = "(empty)";

    /**
     * Tab reaches a value filter, but no key opened its list: the list inside only opens for a mouse click. Space,
     * Enter, F4 and Alt+Down open it as they open a combo box; in the list, the arrows move and Space ticks a value.
     */
    private static void openFromTheKeyboard(CheckComboBox<String> facet) {
        facet.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            boolean opens = e.getCode() == KeyCode.SPACE || e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.F4
                    || (e.isAltDown() && (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP));
            if (opens && !e.isConsumed()) {
                facet.show();
                e.consume();
            }
        });
    }

    /**
     * The "+" in the table's corner (show or hide columns) is an icon drawn by the skin: no name for a screen reader,
     * no tooltip, and no way to it from the keyboard. It gets both; the keyboard's way is the table's context menu.
     */
    private void nameTheColumnMenuButton() {
        Runnable name = () -> {
            javafx.scene.Node corner = table.lookup(".show-hide-columns-button");
            if (corner != null && corner.getAccessibleText() == null) {
                corner.setAccessibleRole(javafx.scene.AccessibleRole.BUTTON);
                corner.setAccessibleText("Show or hide columns");
                Tooltip.install(corner, new Tooltip("Show or hide columns (from the keyboard: the Menu key or "
                        + "Shift+F10 on the table)"));
                // The skin's own menu reads an underscore in a column's name as a mnemonic: added_to_cart was
                // listed as "addedto_cart", session_id as "sessionid". This menu lists the names as the headers do.
                corner.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
                    e.consume();
                    showColumnMenu(corner);
                });
            }
        };
        table.skinProperty().addListener((obs, old, now) -> name.run());
        name.run();
    }

    private void showColumnMenu(javafx.scene.Node corner) {
        if (columnMenu.isShowing()) {
            columnMenu.hide();
            return;
        }
        columnMenu.getItems().setAll(columnItems());
        columnMenu.show(corner, javafx.geometry.Side.BOTTOM, 0, 0);
    }

    /** A check item per column, named as its header, ticked while the column shows. */
    private List<javafx.scene.control.MenuItem> columnItems() {
        List<javafx.scene.control.MenuItem> items = new java.util.ArrayList<>();
        for (TableColumn<String[], ?> column : table.getColumns()) {
            javafx.scene.control.CheckMenuItem shown = new javafx.scene.control.CheckMenuItem(column.getText());
            shown.setMnemonicParsing(false);
            shown.selectedProperty().bindBidirectional(column.visibleProperty());
            items.add(shown);
        }
        return items;
    }

    /**
     * Shift+F10 or the Menu key on the table (or a right click): the row's fields, copy the row, and a check item per
     * column to show or hide it, which the corner button offers only to the mouse.
     */
    private javafx.scene.control.ContextMenu rowMenu() {
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu();
        menu.setId(table.getId() + "-menu");
        menu.setOnShowing(e -> {
            String[] selected = table.getSelectionModel().getSelectedItem();
            // The keys in the words, not as accelerators: a context menu's accelerators act on the whole window.
            javafx.scene.control.MenuItem details = new javafx.scene.control.MenuItem(onOpenRow == null
                    ? "Show all fields (Enter)" : "Show all fields");
            details.setDisable(selected == null);
            details.setOnAction(a -> showRowDetails(selected));
            javafx.scene.control.MenuItem copy = new javafx.scene.control.MenuItem("Copy the row ("
                    + COPY.getDisplayText() + ")");
            copy.setDisable(selected == null);
            copy.setOnAction(a -> copyRow(selected));
            // The cell right-clicked, when the menu is for its row (the keyboard's menu has no cell).
            javafx.scene.control.MenuItem copyCell = null;
            if (selected != null && pressedRow == selected) {
                String[] row = pressedRow;
                int c = pressedColumn;
                String value = c < row.length && row[c] != null ? row[c] : "";
                copyCell = new javafx.scene.control.MenuItem("Copy the " + pressedName + " value"
                        + (value.isEmpty() ? " (empty)" : ""));
                copyCell.setMnemonicParsing(false);
                copyCell.setOnAction(a -> {
                    ClipboardContent content = new ClipboardContent();
                    // Formula-safe as the row's copy and the export are.
                    content.putString(com.puffy.pipeline.io.CsvOutput.formulaSafe(value));
                    Clipboard.getSystemClipboard().setContent(content);
                });
            }
            javafx.scene.control.Menu columns = new javafx.scene.control.Menu("Columns");
            columns.getItems().setAll(columnItems());
            columns.setDisable(columns.getItems().isEmpty());
            menu.getItems().setAll(details, copy, new javafx.scene.control.SeparatorMenuItem(), sortMenu(), columns);
            if (copyCell != null) {
                menu.getItems().add(2, copyCell);
            }
            for (int i = rowActions.size() - 1; i >= 0; i--) {
                RowAction action = rowActions.get(i);
                javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(action.text());
                item.setMnemonicParsing(false);
                item.setDisable(selected == null);
                item.setOnAction(a -> action.action().accept(selected));
                menu.getItems().add(0, item);
            }
            if (onOpenRow != null) {
                javafx.scene.control.MenuItem open = new javafx.scene.control.MenuItem(openRowText + " (Enter)");
                open.setMnemonicParsing(false);
                open.setDisable(selected == null);
                open.setOnAction(a -> openRow(selected));
                menu.getItems().add(0, open);
            }
        });
        // The items are made when the menu shows: an empty menu does not show at all.
        menu.getItems().add(new javafx.scene.control.MenuItem("Show all fields"));
        return menu;
    }

    /**
     * "Sort by": the column and the direction, as a file manager's view menu offers them. A header sorted only for a
     * click: JavaFX's column headers take no focus, so the keyboard had no way to sort at all. The menu goes through
     * the table's sort order, so the header's arrow and the model's sort stay one.
     */
    private javafx.scene.control.Menu sortMenu() {
        TableColumn<String[], ?> current = table.getSortOrder().isEmpty() ? null : table.getSortOrder().get(0);
        javafx.scene.control.Menu sort = new javafx.scene.control.Menu("Sort by");
        sort.setId(table.getId() + "-sort");
        javafx.scene.control.ToggleGroup byColumn = new javafx.scene.control.ToggleGroup();
        javafx.scene.control.RadioMenuItem fileOrder = new javafx.scene.control.RadioMenuItem("File order (not sorted)");
        fileOrder.setToggleGroup(byColumn);
        fileOrder.setSelected(current == null);
        fileOrder.setOnAction(a -> table.getSortOrder().clear());
        sort.getItems().add(fileOrder);
        for (TableColumn<String[], ?> column : table.getVisibleLeafColumns()) {
            if (!column.isSortable()) {
                continue;
            }
            javafx.scene.control.RadioMenuItem item = new javafx.scene.control.RadioMenuItem(column.getText());
            item.setMnemonicParsing(false);
            item.setToggleGroup(byColumn);
            item.setSelected(column == current);
            item.setOnAction(a -> {
                if (column != current) {
                    column.setSortType(current == null ? TableColumn.SortType.ASCENDING : current.getSortType());
                    table.getSortOrder().setAll(List.of(column));
                }
            });
            sort.getItems().add(item);
        }
        javafx.scene.control.ToggleGroup direction = new javafx.scene.control.ToggleGroup();
        sort.getItems().add(new javafx.scene.control.SeparatorMenuItem());
        for (TableColumn.SortType type : TableColumn.SortType.values()) {
            javafx.scene.control.RadioMenuItem item = new javafx.scene.control.RadioMenuItem(
                    type == TableColumn.SortType.ASCENDING ? "Ascending" : "Descending");
            item.setToggleGroup(direction);
            item.setSelected(current != null && current.getSortType() == type);
            item.setDisable(current == null);
            item.setOnAction(a -> current.setSortType(type));
            sort.getItems().add(item);
        }
        return sort;
    }

    private void showRowMenu() {
        pressedRow = null;
        javafx.scene.Node anchor = table;
        int selected = table.getSelectionModel().getSelectedIndex();
        for (javafx.scene.Node node : table.lookupAll(".table-row-cell")) {
            if (node instanceof TableRow<?> row && row.getIndex() == selected && row.isVisible()) {
                anchor = row;
            }
        }
        javafx.geometry.Bounds bounds = anchor.localToScreen(anchor.getLayoutBounds());
        if (bounds != null) {
            table.getContextMenu().show(anchor, bounds.getMinX() + 24, anchor == table ? bounds.getMinY() + 32
                    : bounds.getMaxY());
        }
    }

    private void copyRow(String[] row) {
        if (row != null) {
            ClipboardContent content = new ClipboardContent();
            content.putString(rowAsText(row));
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    private static final String CLEARS_ON_ESCAPE = "clears-on-escape";

    /** Whether Escape on this node empties a table's search (it holds text), which comes before cancelling a run. */
    public static boolean clearsOnEscape(javafx.scene.Node focused) {
        return focused instanceof TextField field && field.getProperties().get(CLEARS_ON_ESCAPE) != null
                && field.getText() != null && !field.getText().isEmpty() && !field.isDisabled();
    }

    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private void openRow(String[] row) {
        if (onOpenRow != null) {
            onOpenRow.accept(row);
        } else {
            showRowDetails(row);
        }
    }

    /**
     * The cells of the visible columns, in their order on screen, separated by tabs; tabs and line breaks inside a
     * value become spaces, and a text starting like a formula gets the export's leading {@code '}.
     */
    public String rowAsText(String[] row) {
        StringBuilder text = new StringBuilder();
        for (TableColumn<String[], ?> column : table.getVisibleLeafColumns()) {
            Object index = column.getProperties().get("row-index");
            if (!(index instanceof Integer c)) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append('\t');
            }
            // Formula-safe as the export is: "=HYPERLINK(…)" pasted into a spreadsheet would run as a formula.
            text.append(c < row.length && row[c] != null
                    ? com.puffy.pipeline.io.CsvOutput.formulaSafe(row[c].replaceAll("[\t\r\n]+", " ")) : "");
        }
        return text.toString();
    }

    /**
     * Shows only the rows whose {@code column} (a facet column) is {@code value}: the search is emptied, the other
     * value filters are unticked and {@code value} is ticked, now or as soon as the loading table lists it.
     */
    public void showOnly(String column, String value) {
        valueFilter(column);
        searchField.clear();
        facets.values().forEach(facet -> facet.getCheckModel().clearChecks());
        tickOnly(column, value);
    }

    /**
     * Ticks only {@code value} in {@code column}'s value filter (null: unticks it), now or as soon as the loading table
     * lists it; the search and the other filters stay as they are.
     */
    public void tickOnly(String column, String value) {
        valueFilter(column).getCheckModel().clearChecks();
        pendingOnly = value == null ? null : new String[]{column, value};
        tickPending();
    }

    /**
     * Ticks {@code value} in {@code column}'s value filter, now or as soon as the loading table lists it, unless a
     * value of that filter is ticked already (the analyst's choice stays). The search and other filters stay as they
     * are.
     */
    public void tickUnlessChosen(String column, String value) {
        if (valueFilter(column).getCheckModel().getCheckedItems().isEmpty()) {
            tickOnly(column, value);
        }
    }

    private CheckComboBox<String> valueFilter(String column) {
        CheckComboBox<String> facet = facets.get(column);
        if (facet == null) {
            throw new IllegalArgumentException(column + " is not a value filter of this table");
        }
        return facet;
    }

    private void tickPending() {
        String[] only = pendingOnly;
        if (only == null || !model.facetValues(only[0]).contains(only[1])) {
            return;
        }
        pendingOnly = null;
        facets.get(only[0]).getCheckModel().check(only[1]);
    }

    /** Ctrl+F: puts the cursor in the search field, its text selected so typing replaces it. */
    public void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    /** The view around a table built by this class, or null for another table. */
    public static DataTableView of(TableView<?> table) {
        return table.getProperties().get(DataTableView.class) instanceof DataTableView view ? view : null;
    }

    /**
     * Over the filters while the table lists a part of itself alone ({@link DataTableModel.Scope}): which part, and
     * the way back to every row. Without it the table's count ("2 of 23 rows") had no filter to explain it.
     */
    private javafx.scene.Node scopeLine(String idPrefix) {
        Label words = Hints.mutedLines(javafx.beans.binding.Bindings.createStringBinding(() ->
                model.scopeProperty().get() == null ? "" : "Only the rows of " + model.scopeProperty().get().words(),
                model.scopeProperty()));
        words.setId(idPrefix + "-scope");
        words.setGraphic(new FontIcon("mdi2f-filter-outline"));
        javafx.scene.control.Hyperlink all = new javafx.scene.control.Hyperlink("Show all rows");
        all.setId(idPrefix + "-scope-clear");
        all.setMinWidth(Region.USE_PREF_SIZE);
        all.setOnAction(e -> model.scopeProperty().set(null));
        HBox line = new HBox(8, words, all);
        line.setAlignment(Pos.CENTER_LEFT);
        line.setPadding(new Insets(0, 0, 4, 0));
        line.visibleProperty().bind(model.scopeProperty().isNotNull());
        line.managedProperty().bind(line.visibleProperty());
        return line;
    }

    /** The part of the table listed alone, or null for all of it; see {@link DataTableModel.Scope}. */
    public DataTableModel.Scope scope() {
        return model.scopeProperty().get();
    }

    /** Whether the analyst's search or a value filter leaves rows out (the scope aside). */
    public boolean filtersInUse() {
        String text = model.filterTextProperty().get();
        return text != null && !text.isBlank()
                || facets.values().stream().anyMatch(f -> !f.getCheckModel().getCheckedItems().isEmpty());
    }

    /** How many rows the file gave the table, before filters; -1 when none is loaded. */
    public int rowsBeforeFilters() {
        TableData loaded = model.tableProperty().get();
        return loaded == null ? -1 : loaded.size();
    }

    /** The file the table's rows come from; null when none is loaded or a screen built the table. */
    public java.nio.file.Path source() {
        TableData loaded = model.tableProperty().get();
        return loaded == null ? null : loaded.source();
    }

    public TableView<String[]> table() {
        return table;
    }

    /** The search and filter controls, in order; a screen may add its own (e.g. "Open journey"). */
    public FlowPane toolbar() {
        return toolbar;
    }

    /** Whether the view is narrow and its bar's controls take their compact sizes (a screen's buttons may too). */
    public javafx.beans.property.ReadOnlyBooleanProperty compactProperty() {
        return compact.getReadOnlyProperty();
    }

    /**
     * Columns of prose (monitoring's message, suggested_action, summary) whose names in backticks the cells and the
     * row details set as code, as the alert cards do; their text is the file's, backticks included, for search,
     * copy and export.
     */
    public void setCodeColumns(java.util.Set<String> columns) {
        codeColumns = java.util.Set.copyOf(columns);
        TableData loaded = model.tableProperty().get();
        if (loaded != null) {
            buildColumns(loaded);
        }
    }

    /**
     * Columns the table shows first, in this order, the file's other columns after them in the file's order: an
     * alert's message came tenth, right of the window even at 1440 px, behind its id, metric and numbers. The rows
     * keep the file's cells; export and copy follow the order on screen, as they do after dragging a column.
     */
    public void setLeadingColumns(List<String> columns) {
        leadingColumns = List.copyOf(columns);
        TableData loaded = model.tableProperty().get();
        if (loaded != null) {
            buildColumns(loaded);
        }
    }

    /**
     * Columns of identifiers (a session's or client's id): they start {@link #ID_COLUMN_WIDTH} wide at most, cut in
     * their middle, their whole value in the cell's tooltip, the row's details and a drag of the header's edge. Drawn
     * whole, the sessions' two ids took the whole table at 1024 px, its channel, device and revenue out of view.
     */
    public void setIdentifierColumns(java.util.Set<String> columns) {
        identifierColumns = java.util.Set.copyOf(columns);
        TableData loaded = model.tableProperty().get();
        if (loaded != null) {
            buildColumns(loaded);
        }
    }

    /**
     * Fits the table's columns to its width, with no sideways scrolling: {@code wrapped} columns (prose, codes) wrap
     * onto more lines and share the room left by the others, which keep the width their values need; identifier
     * columns ({@link #setIdentifierColumns}) are cut in their middle, whole in their tooltip. Room beyond their
     * least goes to the wrapped columns in the order given, then to the identifiers, each up to its values' width. For a table of a few
     * columns an analyst reads across (the incidents): at 1024 px their dates and counts were right of the window.
     */
    public void fitToWidth(List<String> wrapped) {
        wrappedColumns = List.copyOf(wrapped);
        table.setColumnResizePolicy(new FitToWidth());
        TableData loaded = model.tableProperty().get();
        if (loaded != null) {
            buildColumns(loaded);
        }
    }

    /** Whether the columns shown were sized by rows (not by their headers alone, for a table with none). */
    private boolean widthsFromRows;

    private static final String FULL_WIDTH = "full-width";
    private static final String CHOSEN_WIDTH = "chosen-width";

    /**
     * The columns of a table fitting its width ({@link #fitToWidth}): each at its least, then the room left to the
     * wrapped columns in order and the identifiers, up to their values' widths, the rest to the first wrapped one.
     * A column the analyst drags keeps the width given.
     */
    private final class FitToWidth extends javafx.scene.control.ConstrainedColumnResizeBase
            implements javafx.util.Callback<TableView.ResizeFeatures, Boolean> {
        @Override
        public Boolean call(TableView.ResizeFeatures features) {
            @SuppressWarnings("unchecked")
            TableColumn<String[], ?> dragged = (TableColumn<String[], ?>) features.getColumn();
            if (dragged != null && features.getDelta() != null) {
                dragged.getProperties().put(CHOSEN_WIDTH,
                        Math.max(dragged.getMinWidth(), dragged.getWidth() + features.getDelta()));
            }
            List<TableColumn<String[], ?>> shown = table.getVisibleLeafColumns();
            Map<TableColumn<String[], ?>, Double> widths = new java.util.LinkedHashMap<>();
            List<TableColumn<String[], ?>> growing = new java.util.ArrayList<>();
            double used = 0;
            for (TableColumn<String[], ?> column : shown) {
                Object chosen = column.getProperties().get(CHOSEN_WIDTH);
                Object full = column.getProperties().get(FULL_WIDTH);
                boolean grows = wrappedColumns.contains(column.getUserData())
                        || identifierColumns.contains(column.getUserData());
                double width = chosen instanceof Double w ? w : grows ? column.getMinWidth()
                        : full instanceof Double w ? Math.max(w, column.getMinWidth()) : column.getWidth();
                if (grows && chosen == null) {
                    growing.add(column);
                }
                widths.put(column, width);
                used += width;
            }
            growing.sort(java.util.Comparator.comparingInt(c -> wrappedColumns.contains(c.getUserData())
                    ? wrappedColumns.indexOf(c.getUserData()) : wrappedColumns.size()));
            double room = features.getContentWidth() - used;
            // Short of room for every text on one line, each column first takes the least width at which its text
            // takes as few lines as the room allows for all: given in order up to their full widths, the summaries
            // took it all at 1366 px (one line each) and left the checks and ids beside them three lines tall.
            for (Map.Entry<TableColumn<String[], ?>, Double> least : fewestLines(growing, widths, room).entrySet()) {
                room -= least.getValue() - widths.get(least.getKey());
                widths.put(least.getKey(), least.getValue());
            }
            for (TableColumn<String[], ?> column : growing) {
                double full = column.getProperties().get(FULL_WIDTH) instanceof Double w ? w : 0;
                double more = Math.max(0, Math.min(room, full - widths.get(column)));
                widths.merge(column, more, Double::sum);
                room -= more;
            }
            if (room > 0 && !growing.isEmpty()) {
                widths.merge(growing.get(0), room, Double::sum);
            }
            boolean changed = false;
            for (Map.Entry<TableColumn<String[], ?>, Double> entry : widths.entrySet()) {
                double width = Math.floor(entry.getValue());
                changed |= Math.abs(entry.getKey().getWidth() - width) >= 0.5;
                features.setColumnWidth(entry.getKey(), width);
            }
            if (changed && !refreshing) {
                // Rows keep the height measured at the widths before: at 1440 px they stood three lines tall for
                // summaries now on one. The same rows given again are measured again (as after a filter).
                refreshing = true;
                javafx.application.Platform.runLater(() -> {
                    refreshing = false;
                    int selected = table.getSelectionModel().getSelectedIndex();
                    items.replace(items.rows());
                    if (selected >= 0) {
                        table.getSelectionModel().clearAndSelect(selected);
                    }
                });
            }
            return true;
        }

        private boolean refreshing;

        /**
         * The widths, each at least the column's width now and at most its full width, at which every value of the
         * {@code growing} columns takes the fewest lines that {@code room} more pixels allow: one line each, else two,
         * and so on. Empty when even the most lines tried do not fit, or everything fits on one line anyway.
         */
        private Map<TableColumn<String[], ?>, Double> fewestLines(List<TableColumn<String[], ?>> growing,
                                                                   Map<TableColumn<String[], ?>, Double> widths,
                                                                   double room) {
            javafx.scene.text.Font font = cellFont();
            for (int lines = 1; lines <= MOST_LINES; lines++) {
                Map<TableColumn<String[], ?>, Double> least = new java.util.LinkedHashMap<>();
                double more = 0;
                for (TableColumn<String[], ?> column : growing) {
                    if (!wrappedColumns.contains(column.getUserData())) {
                        // An identifier cut in its middle takes one line at any width.
                        continue;
                    }
                    double full = column.getProperties().get(FULL_WIDTH) instanceof Double w ? w : widths.get(column);
                    double width = leastWidth(column, widths.get(column), full, lines, font);
                    if (width < 0) {
                        more = Double.MAX_VALUE;
                        break;
                    }
                    least.put(column, width);
                    more += width - widths.get(column);
                }
                if (more <= room) {
                    return lines == 1 ? Map.of() : least;
                }
            }
            return Map.of();
        }

        /** The least width from {@code from} to {@code to} at which each value takes at most {@code lines}; else -1. */
        private double leastWidth(TableColumn<String[], ?> column, double from, double to, int lines,
                                  javafx.scene.text.Font font) {
            List<WrappedTextCell.Pieces> values = piecesOf(column, font);
            // The cell pads its text as widthFor counts it: half an em each side and a little.
            double padding = font.getSize() + 6;
            java.util.function.DoublePredicate fits = width -> values.stream()
                    .allMatch(v -> v.lines(width - padding) <= lines);
            if (!fits.test(to)) {
                return -1;
            }
            double low = from;
            double high = to;
            if (fits.test(low)) {
                return low;
            }
            while (high - low > 1) {
                double middle = Math.floor((low + high) / 2);
                if (fits.test(middle)) {
                    high = middle;
                } else {
                    low = middle;
                }
            }
            // A flow breaks a pixel or two early where the measure of a run and of its words differ.
            return Math.min(to, high + 2);
        }

        /** The rows' values of {@code column} as pieces a line keeps whole, measured once for the rows shown. */
        @SuppressWarnings("unchecked")
        private List<WrappedTextCell.Pieces> piecesOf(TableColumn<String[], ?> column, javafx.scene.text.Font font) {
            List<String[]> rows = List.copyOf(table.getItems());
            Object cached = column.getProperties().get(PIECES);
            if (cached instanceof Object[] pair && pair[0].equals(rows) && pair[1].equals(font)) {
                return (List<WrappedTextCell.Pieces>) pair[2];
            }
            int index = column.getProperties().get("row-index") instanceof Integer i ? i : -1;
            List<WrappedTextCell.Pieces> pieces = rows.stream().map(row -> index >= 0 && index < row.length
                    ? row[index] : "").filter(value -> !value.isEmpty())
                    .map(value -> WrappedTextCell.pieces(value, font)).toList();
            column.getProperties().put(PIECES, new Object[] {rows, font, pieces});
            return pieces;
        }
    }

    /** Lines a fitted table's wrapped cells are tried at, fewest first ({@link FitToWidth}). */
    private static final int MOST_LINES = 4;
    private static final String PIECES = "wrapped-pieces";

    /** A wrapped column gives up room down to this: about a dozen characters a line. */
    static final double MIN_WRAPPED_WIDTH = 120;
    /** An identifier column of a table fitting its width gives up room down to this ("I-2025…RATE"). */
    static final double MIN_ID_WIDTH = 96;

    /**
     * Makes {@code column}'s cells draw {@code graphic}'s node for their value before the text (none where it gives
     * null): a severity's icon, so the word reads at a glance as on the alert cards. The text stays the file's.
     */
    public void setCellGraphic(String column, java.util.function.Function<String, javafx.scene.Node> graphic) {
        cellGraphics.put(column, graphic);
        TableData loaded = model.tableProperty().get();
        if (loaded != null) {
            buildColumns(loaded);
        }
    }

    /**
     * Hides the search and its row count, for a table of a few rows read at a glance (a journey's six models): at
     * 1024×768 the search's line took the room of a row and a half.
     */
    public void hideSearch() {
        bar.setVisible(false);
        bar.setManaged(false);
        footer.setVisible(false);
        footer.getProperties().put(NO_COUNT, Boolean.TRUE);
    }

    private static final String NO_COUNT = "no-count";

    /**
     * Replaces what double-click and Enter do (the row's fields) with another action, e.g. a file's findings; the row
     * menu offers it first as {@code menuText} and keeps "Show all fields".
     */
    public void setOnOpenRow(String menuText, Consumer<String[]> action) {
        this.openRowText = menuText;
        this.onOpenRow = action;
    }

    /**
     * Offers {@code action} on the selected row in the row menu (right click, Shift+F10, the Menu key), first, under
     * {@code menuText} ("Show its alerts", "Open journey (Ctrl+J)"). A screen's button for the selected row in the bar
     * above was reached by Tab alone from the keyboard, and not from the row itself with the mouse.
     */
    public void addRowAction(String menuText, Consumer<String[]> action) {
        rowActions.add(new RowAction(menuText, action));
    }

    /** The values ticked in {@code column}'s value filter, as the analyst or {@link #showOnly} ticked them. */
    public javafx.collections.ObservableList<String> tickedValues(String column) {
        return valueFilter(column).getCheckModel().getCheckedItems();
    }

    /** Opens the row's details (a count or share as its cell reads, and as the file holds it); gives the dialog. */
    public javafx.scene.control.Dialog<Void> showRowDetails(String[] row) {
        javafx.scene.control.Dialog<Void> dialog = RowDetailsDialog.create(
                getScene() == null ? null : getScene().getWindow(), model.fields(row), codeColumns, model::shown);
        dialog.show();
        return dialog;
    }

    /**
     * Shows {@code other} (a chart of the same rows) in the table's place, below the same search and value filters,
     * so filtering goes on as the rows are looked at another way; null shows the table again.
     */
    public void showInstead(javafx.scene.Node other) {
        if (instead != null) {
            center.getChildren().remove(instead);
        }
        instead = other;
        if (other != null) {
            center.getChildren().add(1, other);
        }
        layOutCenter();
    }

    private void layOutCenter() {
        table.setVisible(!nothingToShow && instead == null);
        if (instead != null) {
            instead.setVisible(!nothingToShow);
        }
    }

    private void showEmpty(String reason) {
        boolean none = reason != null && !reason.isBlank();
        nothingToShow = none;
        empty.setVisible(none);
        layOutCenter();
        bar.setDisable(none);
        if (none) {
            empty.show("Nothing to show yet", reason);
        }
    }

    private void buildColumns(TableData data) {
        buildColumns(data, false);
    }

    /**
     * Makes the table's columns for {@code data}; with {@code keepChoices} (the same table read again after a run),
     * the columns of the names shown before keep their order, width, shown or hidden, and the sort. A run reset them:
     * the columns hidden came back, and the rows stayed sorted with no arrow on the header to say by what.
     */
    private void buildColumns(TableData data, boolean keepChoices) {
        // Widths an empty table gave (its headers') are not the analyst's: the journey's credit table of a client
        // with no order kept "model" header-wide, and the next client's read "Last no…" for "Last non-direct".
        boolean keepWidths = widthsFromRows;
        widthsFromRows = data.size() > 0;
        Map<String, TableColumn<String[], ?>> before = new java.util.LinkedHashMap<>();
        String sortedBy = null;
        TableColumn.SortType sortType = TableColumn.SortType.ASCENDING;
        if (keepChoices) {
            for (TableColumn<String[], ?> column : table.getColumns()) {
                before.put((String) column.getUserData(), column);
            }
            if (!table.getSortOrder().isEmpty()) {
                sortedBy = (String) table.getSortOrder().get(0).getUserData();
                sortType = table.getSortOrder().get(0).getSortType();
            }
        }
        // Reset before the columns go, so their going does not ask the model to stop sorting: read again, the rows
        // are sorted by the same column, whose header shows it again below.
        boolean wasSorted = lastSortColumn != null;
        lastSortColumn = null;
        lastAscending = true;
        table.getColumns().clear();
        if (wasSorted && !keepChoices) {
            model.setSort(null, true);
        }
        List<String> columns = data.columns();
        List<List<String>> sample = new java.util.ArrayList<>(ColumnSample.of(data));
        javafx.scene.text.Font font = cellFont();
        for (int c = 0; c < columns.size(); c++) {
            int index = c;
            TableColumn<String[], String> column = new TableColumn<>(columns.get(c));
            column.setUserData(columns.get(c));
            column.getProperties().put("row-index", index);
            // A count reads "3,500" as the lines above the table say it, money to the cent; the row keeps the
            // file's "3500" and "333.917779" for the sort, the filters, copy and export.
            NumberCells.Kind kind = NumberCells.kindOf(columns.get(c), data.looksNumeric(c));
            column.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(index >= p.getValue().length ? ""
                    : NumberCells.shown(kind, p.getValue()[index])));
            if (kind != NumberCells.Kind.AS_WRITTEN) {
                sample.set(c, sample.get(c).stream().map(v -> NumberCells.shown(kind, v)).toList());
            }
            if (data.looksNumeric(c)) {
                column.getStyleClass().add("numeric");
            }
            boolean identifier = identifierColumns.contains(columns.get(c));
            boolean wrapped = wrappedColumns != null && wrappedColumns.contains(columns.get(c));
            if (wrapped) {
                column.setCellFactory(col -> new WrappedTextCell());
            } else if (codeColumns.contains(columns.get(c)) && !data.looksNumeric(c)) {
                column.setCellFactory(col -> new CodeTextCell());
            } else if (identifier) {
                column.setCellFactory(col -> new TextCell(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS));
            } else {
                java.util.function.Function<String, javafx.scene.Node> graphic = cellGraphics.get(columns.get(c));
                column.setCellFactory(col -> new TextCell(graphic));
            }
            // A mark before the text takes its width and the gap to the text: "CRITICAL" was cut to "CRIT…".
            // The header has no mark: a header wider than its values takes no more room.
            double mark = cellGraphics.containsKey(columns.get(c)) ? font.getSize() * 1.5 + 4 : 0;
            double width = mark == 0 ? widthFor(columns.get(c), sample.get(c), font)
                    : Math.max(widthFor(columns.get(c), List.of(), font),
                    Math.min(MAX_COLUMN_WIDTH, widthFor("", sample.get(c), font) + mark));
            column.setPrefWidth(identifier ? Math.min(ID_COLUMN_WIDTH, width) : width);
            column.getProperties().put(FULL_WIDTH, width);
            if (wrappedColumns != null) {
                // Fitting the width: wrapped text and cut ids give up room, a date or a count never is cut.
                column.setMinWidth(wrapped ? Math.min(width, Math.max(MIN_WRAPPED_WIDTH,
                        widthFor(columns.get(c), sample.get(c).stream().flatMap(v -> WrappedTextCell.unbroken(v).stream())
                                .toList(), font)))
                        : identifier ? Math.min(width, Math.max(MIN_ID_WIDTH, widthFor(columns.get(c), List.of(), font))) : width);
            }
            table.getColumns().add(column);
        }
        List<String> first = before.isEmpty() ? leadingColumns : List.copyOf(before.keySet());
        if (!first.isEmpty()) {
            List<TableColumn<String[], ?>> ordered = new java.util.ArrayList<>();
            for (String name : first) {
                table.getColumns().stream().filter(col -> name.equals(col.getUserData())).findFirst()
                        .ifPresent(ordered::add);
            }
            table.getColumns().stream().filter(col -> !ordered.contains(col)).forEach(ordered::add);
            table.getColumns().setAll(ordered);
        }
        for (TableColumn<String[], ?> column : table.getColumns()) {
            TableColumn<String[], ?> previous = before.get(column.getUserData());
            if (previous != null) {
                if (keepWidths) {
                    column.setPrefWidth(previous.getWidth());
                }
                column.setVisible(previous.isVisible());
            }
            if (column.getUserData().equals(sortedBy)) {
                // The model sorts the new rows by the same column already: the policy sees no change to ask for.
                column.setSortType(sortType);
                lastSortColumn = sortedBy;
                lastAscending = sortType == TableColumn.SortType.ASCENDING;
                table.getSortOrder().setAll(List.of(column));
            }
        }
        // The rows on hand make cells for the new columns during a layout, before CSS reached them, when the table
        // was hidden meanwhile (its file gone during a run, or a tab not selected). JavaFX's TableRowSkinBase then sets
        // TOP_LEFT in code on any cell of a row taller than 24 px whose alignment no style set yet, which outranks
        // the theme's BASELINE_LEFT for good: text drawn at the top of most rows, centred in others, numbers (set by
        // our stylesheet) lower than the text beside them. refresh() has the table make new rows, styled before use.
        table.refresh();
    }

    /** A column starts no wider than this: a 5 KB user agent would hide every other column. */
    static final double MAX_COLUMN_WIDTH = 340;
    private static final double MIN_COLUMN_WIDTH = 60;
    /** An identifier column starts no wider than this: its start and end show ("17402…qq7H-1"), cut in between. */
    static final double ID_COLUMN_WIDTH = 130;

    /**
     * Wide enough for the header and the sampled values as the table's font draws them, up to
     * {@link #MAX_COLUMN_WIDTH}; a cell cut beyond it shows its whole text in a tooltip ({@link TextCell}). Counting
     * characters at 7.5 px each cut upper-case codes ("TRANSACTION_ID_COLLI…"), whose letters are wider.
     */
    static double widthFor(String name, List<String> values, javafx.scene.text.Font font) {
        double em = font.getSize();
        javafx.scene.text.Text text = new javafx.scene.text.Text(name);
        // The header is bold, with the sort arrow beside its name once sorted.
        text.setFont(javafx.scene.text.Font.font(font.getFamily(), javafx.scene.text.FontWeight.BOLD, em));
        double widest = text.getLayoutBounds().getWidth() + em + 18;
        text.setFont(font);
        for (String value : values) {
            if (widest >= MAX_COLUMN_WIDTH) {
                break;
            }
            // One line as the cell draws it; the cell pads half an em each side.
            text.setText(value.replaceAll("\\s*[\\r\\n]+\\s*", " "));
            widest = Math.max(widest, text.getLayoutBounds().getWidth() + em + 6);
        }
        return Math.ceil(Math.max(MIN_COLUMN_WIDTH, Math.min(MAX_COLUMN_WIDTH, widest)));
    }

    /** The font the table's cells take from the stylesheet (the theme's, at the app's size), read off a probe. */
    private javafx.scene.text.Font cellFont() {
        if (getScene() != null) {
            fontProbe.applyCss();
        }
        return fontProbe.getFont();
    }

    private static String label(String column) {
        String spaced = column.replace('_', ' ');
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** The table's items: the model's current rows, replaced as a whole in one change. */
    private static final class ViewItems extends javafx.collections.ObservableListBase<String[]> {
        private List<String[]> rows = List.of();

        void replace(List<String[]> now) {
            List<String[]> old = rows;
            rows = now;
            // One change replacing everything, its removed rows the old view itself: the list's own change builder
            // copies every removed element, which read the whole previous view from disk.
            List<String[]> removed = java.util.Collections.unmodifiableList(old);
            fireChange(new javafx.collections.ListChangeListener.Change<>(this) {
                private boolean stepped;

                @Override
                public boolean next() {
                    if (stepped) {
                        return false;
                    }
                    stepped = true;
                    return true;
                }

                @Override
                public void reset() {
                    stepped = false;
                }

                @Override
                public int getFrom() {
                    return 0;
                }

                @Override
                public int getTo() {
                    return now.size();
                }

                @Override
                public List<String[]> getRemoved() {
                    return removed;
                }

                @Override
                protected int[] getPermutation() {
                    return new int[0];
                }
            });
        }

        /** The rows as the model gave them (for export: they read in batches, not one by one). */
        List<String[]> rows() {
            return rows;
        }

        @Override
        public String[] get(int index) {
            return rows.get(index);
        }

        @Override
        public int size() {
            return rows.size();
        }
    }

    /** The rows shown, filtered and sorted, as the model holds them. */
    public List<String[]> shownRows() {
        return items.rows();
    }

    static List<Map.Entry<String, String>> fieldsOf(DataTableModel model, String[] row) {
        return model.fields(row);
    }
}
