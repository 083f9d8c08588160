package com.puffy.pipeline.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.scene.Scene;

/** Light and dark themes (AtlantaFX Primer) plus the app's own stylesheet; the choice is kept in preferences. */
public final class Theme {
    private static final String KEY = "theme.dark";
    public static final String STYLESHEET = Theme.class.getResource("studio.css").toExternalForm();

    private Theme() {
    }

    public static boolean isDark(Preferences prefs) {
        return prefs.getBoolean(KEY, false);
    }

    public static void apply(Scene scene, boolean dark, Preferences prefs) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        if (!scene.getStylesheets().contains(STYLESHEET)) {
            scene.getStylesheets().add(STYLESHEET);
        }
        scene.getRoot().getStyleClass().removeAll("theme-dark", "theme-light");
        scene.getRoot().getStyleClass().add(dark ? "theme-dark" : "theme-light");
        if (prefs != null) {
            prefs.putBoolean(KEY, dark);
        }
    }
}
