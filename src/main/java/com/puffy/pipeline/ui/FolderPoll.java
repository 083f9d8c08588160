package com.puffy.pipeline.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The open folder looked at every {@link #INTERVAL} while the window shows, a folder is open and nothing runs: a day's
 * file put in by a sync job while the analyst kept the app in front went unnoticed until the next focus change or run
 * (decision 0721). A look lists the files Quality would read, with their sizes, modification times and file keys (no
 * contents); when the folder differs from what the last status read saw, the window's own recheck runs, the one its
 * coming back to the front runs, so there is one way of noticing with two triggers. Not a {@code WatchService}, for
 * decision 0630's reasons (safe saves seen as delete + create, network drives, polling on macOS anyway).
 *
 * <p>A file still being copied in (1 GB over a network drive takes minutes) changes at every look: the recheck waits
 * until two looks in a row agree, so the cards and the line above the screens change once, when the copy has
 * finished, instead of at every look, and the statuses are not read again every two seconds meanwhile. Only the FX
 * thread calls it; the look itself runs on a background thread.
 *
 * <p>A look also sees the rules file the app uses (decision 0763): rules changed in another editor or by a git pull
 * while the app stayed in front left the cards saying "up to date" until a focus change or a run; a rules file is
 * written in one go, but a sync or an editor's save may still land in two steps, so the same two-looks rule holds.
 *
 * <p>A look also sees each stage's manifest in the output folder (decision 0793): {@code eventpipe run} from cron or a
 * terminal on the same folder rewrote the outputs while the screens kept showing the old ones, and the cards kept
 * saying "out of date" for outputs that had just been brought up to date. Outputs that changed without the app running
 * read everything again, as opening the folder does, rather than only the badges.
 */
final class FolderPoll {
    /** A dropped file is named within two looks, four seconds; a look at 365 files costs about 1 ms (decision 0755). */
    static final Duration INTERVAL = Duration.ofSeconds(2);

    /** One file as a look sees it; the file key (device and inode where the system has them) tells a replaced file. */
    record Seen(long bytes, long modifiedMillis, Object fileKey) {
    }

    /**
     * What one look saw: the folder and its listed files ({@code files} null when the folder could not be listed), the
     * rules file in use ({@code rules} null for the built-in defaults; {@code rulesSeen} null when it is missing or
     * cannot be read), and the stage manifests in the output folder ({@code outputs}: each manifest's path, with null
     * for one that is missing).
     */
    record Look(Path folder, Map<String, Seen> files, Path rules, Seen rulesSeen, Map<Path, Seen> outputs) {
        /** Whether the stage manifests differ from those {@code earlier} saw: another run wrote outputs meanwhile. */
        boolean outputsDifferFrom(Look earlier) {
            return earlier != null && !Objects.equals(outputs, earlier.outputs);
        }
    }

    private final UiThreads threads;
    private final Clock clock;
    private boolean lookedBefore;
    private long lastLookMillis;
    private boolean looking;
    private Look previous;
    private Look checked;
    /**
     * The folder and rules file the last tick or reading of the statuses was about. A look at another one, started
     * before the analyst opened this one, was compared with this one's reading and asked a recheck of a folder in
     * which nothing had changed (and again two looks later, against its own stale reading).
     */
    private Path folderNow;
    private Path rulesNow;
    private int looks;

    FolderPoll(UiThreads threads, Clock clock) {
        this.threads = threads;
        this.clock = clock;
    }

    /** The folder and the rules file ({@code rules} null for the built-in defaults) as they are now, off the FX thread. */
    static Look look(Path folder, Path rules) {
        return look(folder, rules, List.of());
    }

    /** As {@link #look(Path, Path)}, with the stage {@code manifests} in the output folder, off the FX thread. */
    static Look look(Path folder, Path rules, List<Path> manifests) {
        Seen rulesSeen = rules == null ? null : seen(rules);
        Map<Path, Seen> outputs = new HashMap<>();
        for (Path manifest : manifests) {
            outputs.put(manifest, seen(manifest));
        }
        Set<String> names;
        try {
            names = FolderChanges.listedNamesIn(folder);
        } catch (IOException | RuntimeException e) {
            return new Look(folder, null, rules, rulesSeen, outputs);
        }
        Map<String, Seen> files = new TreeMap<>();
        for (String name : names) {
            files.put(name, seen(folder.resolve(name)));
        }
        return new Look(folder, files, rules, rulesSeen, outputs);
    }

    /** Null when the file went or cannot be read meanwhile: then it differs from any file seen before. */
    private static Seen seen(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Seen(attributes.size(), attributes.lastModifiedTime().toMillis(), attributes.fileKey());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * What a reading of the statuses saw of the folder (taken just before it read them): later looks are compared
     * with it, so a file that came between that reading and the next look is not missed.
     */
    void statusesRead(Look seen) {
        checked = seen;
        folderNow = seen.folder();
        rulesNow = seen.rules();
    }

    /**
     * From the window's tick while it may look ({@code folder} open, window showing, no run): starts a look when one is
     * due and none is under way; calls {@code recheck} on the FX thread when the folder or the {@code rules} file
     * changed since the statuses were read and held still since the look before, or {@code reload} instead when the
     * stage {@code manifests} changed too (another run rewrote the outputs).
     */
    void tick(Path folder, Path rules, List<Path> manifests, Runnable recheck, Runnable reload) {
        folderNow = folder;
        rulesNow = rules;
        long now = clock.millis();
        // A clock set back (a time zone change, a correction) must not stop the looks until it catches up.
        if (looking || lookedBefore && now >= lastLookMillis && now - lastLookMillis < INTERVAL.toMillis()) {
            return;
        }
        lookedBefore = true;
        lastLookMillis = now;
        looking = true;
        looks++;
        threads.background(() -> {
            Look seen = look(folder, rules, manifests);
            threads.fx(() -> {
                looking = false;
                if (!seen.folder().equals(folderNow) || !Objects.equals(seen.rules(), rulesNow)) {
                    return;
                }
                boolean heldStill = seen.equals(previous);
                previous = seen;
                if (heldStill && !seen.equals(checked)) {
                    boolean outputsRewritten = seen.outputsDifferFrom(checked);
                    checked = seen;
                    (outputsRewritten ? reload : recheck).run();
                }
            });
        });
    }

    /** How many looks were started: for tests. */
    int looks() {
        return looks;
    }
}
