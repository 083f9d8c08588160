package com.puffy.pipeline.ui.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import atlantafx.base.theme.PrimerLight;
import com.puffy.pipeline.ui.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A run rewrites the files under the tables, which then rebuild their columns while hidden (the file was gone for a
 * moment, or the tab was not selected). The rows' text was then drawn at the top of its rows in most rows and
 * centred in others (a row looked 11 px too high), and numbers sat lower than the text beside them.
 */
@ExtendWith(ApplicationExtension.class)
class TableReloadRowsFxTest {
    private static final String SUMMARY_HEADER = "file,partition_date,is_event_file,header,rows_read,rows_valid,"
            + "rows_quarantined,rows_duplicate,rows_missing_client_id,bytes,sha256,from_cache,status";
    @TempDir
    static Path dir;
    OneTableWindow window;

    @Start
    void start(Stage stage) {
        // The theme's rows (2.8em) are taller than the 24 px under which JavaFX leaves a cell's text alone.
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        // Narrower than the columns, as the Files table is at 1024 x 768.
        window = OneTableWindow.show(stage, "reload", List.of("is_event_file"), 780, 300,
                scene -> scene.getStylesheets().add(Theme.STYLESHEET));
    }

    @Test
    void everyRowDrawsItsTextAtTheSameHeightAfterTheTableIsReloadedWhileHidden(FxRobot robot) throws Exception {
        Path summary = csv("file_summary.csv", SUMMARY_HEADER, 21, i -> "events_202502" + (10 + i) + ".csv,2025-02-"
                + (10 + i) + "," + (i % 4 != 3) + ",\"client_id,page_url,referrer,timestamp,event_name\",3500,3465,35,0,"
                + "35," + (970_000 + i) + ",38899265887f7b0fa9bf33d6286e91a2476a3ea595871137613cff" + i + ",false,"
                + "event_file");
        Path findings = csv("findings.csv", "file,line,severity,code,column,value", 30,
                i -> "events_20250223.csv," + (33 + i) + ",WARNING,BOT_USER_AGENT,user_agent,Mozilla/5.0 " + i);
        robot.interact(() -> window.load(summary));
        window.waitForRows(21);
        assertRowsAligned("first load");

        // The run deletes the file before writing it again: the table is hidden behind "run it" meanwhile.
        robot.interact(() -> window.load(dir.resolve("not-written-yet.csv")));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.load(summary));
        window.waitForRows(21);
        assertRowsAligned("reloaded after the file was gone");

        // A tab not selected loads its file when shown, as Findings does after a run.
        robot.interact(() -> window.view().setVisible(false));
        robot.interact(() -> window.load(findings));
        window.waitForRows(30);
        robot.interact(() -> window.view().setVisible(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertRowsAligned("other columns loaded in a hidden tab");

        robot.interact(() -> window.load(summary));
        window.waitForRows(21);
        assertRowsAligned("first columns again");
    }

    /** Rows one below the other at the theme's row height, and every cell's text at the same height in its row. */
    private void assertRowsAligned(String when) {
        List<TableRow<?>> rows = new ArrayList<>();
        for (Node node : window.table().lookupAll(".table-row-cell")) {
            if (node instanceof TableRow<?> row && row.isVisible() && !row.isEmpty() && row.getIndex() >= 0) {
                rows.add(row);
            }
        }
        rows.sort(Comparator.comparingInt(TableRow::getIndex));
        assertThat(rows).as(when + ": rows drawn").hasSizeGreaterThan(3);
        double height = rows.get(0).getHeight();
        Set<Long> textTops = new TreeSet<>();
        StringBuilder seen = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            TableRow<?> row = rows.get(i);
            seen.append("row ").append(row.getIndex()).append(" at ").append(row.getLayoutY()).append(':');
            assertThat(row.getHeight()).as(when + ": height of row " + row.getIndex()).isEqualTo(height);
            if (i > 0) {
                // Positions are snapped to whole pixels: 36.4 px rows step 36 or 37 px.
                assertThat(row.getLayoutY() - rows.get(i - 1).getLayoutY()).as(when + ": step to row " + row.getIndex())
                        .isCloseTo(height, within(1.0));
            }
            for (Node cell : row.getChildrenUnmodifiable()) {
                if (cell instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
                    long top = Math.round(cell.getLayoutY() + labeled.lookup(".text").getLayoutY());
                    textTops.add(top);
                    seen.append(' ').append(top).append(' ').append(labeled.getAlignment());
                }
            }
            seen.append('\n');
        }
        assertThat(textTops).as(when + ": where each cell's text sits in its row\n" + seen).hasSize(1);
    }

    private static Path csv(String name, String header, int count, IntFunction<String> line) throws Exception {
        StringBuilder text = new StringBuilder(header).append('\n');
        for (int i = 0; i < count; i++) {
            text.append(line.apply(i)).append('\n');
        }
        return Files.writeString(dir.resolve(name), text);
    }
}
