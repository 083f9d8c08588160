package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.ui.monitor.MonitoringScreen;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.Axis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A count charted on Monitoring steps in whole numbers: orders_collided (0 on most days, 2 on one) had its axis read
 * "0.25, 0.5 … 2.25" orders. A share on the same chart keeps its automatic, fractional axis.
 */
@ExtendWith(ApplicationExtension.class)
class MonitoringCountAxisFxTest {
    @TempDir
    static Path dir;
    @RegisterExtension
    final ScreenFixture fixture = new ScreenFixture();

    @Start
    void start(Stage stage) throws Exception {
        fixture.openNewFolder(dir);
        fixture.write(StageId.MONITOR, "alerts.csv", """
                alert_id,date,check,severity,metric,value,baseline,threshold,message,suggested_action
                A1,2025-01-07,TRANSACTION_ID_COLLISION,CRITICAL,orders_collided,2,,0,2 orders share an id.,Look up.
                A2,2025-01-06,BOT_SHARE,WARNING,bot_share,0.25,0.05,0.2,Bots made 25% of valid rows.,Check.
                """);
        fixture.write(StageId.MONITOR, "incidents.csv", "incident_id,check,first_date,last_date,alerts,worst_severity,"
                + "summary\n");
        StringBuilder metrics = new StringBuilder("date,metric,value,baseline,band_low,band_high,fired\n");
        for (int d = 1; d <= 14; d++) {
            String date = String.format("2025-01-%02d", d);
            metrics.append(date).append(",orders_collided,").append(d == 7 ? 2 : 0).append(",,,0,").append(d == 7)
                    .append('\n');
            metrics.append(date).append(",bot_share,").append(d == 6 ? 0.25 : 0.05).append(",0.05,,0.2,")
                    .append(d == 6).append('\n');
        }
        fixture.write(StageId.MONITOR, "metrics.csv", metrics);
        fixture.showScreen(stage, MonitoringScreen::new, 780, 560);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCountStepsByWholeOrdersAndAShareKeepsItsFractions(FxRobot robot) throws Exception {
        LineChart<Number, Number> chart = robot.lookup("#metric-chart").queryAs(LineChart.class);
        ComboBox<String> metric = robot.lookup("#metric-choice").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> chart.isVisible()
                && "orders_collided".equals(metric.getValue()));
        settle(robot, chart);
        List<Double> ticks = ticks((NumberAxis) chart.getYAxis());
        assertThat(ticks).as("the axis reaches the 2 collided orders").contains(0.0, 2.0);
        assertThat(ticks).as("whole orders only").allSatisfy(v -> assertThat(v).isEqualTo(Math.rint(v)));

        robot.interact(() -> metric.setValue("bot_share"));
        settle(robot, chart);
        assertThat(ticks((NumberAxis) chart.getYAxis())).as("a share still steps in fractions")
                .anySatisfy(v -> assertThat(v).isNotEqualTo(Math.rint(v)));
    }

    private static void settle(FxRobot robot, LineChart<Number, Number> chart) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            chart.getScene().getRoot().applyCss();
            chart.getScene().getRoot().layout();
            chart.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<Double> ticks(NumberAxis axis) {
        return axis.getTickMarks().stream().map(Axis.TickMark::getValue).map(Number::doubleValue).toList();
    }
}
