package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.RunSettings;
import com.puffy.pipeline.engine.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The header (folder, its buttons, Output, Cache, Rules, As of) at the window sizes of a 1024×768 screen and of the
 * default 1440×900 window, in both themes: short, with every part whole, in view and apart from the others.
 */
@ExtendWith(ApplicationExtension.class)
class HeaderFxTest {
    /** The parts a user reads or presses, by id; "As of" is found as the picker's label. */
    private static final List<String> PARTS = List.of("input-folder", "input-folder-hint", "open-folder",
            "recent-folders", "open-sample", "dark-toggle", "output-folder", "change-output", "cache-file",
            "change-cache", "rules-in-effect", "change-rules", "as-of", "as-of-today");

    /** Folder and buttons (40 px), the settings line (32 px), padding, gap and border. */
    private static final double MAX_HEIGHT = 104;

    @TempDir
    static Path dir;
    Preferences prefs;
    Stage window;

    @BeforeEach
    void prefs() {
        prefs = Preferences.userRoot().node("eventpipe-test/header-" + System.nanoTime());
    }

    @AfterEach
    void tearDown(FxRobot robot) throws Exception {
        if (window != null) {
            robot.interact(window::close);
        }
        prefs.removeNode();
    }

    /** The window over a folder with outputs, its cache at the user's default place (a long path). */
    private Region open(double width, double height, boolean dark, String folderName) throws Exception {
        Path input = Files.createDirectories(dir.resolve("t" + System.nanoTime()).resolve(folderName));
        Files.writeString(input.resolve("events_20250101.csv"), "client_id,timestamp,event_name\n");
        Path out = RunSettings.defaultOutputFor(input.toAbsolutePath());
        UiFixtures.quality(out);
        window = WaitForAsyncUtils.asyncFx(() -> {
            UiThreads threads = UiThreads.javafx();
            MainViewModel vm = new MainViewModel(new Pipeline(List.of()), threads, new RecentFolders(prefs), d -> d,
                    Clock.systemUTC());
            Stage stage = new Stage();
            stage.setScene(StudioApp.build(vm, threads, null, prefs).createScene(width, height));
            Theme.apply(stage.getScene(), dark, prefs);
            stage.show();
            vm.openFolder(input);
            return stage;
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        return (Region) part("header");
    }

    private Node part(String id) {
        Node node = window.getScene().lookup("#" + id);
        assertThat(node).as(id).isNotNull();
        return node;
    }

    private Label asOfLabel() {
        return (Label) window.getScene().getRoot().lookupAll(".label").stream()
                .filter(n -> n instanceof Label l && l.getLabelFor() == part("as-of")).findFirst().orElseThrow();
    }

    private static Bounds inScene(Node node) {
        return node.localToScene(node.getLayoutBounds());
    }

    /** What the label draws (a path drawn from its end: "...data/pq-g14-pipeline"). */
    private static String drawn(Labeled label) {
        Node text = label.lookup(".text");
        return text instanceof Text t ? t.getText() : label.getText();
    }

    /**
     * Every part shown, inside the header and the window, apart from the others, its words whole (paths may give way
     * from their start), the output folder's and the cache file's own names in view, and every text at WCAG AA.
     */
    private void assertWholeInViewAndApart(Region header) throws Exception {
        List<String> problems = WaitForAsyncUtils.asyncFx(() -> {
            List<String> found = new ArrayList<>();
            Bounds area = inScene(header);
            List<Node> parts = new ArrayList<>();
            for (String id : PARTS) {
                parts.add(part(id));
            }
            parts.add(asOfLabel());
            for (Node node : parts) {
                Bounds b = inScene(node);
                String name = node.getId() == null ? "As of" : node.getId();
                if (!node.isVisible() || b.getWidth() < 1 || b.getHeight() < 1) {
                    found.add(name + " not shown");
                } else if (b.getMinX() < area.getMinX() - 0.5 || b.getMaxX() > area.getMaxX() + 0.5
                        || b.getMinY() < area.getMinY() - 0.5 || b.getMaxY() > area.getMaxY() + 0.5
                        || b.getMaxX() > window.getScene().getWidth()) {
                    found.add(name + " outside the header: " + b + " in " + area);
                }
            }
            for (int i = 0; i < parts.size(); i++) {
                for (int j = i + 1; j < parts.size(); j++) {
                    Bounds a = inScene(parts.get(i));
                    Bounds b = inScene(parts.get(j));
                    // Touching edges are not an overlap.
                    if (a.getMinX() < b.getMaxX() - 0.5 && b.getMinX() < a.getMaxX() - 0.5
                            && a.getMinY() < b.getMaxY() - 0.5 && b.getMinY() < a.getMaxY() - 0.5) {
                        found.add(parts.get(i).getId() + " overlaps " + parts.get(j).getId());
                    }
                }
            }
            found.addAll(Truncation.truncatedLabels(header, java.util.Set.of("input-folder", "output-folder",
                    "cache-file")));
            Label output = (Label) part("output-folder");
            Label cache = (Label) part("cache-file");
            Label folder = (Label) part("input-folder");
            if (folder.getTooltip() == null || !folder.getTooltip().getText().equals(folder.getText())) {
                found.add("the folder's path has no tooltip to read it whole");
            }
            for (Label path : List.of(output, cache)) {
                // The tooltip holds the whole path, whatever the label shows.
                String own = Path.of(path.getTooltip().getText()).getFileName().toString();
                if (!drawn(path).endsWith(own)) {
                    found.add(path.getId() + " drawn as '" + drawn(path) + "' hides its name " + own);
                }
                if (!path.getAccessibleText().equals(path.getTooltip().getText())) {
                    found.add(path.getId() + " reads '" + path.getAccessibleText() + "' to a screen reader");
                }
            }
            found.addAll(Wcag.unreadable(header));
            return found;
        }).get();
        assertThat(problems).as("the header at " + window.getScene().getWidth() + " px").isEmpty();
    }

    @ParameterizedTest(name = "{0}×{1}, dark {2}")
    @CsvSource({"1008, 728, false", "1008, 728, true", "1440, 900, false", "1440, 900, true"})
    void theHeaderIsTwoRowsWithEveryPartWholeInViewAndApart(double width, double height, boolean dark)
            throws Exception {
        // A name as long as the sample's: "sample-data-pipeline" beside "cache.sqlite".
        Region header = open(width, height, dark, "sample-data");
        Screenshots.save(window.getScene(), "header-" + (int) width + (dark ? "-dark" : "-light"));
        assertWholeInViewAndApart(header);
        // The folder's row, then Output, Cache, Rules and As of on one line. At 1008 px (a 1024×768 screen) the
        // settings took two lines: the header was 134 px of the window's 728; it is 100 px at 1440 px.
        assertThat(Math.abs(inScene(part("output-folder")).getCenterY() - inScene(part("as-of")).getCenterY()))
                .as("Output on As of's line").isLessThan(4);
        assertThat(header.getHeight()).as("the header's height").isLessThanOrEqualTo(MAX_HEIGHT);
    }

    @org.junit.jupiter.api.Test
    void onASmallScreenTheChangeButtonsShowTheirPencilAndSayWhatTheyChange() throws Exception {
        open(1008, 728, false, "sample-data");
        for (String id : List.of("change-output", "change-cache", "change-rules")) {
            javafx.scene.control.Button change = (javafx.scene.control.Button) part(id);
            assertThat(change.getContentDisplay()).as(id).isEqualTo(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
            assertThat(change.getAccessibleText()).as(id).startsWith("Change the ");
            assertThat(change.getTooltip().getText()).as(id).isNotBlank();
        }
        assertThat(((Label) part("output-folder")).getText()).as("the output folder by its name")
                .isEqualTo("sample-data-pipeline");
    }

    @org.junit.jupiter.api.Test
    void aNameTooLongForOneLineSendsRulesAndAsOfToTheirOwnLineWithWords() throws Exception {
        Region header = open(1008, 728, false, "events-exported-for-the-first-quarter-audit");
        assertWholeInViewAndApart(header);
        assertThat(inScene(part("as-of")).getMinY()).as("As of below Output")
                .isGreaterThan(inScene(part("output-folder")).getMaxY());
        assertThat(((javafx.scene.control.Button) part("change-output")).getContentDisplay())
                .isEqualTo(javafx.scene.control.ContentDisplay.TEXT_ONLY);
    }
}
