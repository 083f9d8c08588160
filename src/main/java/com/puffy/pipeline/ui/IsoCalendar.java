package com.puffy.pipeline.ui;

import com.sun.javafx.scene.control.DatePickerContent;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.chrono.IsoChronology;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.DateCell;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.skin.DatePickerSkin;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;

/**
 * A date picker whose pop-up calendar reads as its field and the rest of the app, on any machine (decisions 0640,
 * 0819). JavaFX takes the calendar's chronology from the machine's locale (Buddhist years on a Thai machine, 2568 for
 * 2025; imperial eras on a Japanese one) while the field beside it shows ISO dates, and writes the month, the year, the
 * weekdays and the day numbers in the locale's words and digits ("März", "Mo", Arabic-Indic digits), with ISO week
 * numbers on a European machine. Here the calendar is ISO, its words American English and its digits ASCII, as every
 * date the app writes; the first day of the week stays the machine's.
 */
final class IsoCalendar {
    private IsoCalendar() {
    }

    /** Makes {@code picker}'s calendar ISO and English, marking {@code today} as today. */
    static void apply(DatePicker picker, Supplier<LocalDate> today) {
        picker.setChronology(IsoChronology.INSTANCE);
        picker.setShowWeekNumbers(false);
        picker.setDayCellFactory(p -> new DateCell() {
            @Override
            public void updateItem(LocalDate item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("today");
                if (!empty && item != null) {
                    // JavaFX wrote the number just before, in the locale's digits.
                    setText(Integer.toString(item.getDayOfMonth()));
                    if (item.equals(today.get())) {
                        getStyleClass().add("today");
                    }
                }
            }
        });
        picker.addEventHandler(ComboBoxBase.ON_SHOWN, e -> english(picker));
    }

    private static void english(DatePicker picker) {
        // JavaFX's calendar (an internal class) is the only way to its month; another JavaFX keeps its own words.
        if (!(picker.getSkin() instanceof DatePickerSkin skin)
                || !(skin.getPopupContent() instanceof DatePickerContent calendar)
                || !(calendar.lookup(".month-year-pane") instanceof BorderPane monthYear)) {
            return;
        }
        if (calendar.getProperties().putIfAbsent("iso-calendar", Boolean.TRUE) == null) {
            keep(label(monthYear.getLeft()), () -> month(calendar.displayedYearMonthProperty().get()));
            keep(label(monthYear.getRight()), () -> Integer.toString(calendar.displayedYearMonthProperty().get()
                    .getYear()));
            calendar.displayedYearMonthProperty().addListener((obs, old, now) -> weekdays(calendar));
        }
        weekdays(calendar);
    }

    private static String month(YearMonth shown) {
        return shown.getMonth().getDisplayName(TextStyle.FULL, Locale.US);
    }

    /** The weekday names over the columns, each the weekday of the days under it. */
    private static void weekdays(DatePickerContent calendar) {
        List<Node> names = List.copyOf(calendar.lookupAll(".day-name-cell"));
        List<Node> days = List.copyOf(calendar.lookupAll(".day-cell"));
        for (int i = 0; i < names.size() && i < days.size(); i++) {
            if (names.get(i) instanceof DateCell name && days.get(i) instanceof DateCell day
                    && day.getItem() != null) {
                name.setText(day.getItem().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US));
            }
        }
    }

    private static Label label(Node spinner) {
        if (spinner instanceof Pane pane) {
            for (Node child : pane.getChildren()) {
                if (child instanceof Label label) {
                    return label;
                }
            }
        }
        return null;
    }

    /** Keeps {@code label} saying {@code text}: JavaFX writes it again, in the locale's words, on every month shown. */
    private static void keep(Label label, Supplier<String> text) {
        if (label == null) {
            return;
        }
        label.setText(text.get());
        label.textProperty().addListener((obs, old, now) -> {
            String wanted = text.get();
            if (!wanted.equals(now)) {
                label.setText(wanted);
            }
        });
    }
}
