package com.puffy.pipeline.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * A test class that drives one {@link SampleWindow} through ordered steps, each test going on from where the last
 * left the window, with what such tests ask of it: where the focus is, which tab shows, what the user can see.
 */
@ExtendWith(ApplicationExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class SampleWindowFxTest {
    static SampleWindow app;
    static Path home;
    static Preferences prefs;
    static MainViewModel vm;
    static MainView view;
    static Stage window;
    static List<UiError> errors;

    /** Each class's {@code @Start} calls it: TestFX looks for {@code @Start} in the test class alone. */
    static void showSampleWindow(Stage stage, Class<?> testClass) throws Exception {
        app = SampleWindow.showOn(app, testClass.getSimpleName(), stage);
        home = app.home;
        prefs = app.prefs;
        vm = app.vm;
        view = app.view;
        errors = app.errors;
        window = stage;
    }

    @AfterAll
    static void closeTheWindowsHome() throws Exception {
        app.close();
        app = null;
    }

    static Node focused() {
        return window.getScene().getFocusOwner();
    }

    static String selectedTab(FxRobot robot, String tabPane) {
        return robot.lookup(tabPane).queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId();
    }

    /** Whether the node and all its parents are visible: the user can see where the focus is. */
    static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node != null && node.getScene() != null;
    }

    static List<Node> all(Node from) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(from);
        if (from instanceof javafx.scene.Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                nodes.addAll(all(child));
            }
        }
        return nodes;
    }
}
