package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.ui.monitor.MonitoringScreen;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The selected alert card stays readable in both themes: its "Next:" line, muted grey on the light theme's blue
 * selection, read 3.4:1 (WCAG AA asks 4.5:1). The selection is translucent, so the background measured here is the
 * selection laid over what is under it, as the screen paints it.
 */
@ExtendWith(ApplicationExtension.class)
class MonitoringSelectedAlertContrastFxTest {
    @TempDir
    static Path dir;
    @RegisterExtension
    final ScreenFixture fixture = new ScreenFixture();
    Stage window;

    @Start
    void start(Stage stage) throws Exception {
        window = stage;
        fixture.openNewFolder(dir);
        fixture.write(StageId.MONITOR, "alerts.csv", UiFixtures.TWO_CRITICAL_ONE_WARNING);
        fixture.write(StageId.MONITOR, "incidents.csv", "incident_id,check,first_date,last_date,alerts,worst_severity,"
                + "summary\n");
        fixture.write(StageId.MONITOR, "metrics.csv", "date,metric,value,baseline,band_low,band_high,fired\n"
                + "2025-01-07,events,40,100,60,140,true\n");
        fixture.showScreen(stage, MonitoringScreen::new, 780, 560);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    @SuppressWarnings("unchecked")
    void theSelectedAlertsWordsReadOnItsSelection(boolean dark, FxRobot robot) throws Exception {
        ListView<Object> list = robot.lookup("#alert-list").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 3);
        robot.interact(() -> Theme.apply(window.getScene(), dark, null));
        // Each severity's card: a critical, another critical, a warning.
        for (int index = 0; index < 3; index++) {
            int at = index;
            robot.interact(() -> {
                list.requestFocus();
                list.getSelectionModel().clearAndSelect(at);
            });
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                window.getScene().getRoot().applyCss();
                window.getScene().getRoot().layout();
            });
            WaitForAsyncUtils.waitForFxEvents();
            ListCell<?> selected = robot.from(list).lookup(".list-cell").queryAllAs(ListCell.class).stream()
                    .filter(c -> c.isSelected() && c.getItem() != null).findFirst().orElseThrow();
            List<String> unreadable = new ArrayList<>();
            List<String> read = new ArrayList<>();
            robot.interact(() -> collect(selected, unreadable, read));
            assertThat(read).as("the card's words, the Next line among them").anyMatch(t -> t.startsWith("Next:"));
            assertThat(unreadable).as("alert %d", at).isEmpty();
        }
    }

    private static void collect(Node node, List<String> unreadable, List<String> read) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Text text && !text.getText().isBlank() && text.getFill() instanceof Color fill) {
            read.add(text.getText());
            double ratio = Wcag.contrast(fill, painted(node));
            boolean large = text.getFont().getSize() >= 18
                    || text.getFont().getSize() >= 14 && text.getFont().getStyle().contains("Bold");
            if (ratio < (large ? 3 : 4.5)) {
                unreadable.add(String.format(java.util.Locale.ROOT, "'%s' %.2f", text.getText(), ratio));
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, unreadable, read);
            }
        }
    }

    /** The color behind a node: every covering fill from the window down to it, translucent ones laid over. */
    private static Color painted(Node node) {
        List<Region> chain = new ArrayList<>();
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof Region region) {
                chain.add(0, region);
            }
        }
        Color under = Color.WHITE;
        for (Region region : chain) {
            if (region.getBackground() == null) {
                continue;
            }
            for (BackgroundFill fill : region.getBackground().getFills()) {
                if (fill.getFill() instanceof Color color && fill.getInsets().getTop() < region.getHeight() / 2) {
                    double a = color.getOpacity();
                    under = Color.color(color.getRed() * a + under.getRed() * (1 - a),
                            color.getGreen() * a + under.getGreen() * (1 - a),
                            color.getBlue() * a + under.getBlue() * (1 - a));
                }
            }
        }
        return under;
    }
}
