package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.ui.transform.TransformScreen;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
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
 * At 1024×768 a journey's credit table showed 2.5 of its six models: the timeline had a share of a split it drew
 * nothing in, and the table a search line and a hint line over six rows.
 */
@ExtendWith(ApplicationExtension.class)
class JourneyRoomFxTest {
    @TempDir
    static Path dir;
    @RegisterExtension
    final ScreenFixture fixture = new ScreenFixture();
    TransformScreen screen;

    @Start
    void start(Stage stage) throws Exception {
        fixture.openNewFolder(dir);
        UiFixtures.transform(fixture.output());
        // The Transform screen's size in a 1024×768 window.
        screen = fixture.showScreen(stage, TransformScreen::new, 776, 552);
    }

    @Test
    void fiveOfTheSixModelsCreditsAreWholeInViewAt1024(FxRobot robot) throws Exception {
        robot.interact(() -> screen.openJourney("1740268798-lvfV1k5nHCN8"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#journey-header").queryAs(Label.class)
                .getText().startsWith("Client 1740268798-lvfV1k5nHCN8"));
        TableView<?> credits = robot.lookup("#credits-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> credits.getItems().size() == 6);
        WaitForAsyncUtils.waitForFxEvents();
        Bounds table = credits.localToScene(credits.getLayoutBounds());
        long whole = robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(row -> row.getTableView() == credits && !row.isEmpty() && row.isVisible())
                .filter(row -> {
                    Bounds bounds = ((Node) row).localToScene(((Node) row).getLayoutBounds());
                    return bounds.getMaxY() <= table.getMaxY() + 0.5;
                }).count();
        assertThat(whole).as("models whose row is whole in view").isGreaterThanOrEqualTo(5);
        assertThat(shown(robot.lookup("#credits-search").query())).as("no search over six rows").isFalse();
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
