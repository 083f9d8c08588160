package com.puffy.pipeline.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.core.AppVersion;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Help › About says which build this is and where the app keeps what it writes outside the user's folders. */
class AboutTextTest {
    private static final Path DATA = Path.of("/home/ana/.local/share/EventPipelineStudio");
    private static final Path LOGS = Path.of("/home/ana/.cache/EventPipelineStudio/logs");

    @Test
    void namesTheVersionTheBuildAndEveryPlaceTheAppWritesToThatUninstallingLeaves() {
        String about = MainView.aboutText(DATA, LOGS, "Linux");

        assertThat(about).startsWith("Event Pipeline Studio " + AppVersion.version() + " (build "
                + AppVersion.shortBuild() + ")\n");
        assertThat(about).contains("Sample data and cache: " + DATA + "\n", "Logs: " + LOGS + " (File → Show log folder)",
                "Recent folders and each folder's choices: ~/.java/.userPrefs/com/puffy/eventpipe/studio",
                "Uninstalling the app leaves these in place", "Keyboard shortcuts: F1.", "eventpipe --help");
    }

    @Test
    void elsewhereItNamesNoLinuxPathOrCommand() {
        String about = MainView.aboutText(DATA, LOGS, "Windows 11");

        assertThat(about).contains("the Java preferences of your account").doesNotContain(".userPrefs", "--help");
    }
}
