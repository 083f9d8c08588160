package com.puffy.pipeline.ui.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The corner button's list of columns names them as their headers do. The skin's own list read an underscore as a
 * keyboard mnemonic: sessions.csv's added_to_cart was listed as "addedto_cart", session_id as "sessionid".
 */
@ExtendWith(ApplicationExtension.class)
class ColumnMenuNamesFxTest {
    @TempDir
    static Path dir;
    OneTableWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = OneTableWindow.show(stage, "names", List.of(), 900, 400);
        window.load(OneTableWindow.csv(dir, "sessions", "session_id,added_to_cart,is_new_user\ns1,true,false\n"));
    }

    @Test
    void theCornerButtonListsTheColumnsByTheirNamesAndHidesOne(FxRobot robot) throws Exception {
        window.waitForRows(1);
        robot.clickOn(".show-hide-columns-button");
        WaitForAsyncUtils.waitForFxEvents();
        ContextMenu menu = Window.getWindows().stream().filter(w -> w instanceof ContextMenu && w.isShowing())
                .map(w -> (ContextMenu) w).findFirst().orElseThrow();
        List<String> shownNames = menu.getSkin().getNode().lookupAll(".menu-item .label").stream()
                .map(node -> ((Label) node).getText()).toList();
        assertThat(shownNames).containsExactly("session_id", "added_to_cart", "is_new_user");
        assertThat(menu.getItems()).allMatch(item -> !item.isMnemonicParsing());

        MenuItem addedToCart = menu.getItems().get(1);
        robot.interact(() -> ((CheckMenuItem) addedToCart).setSelected(false));
        TableColumn<String[], ?> column = window.table().getColumns().stream()
                .filter(c -> "added_to_cart".equals(c.getUserData())).findFirst().orElseThrow();
        assertThat(column.isVisible()).isFalse();
        robot.interact(menu::hide);
    }
}
