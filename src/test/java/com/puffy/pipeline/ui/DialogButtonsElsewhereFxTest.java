package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.ElsewhereDefaults;
import com.puffy.pipeline.ui.table.RowDetailsDialog;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app's dialogs say "Close" and "OK" on a German or Chinese machine, where JavaFX's own buttons said "Schließen"
 * and "确定" under an English dialog (decision 0819).
 */
@ExtendWith(ApplicationExtension.class)
class DialogButtonsElsewhereFxTest {
    Stage window;

    @Start
    void start(Stage stage) {
        // A dialog's owner needs a scene (HeavyweightDialog.initOwner reads its stylesheets): run alone, the shared
        // stage had none and both dialogs failed with a NullPointerException before saying a word.
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 400, 300));
        stage.show();
        window = stage;
    }

    static List<ElsewhereDefaults.Machine> machines() {
        return List.of(new ElsewhereDefaults.Machine(Locale.GERMANY, "Europe/Berlin"),
                new ElsewhereDefaults.Machine(Locale.SIMPLIFIED_CHINESE, "Asia/Shanghai"));
    }

    @ParameterizedTest
    @MethodSource("machines")
    void aRowsDetailsAndAnErrorSayCloseAndOk(ElsewhereDefaults.Machine machine, FxRobot robot) throws Exception {
        List<List<String>> buttons = ElsewhereDefaults.on(machine, () -> WaitForAsyncUtils.asyncFx(() -> {
            Dialog<Void> details = RowDetailsDialog.create(window, List.of(Map.entry("order_id", "A-1")));
            Dialog<?> error = ErrorDialog.create(window, UiError.of("read the file",
                    new java.io.IOException("gone")));
            return List.of(texts(details.getDialogPane()), texts(error.getDialogPane()));
        }).get());
        assertThat(buttons.get(0)).as("a row's details on " + machine).containsExactly("Close");
        assertThat(buttons.get(1)).as("an error on " + machine).containsExactly("OK");
    }

    private static List<String> texts(DialogPane pane) {
        return pane.getButtonTypes().stream().map(pane::lookupButton).map(b -> ((Button) b).getText()).toList();
    }
}
