package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The day axis's ticks, on the JavaFX thread an axis needs. */
@ExtendWith(ApplicationExtension.class)
class DayAxisFxTest {
    @Start
    void start(Stage stage) {
        // No window: the axis is measured on its own.
    }

    @Test
    void aResultWithoutDaysLeavesNoDayOfThePreviousResultOnTheAxis(FxRobot robot) {
        List<List<Number>> ticks = new java.util.ArrayList<>();
        robot.interact(() -> {
            DayAxis axis = new DayAxis();
            long first = LocalDate.of(2025, 2, 23).toEpochDay();
            axis.span(first, first + 13, false);
            ticks.add(axis.calculateTickValues(1200, null));
            axis.clear();
            ticks.add(axis.calculateTickValues(1200, null));
        });
        assertThat(ticks.get(0)).as("14 days on a wide axis, one label a day").hasSize(14);
        assertThat(ticks.get(1)).as("after clear()").isEmpty();
    }
}
