package com.puffy.pipeline.ui;

import java.io.FilePermission;
import java.nio.file.Path;
import java.security.Permission;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;

/**
 * The files under a folder that the calling thread touches while it runs an action, noted by a security manager that
 * allows everything and only listens. Tests play the FX thread on their own thread: whatever it touches, the window's
 * FX thread would have waited for (decisions 0830, 0831).
 */
final class FilesTouched {
    private FilesTouched() {
    }

    /** "read /tmp/…/rules.yaml" and the like, in order; aborts the test on a JDK without a security manager. */
    @SuppressWarnings("removal")
    static List<String> byThisThreadUnder(Path folder, Runnable action) {
        Thread caller = Thread.currentThread();
        String under = folder.toAbsolutePath().toString();
        List<String> touched = new CopyOnWriteArrayList<>();
        SecurityManager listening = new SecurityManager() {
            @Override
            public void checkPermission(Permission permission) {
                if (permission instanceof FilePermission && Thread.currentThread() == caller
                        && permission.getName().startsWith(under)) {
                    touched.add(permission.getActions() + " " + permission.getName());
                }
            }

            @Override
            public void checkPermission(Permission permission, Object context) {
                checkPermission(permission);
            }
        };
        try {
            System.setSecurityManager(listening);
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("this JDK has no security manager to listen with: " + e.getMessage());
        }
        try {
            action.run();
        } finally {
            System.setSecurityManager(null);
        }
        return touched;
    }
}
