package com.puffy.pipeline.ui.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.ui.NumberAxes;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Analysis charts' value axes label their last gridline at every size: the channel chart at 1440 px (Direct at
 * $78,624 under an axis to $80k) showed "$0 $20k $40k $60k" and an unlabelled last line.
 */
@ExtendWith(ApplicationExtension.class)
class ValueAxisEndsFxTest {
    Stage window;

    @Start
    void start(Stage stage) {
        window = stage;
    }

    @Test
    void aHorizontalValueAxisLabelsItsLastTickAtEveryWidth(FxRobot robot) {
        assertThat(sizesHidingTheLastLabel(robot, false)).as("widths without \"80,000\"").isEmpty();
    }

    @Test
    void aVerticalValueAxisLabelsBothEndsAtEveryHeight(FxRobot robot) {
        assertThat(sizesHidingTheLastLabel(robot, true)).as("heights without \"0\" or \"80,000\"").isEmpty();
    }

    private List<Integer> sizesHidingTheLastLabel(FxRobot robot, boolean vertical) {
        List<Integer> hidden = new ArrayList<>();
        robot.interact(() -> {
            // The app's axes write their own labels (NumberAxes); EndTicks reveals those.
            NumberAxis values = NumberAxes.counts();
            XYChart<?, ?> chart;
            if (vertical) {
                BarChart<String, Number> bars = new EndLabelledBarChart<>(new CategoryAxis(), values);
                XYChart.Series<String, Number> s = new XYChart.Series<>();
                s.getData().add(new XYChart.Data<>("Direct", 78_624));
                bars.getData().add(s);
                chart = bars;
            } else {
                BarChart<Number, String> bars = new EndLabelledBarChart<>(values, new CategoryAxis());
                XYChart.Series<Number, String> s = new XYChart.Series<>();
                s.getData().add(new XYChart.Data<>(78_624, "Direct"));
                bars.getData().add(s);
                chart = bars;
            }
            chart.setAnimated(false);
            com.puffy.pipeline.ui.CountAxis.wholeNumbersUpTo(values, 78_624);
            StackPane root = new StackPane(chart);
            window.setScene(new Scene(root, 600, 400));
            window.show();
            for (int size = 300; size <= 1400; size++) {
                chart.resize(vertical ? 400 : size, vertical ? size : 400);
                chart.layout();
                values.layout();
                List<String> shown = values.getChildrenUnmodifiable().stream()
                        .filter(n -> n instanceof Text t && t.isVisible()).map(n -> ((Text) n).getText()).toList();
                if (!shown.contains("80,000") || !shown.contains("0")) {
                    hidden.add(size);
                }
            }
        });
        return hidden;
    }
}
