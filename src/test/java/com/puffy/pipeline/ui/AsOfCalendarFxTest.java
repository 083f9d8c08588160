package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.engine.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.TimeZone;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.DateCell;
import javafx.scene.control.DatePicker;
import javafx.scene.control.skin.DatePickerSkin;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The As of calendar counts days in UTC, as Monitoring does, on a machine whose local date is another day. */
@ExtendWith(ApplicationExtension.class)
class AsOfCalendarFxTest {
    @TempDir
    static Path dir;
    final TimeZone machine = TimeZone.getDefault();
    Preferences prefs;
    MainViewModel vm;
    DatePicker picker;

    @Start
    void start(Stage stage) throws Exception {
        // A zone whose date is not UTC's now: 14 hours ahead in the UTC afternoon, 12 behind in the morning.
        int hour = ZonedDateTime.now(ZoneOffset.UTC).getHour();
        TimeZone.setDefault(TimeZone.getTimeZone(ZoneId.of(hour >= 12 ? "Etc/GMT-14" : "Etc/GMT+12")));
        Path input = Files.createDirectories(dir.resolve("live-" + System.nanoTime()));
        Files.writeString(input.resolve("events_20250101.csv"), "client_id,timestamp,event_name\n");
        prefs = Preferences.userRoot().node("eventpipe-test/asof-cal-" + System.nanoTime());
        UiThreads threads = UiThreads.javafx();
        vm = new MainViewModel(new Pipeline(List.of()), threads, new RecentFolders(prefs), d -> d, Clock.systemUTC());
        vm.cacheEnabledProperty().set(false);
        MainView view = StudioApp.build(vm, threads, null, prefs);
        stage.setScene(view.createScene(1280, 800));
        stage.show();
        vm.openFolder(input);
    }

    @AfterEach
    void tearDown(FxRobot robot) throws Exception {
        robot.interact(() -> picker.hide());
        TimeZone.setDefault(machine);
        prefs.removeNode();
    }

    @Test
    void theCalendarMarksAndOpensOnTodayInUtcNotTheMachinesLocalDay(FxRobot robot) {
        LocalDate utc = LocalDate.now(ZoneOffset.UTC);
        LocalDate local = LocalDate.now();
        assertThat(local).as("the test's premise").isNotEqualTo(utc);
        picker = robot.lookup("#as-of").queryAs(DatePicker.class);
        assertThat(picker.getValue()).as("no date set: the default, today (UTC)").isNull();
        robot.interact(picker::show);
        WaitForAsyncUtils.waitForFxEvents();

        Node calendar = ((DatePickerSkin) picker.getSkin()).getPopupContent();
        List<DateCell> days = calendar.lookupAll(".day-cell").stream().map(DateCell.class::cast).toList();
        assertThat(days.stream().filter(d -> d.getStyleClass().contains("today")).map(DateCell::getItem).toList())
                .as("the one day marked today").containsExactly(utc);
        assertThat(days.stream().filter(Node::isFocused).map(DateCell::getItem).toList())
                .as("the day the calendar opens on").containsExactly(utc);
    }
}
