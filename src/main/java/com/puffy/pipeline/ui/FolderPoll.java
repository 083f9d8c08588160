package com.puffy.pipeline.ui;

import com.puffy.pipeline.core.OutputFiles;
import com.puffy.pipeline.engine.OutputFolderLock;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 *
 * <p>A look also sees the work folders a run writes in the output folder (decision 0805): a command-line run of four
 * stages rewrote one manifest per stage, and the app read every output again after each, three or four times, while
 * the run went on. While another run's work folder moves (it appears, or what it holds grows), the app says that
 * another run is writing and reads nothing; it reads the outputs once that run's work folders have gone and the
 * manifests held still, or when they held still for {@link #ANOTHER_RUN_STALLED} (a run killed mid-stage leaves its
 * work folder until the next run), so the final state is never missed.
 *
 * <p>Whether a run writes is then asked of the output folder's lock, which a run holds from its start to its end
 * (decision 0830): a leftover copied into the outputs (fresh file times) was taken for a run for two minutes, and a
 * run that ended leaving a folder it could not remove was waited for two minutes after its end.
 */
final class FolderPoll {
    /** A dropped file is named within two looks, four seconds; a look at 365 files costs about 1 ms (decision 0755). */
    static final Duration INTERVAL = Duration.ofSeconds(2);

    /**
     * How long another run's work folder may hold still, with the manifests, before the app stops waiting for that
     * run and reads what it finished: a run killed mid-stage leaves its work folder until the next run. Longer than a
     * stage computes without writing (Transform at 5M events takes 9-13 s in all); too short only costs a reading
     * while the run goes on, as before decision 0805. Where the output folder's lock tells that no run holds it, the
     * wait ends at once (decision 0830); this bound remains for a file system that cannot tell, and for a run that
     * holds the folder and writes nothing for that long.
     */
    static final Duration ANOTHER_RUN_STALLED = Duration.ofMinutes(2);

    /**
     * How long before the look that last saw none of it a file in a work folder may have been written and still count as
     * written by a run now: room for a file system's coarse times and a network drive's clock a little off.
     */
    static final Duration MADE_BY_A_RUN_SLACK = Duration.ofMinutes(1);

    /** What a look makes the window do, on the FX thread. */
    interface Reactions {
        /** The folder or the rules file changed and held still: the badges are read again. */
        void folderChanged();

        /** Another run rewrote the outputs and has finished (or stalled): everything is read again. */
        void outputsRewritten();

        /** Another run is writing into the output folder: said at once, read when it has finished. */
        void anotherRunWriting();

        /** The run said to be writing stopped without rewriting any stage's outputs (it failed, or was stopped). */
        void anotherRunEndedWithoutOutputs();
    }

    /** One file as a look sees it; the file key (device and inode where the system has them) tells a replaced file. */
    record Seen(long bytes, long modifiedMillis, Object fileKey) {
    }

    /**
     * What one look saw: the folder and its listed files ({@code files} null when the folder could not be listed), the
     * rules file in use ({@code rules} null for the built-in defaults; {@code rulesSeen} null when it is missing or
     * cannot be read), the stage manifests in the output folder ({@code outputs}: each manifest's path, with null
     * for one that is missing), and the work folders of a run in the output folder with what each holds
     * ({@code work}: "name" and "name/file", empty when no run writes there).
     */
    record Look(Path folder, Map<String, Seen> files, Path rules, Seen rulesSeen, Map<Path, Seen> outputs,
                Map<String, Seen> work) {
        /** Whether the stage manifests differ from those {@code earlier} saw: another run wrote outputs meanwhile. */
        boolean outputsDifferFrom(Look earlier) {
            return earlier != null && !Objects.equals(outputs, earlier.outputs);
        }

        /**
         * Whether a run writes in the output folder now: its work folders, or the manifests beside them, moved since
         * {@code earlier} (taken at {@code earlierTakenMillis}), and what came or changed in them was written since
         * about then. A work folder that holds still may be one a killed run left.
         */
        boolean runWritingSince(Look earlier, long earlierTakenMillis) {
            if (work.isEmpty() || earlier == null) {
                return false;
            }
            if (!Objects.equals(outputs, earlier.outputs) || !work.keySet().containsAll(earlier.work.keySet())) {
                return true;
            }
            // A folder moved in whole (a leftover put back by hand, or from another copy of the outputs) keeps its
            // files' times: the app said "Another run is writing" of it for two minutes, then that the run "stopped
            // without new outputs" (decision 0826). A run's work folder and what it writes are made now.
            for (Map.Entry<String, Seen> entry : work.entrySet()) {
                Seen now = entry.getValue();
                if (!Objects.equals(now, earlier.work.get(entry.getKey()))
                        && (now == null || now.modifiedMillis() >= earlierTakenMillis - MADE_BY_A_RUN_SLACK.toMillis())) {
                    return true;
                }
            }
            return false;
        }

        /** The same folder, rules and outputs, whatever work folders the two looks saw. */
        boolean sameResultsAs(Look other) {
            return other != null && folder.equals(other.folder) && Objects.equals(files, other.files)
                    && Objects.equals(rules, other.rules) && Objects.equals(rulesSeen, other.rulesSeen)
                    && Objects.equals(outputs, other.outputs);
        }
    }

    private final UiThreads threads;
    private final Clock clock;
    private boolean lookedBefore;
    private long lastLookMillis;
    private boolean looking;
    private Look previous;
    /**
     * When {@link #previous} was taken, by the wall clock that stamps the files (not the clock that paces the looks):
     * what a run writes after it is newer.
     */
    private long previousTakenMillis;
    private Look checked;
    /**
     * The folder and rules file the last tick or reading of the statuses was about. A look at another one, started
     * before the analyst opened this one, was compared with this one's reading and asked a recheck of a folder in
     * which nothing had changed (and again two looks later, against its own stale reading).
     */
    private Path folderNow;
    private Path rulesNow;
    private int looks;
    /** Whether a look saw another run writing, and the outputs are not read again until it finishes. */
    private boolean anotherRunWriting;
    /** When a look last saw that run's work folders or manifests move. */
    private long anotherRunMovedMillis;
    /** That run has finished or stalled: the next look that holds still reads or says what it left. */
    private boolean anotherRunEnded;

    FolderPoll(UiThreads threads, Clock clock) {
        this.threads = threads;
        this.clock = clock;
    }

    /** The folder and the rules file ({@code rules} null for the built-in defaults) as they are now, off the FX thread. */
    static Look look(Path folder, Path rules) {
        return look(folder, rules, null, List.of());
    }

    /**
     * As {@link #look(Path, Path)}, with the stage {@code manifests} and the run's work folders in the output folder
     * {@code outputs} (null: none), off the FX thread.
     */
    static Look look(Path folder, Path rules, Path outputs, List<Path> manifests) {
        Seen rulesSeen = rules == null ? null : seen(rules);
        Map<Path, Seen> stageManifests = new HashMap<>();
        for (Path manifest : manifests) {
            stageManifests.put(manifest, seen(manifest));
        }
        Map<String, Seen> work = workIn(outputs);
        Set<String> names;
        try {
            names = FolderChanges.listedNamesIn(folder);
        } catch (IOException | RuntimeException e) {
            return new Look(folder, null, rules, rulesSeen, stageManifests, work);
        }
        Map<String, Seen> files = new TreeMap<>();
        for (String name : names) {
            files.put(name, seen(folder.resolve(name)));
        }
        return new Look(folder, files, rules, rulesSeen, stageManifests, work);
    }

    /**
     * The folders a run writes in {@code outputs} (a stage's work folder, outputs set aside while promoted) and the
     * entries directly in each: a stage writing its files makes them grow. A handful of entries, never read.
     */
    private static Map<String, Seen> workIn(Path outputs) {
        Map<String, Seen> work = new TreeMap<>();
        if (outputs == null) {
            return work;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(outputs, entry -> {
            String name = entry.getFileName().toString();
            return name.startsWith(OutputFiles.WORK_FOLDER_PREFIX) || name.startsWith(OutputFiles.SET_ASIDE_PREFIX);
        })) {
            for (Path folder : folders) {
                String name = folder.getFileName().toString();
                work.put(name, seen(folder));
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                    entries.forEach(entry -> work.put(name + "/" + entry.getFileName(), seen(entry)));
                } catch (IOException | RuntimeException e) {
                    // Gone meanwhile (moved into place): the folder's own entry says what was seen.
                }
            }
        } catch (IOException | RuntimeException e) {
            // No output folder yet, or one that cannot be listed: no run is seen writing there.
        }
        return work;
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
        if (checked == null || !seen.folder().equals(checked.folder())) {
            // Another folder: a run writing into the last one's outputs is no concern of this one.
            anotherRunWriting = false;
            anotherRunEnded = false;
        }
        checked = seen;
        folderNow = seen.folder();
        rulesNow = seen.rules();
    }

    /**
     * The app's own run has ended and {@code seen} is the folder as its statuses were read after it. Compared with the
     * look before the run, its new manifests beside a leftover folder it could not remove (decision 0801) were taken
     * for another run writing, said in the status bar over the run's own words, and on the cards (decision 0811).
     */
    void ownRunEnded(Look seen) {
        statusesRead(seen);
        previous = seen;
        previousTakenMillis = System.currentTimeMillis();
        anotherRunWriting = false;
        anotherRunEnded = false;
    }

    /**
     * From the window's tick while it may look ({@code folder} open, window showing, no run): starts a look when one is
     * due and none is under way. When the folder or the {@code rules} file changed since the statuses were read and
     * held still since the look before, {@code reactions} hear of it: {@link Reactions#folderChanged}, or
     * {@link Reactions#outputsRewritten} when the stage {@code manifests} in {@code outputs} changed too (another run
     * rewrote the outputs), once that run has finished.
     */
    void tick(Path folder, Path rules, Path outputs, List<Path> manifests, Reactions reactions) {
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
        Look lookedBefore = previous;
        long lookedBeforeTaken = previousTakenMillis;
        boolean waiting = anotherRunWriting;
        threads.background(() -> {
            long taken = System.currentTimeMillis();
            Look seen = look(folder, rules, outputs, manifests);
            // The lock is asked only when the work folders say a run may be writing, or one was: a leftover that
            // holds still is never asked about, so the lock is not taken every two seconds for it.
            Optional<Boolean> runHolds = outputs != null && !seen.work().isEmpty()
                    && (waiting || seen.runWritingSince(comparable(lookedBefore, seen), lookedBeforeTaken))
                    ? OutputFolderLock.heldByARun(outputs) : Optional.empty();
            threads.fx(() -> {
                looking = false;
                if (!seen.folder().equals(folderNow) || !Objects.equals(seen.rules(), rulesNow)) {
                    return;
                }
                // A look at another folder, or at another output folder, says nothing of a run writing in this one.
                Look before = comparable(previous, seen);
                boolean heldStill = seen.equals(before);
                long beforeTaken = previousTakenMillis;
                previous = seen;
                previousTakenMillis = taken;
                if (waitingForAnotherRun(seen, before, beforeTaken, clock.millis(), runHolds, reactions)) {
                    return;
                }
                if (!heldStill) {
                    return;
                }
                if (!seen.sameResultsAs(checked)) {
                    boolean outputsRewritten = seen.outputsDifferFrom(checked);
                    checked = seen;
                    anotherRunEnded = false;
                    if (outputsRewritten) {
                        reactions.outputsRewritten();
                    } else {
                        reactions.folderChanged();
                    }
                } else if (anotherRunEnded) {
                    anotherRunEnded = false;
                    reactions.anotherRunEndedWithoutOutputs();
                }
            });
        });
    }

    /** {@code earlier} when it looked at the same folder and output folder as {@code seen}, else null. */
    private static Look comparable(Look earlier, Look seen) {
        return earlier != null && earlier.folder().equals(seen.folder())
                && earlier.outputs().keySet().equals(seen.outputs().keySet()) ? earlier : null;
    }

    /**
     * Whether another run is writing into the output folder, so nothing is read yet: its work folders moved since the
     * look {@code before}, or moved less than {@link #ANOTHER_RUN_STALLED} ago and are still there (a stage that
     * computes before it writes; between two stages they are gone for milliseconds only). Never while the output
     * folder's lock says no run holds it ({@code runHolds} false): what moved is a leftover copied in or taken away, or
     * what a run that has ended left.
     */
    private boolean waitingForAnotherRun(Look seen, Look before, long beforeTakenMillis, long now,
                                         Optional<Boolean> runHolds, Reactions reactions) {
        boolean noRunHoldsTheFolder = runHolds.isPresent() && !runHolds.get();
        if (!noRunHoldsTheFolder && seen.runWritingSince(before, beforeTakenMillis)) {
            anotherRunMovedMillis = now;
            if (!anotherRunWriting) {
                anotherRunWriting = true;
                reactions.anotherRunWriting();
            }
            return true;
        }
        if (!anotherRunWriting) {
            return false;
        }
        if (!noRunHoldsTheFolder && !seen.work().isEmpty() && now >= anotherRunMovedMillis
                && now - anotherRunMovedMillis < ANOTHER_RUN_STALLED.toMillis()) {
            return true;
        }
        anotherRunWriting = false;
        anotherRunEnded = true;
        return false;
    }

    /**
     * The app's own run was refused by another run's lock on the output folder: that run writes now, whether or not a
     * look has seen its work folders yet, and is waited for as one a look saw (decision 0826).
     */
    void anotherRunHoldsTheOutputs(long nowMillis) {
        anotherRunWriting = true;
        anotherRunEnded = false;
        anotherRunMovedMillis = nowMillis;
    }

    /** How many looks were started: for tests. */
    int looks() {
        return looks;
    }
}
