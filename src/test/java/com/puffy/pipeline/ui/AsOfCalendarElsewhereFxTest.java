package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.ElsewhereDefaults;
import com.puffy.pipeline.engine.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.DateCell;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.skin.DatePickerSkin;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The As of calendar on the machines of decision 0817 reads as its field ("2025-03-09") and the app: the ISO year
 * (not the Buddhist 2568 of a Thai machine or a Japanese era), English month and weekday names, ASCII day numbers
 * (decision 0819).
 */
@ExtendWith(ApplicationExtension.class)
class AsOfCalendarElsewhereFxTest {
    @TempDir
    static Path dir;
    Preferences prefs;
    DatePicker picker;

    @Start
    void start(Stage stage) throws Exception {
        Path input = Files.createDirectories(dir.resolve("events-" + System.nanoTime()));
        Files.writeString(input.resolve("events_20250101.csv"), "client_id,timestamp,event_name\n");
        prefs = Preferences.userRoot().node("eventpipe-test/asof-elsewhere-" + System.nanoTime());
        UiThreads threads = UiThreads.javafx();
        MainViewModel vm = new MainViewModel(new Pipeline(List.of()), threads, new RecentFolders(prefs), d -> d,
                Clock.systemUTC());
        vm.cacheEnabledProperty().set(false);
        MainView view = StudioApp.build(vm, threads, null, prefs);
        stage.setScene(view.createScene(1280, 800));
        stage.show();
        vm.openFolder(input);
    }

    @AfterEach
    void tearDown(FxRobot robot) throws Exception {
        if (picker != null) {
            robot.interact(() -> picker.hide());
        }
        prefs.removeNode();
    }

    static List<ElsewhereDefaults.Machine> machines() {
        return ElsewhereDefaults.MACHINES;
    }

    record Shown(String month, String year, List<String> weekdays, List<String> weekdaysOfTheDays,
                 List<String> dayTexts, List<String> dayNumbers, boolean weekNumbers) {
    }

    @ParameterizedTest
    @MethodSource("machines")
    void thePopUpWritesTheIsoYearEnglishNamesAndAsciiDays(ElsewhereDefaults.Machine machine, FxRobot robot)
            throws Exception {
        picker = robot.lookup("#as-of").queryAs(DatePicker.class);
        Shown shown = ElsewhereDefaults.on(machine, () -> {
            robot.interact(() -> {
                picker.setValue(LocalDate.of(2025, 3, 9));
                picker.show();
            });
            WaitForAsyncUtils.waitForFxEvents();
            return WaitForAsyncUtils.asyncFx(() -> read(picker)).get();
        });
        assertThat(picker.getEditor().getText()).as("the field").isEqualTo("2025-03-09");
        assertThat(shown.month()).as("month on " + machine).isEqualTo("March");
        assertThat(shown.year()).as("year on " + machine).isEqualTo("2025");
        assertThat(shown.weekdays()).as("weekday names on " + machine)
                .containsExactlyInAnyOrder("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat")
                .isEqualTo(shown.weekdaysOfTheDays());
        assertThat(shown.dayTexts()).as("day numbers on " + machine).hasSize(42).isEqualTo(shown.dayNumbers());
        assertThat(shown.weekNumbers()).as("week numbers on " + machine).isFalse();
    }

    private static Shown read(DatePicker picker) {
        Node calendar = ((DatePickerSkin) picker.getSkin()).getPopupContent();
        BorderPane monthYear = (BorderPane) calendar.lookup(".month-year-pane");
        List<DateCell> days = calendar.lookupAll(".day-cell").stream().map(DateCell.class::cast).toList();
        List<String> weekdays = calendar.lookupAll(".day-name-cell").stream().map(n -> ((DateCell) n).getText())
                .toList();
        return new Shown(label(monthYear.getLeft()), label(monthYear.getRight()), weekdays,
                days.stream().limit(weekdays.size())
                        .map(d -> d.getItem().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US)).toList(),
                days.stream().map(DateCell::getText).toList(),
                days.stream().map(d -> Integer.toString(d.getItem().getDayOfMonth())).toList(),
                picker.isShowWeekNumbers());
    }

    private static String label(Node spinner) {
        return ((Pane) spinner).getChildren().stream().filter(Label.class::isInstance).map(n -> ((Label) n).getText())
                .findFirst().orElseThrow();
    }
}
