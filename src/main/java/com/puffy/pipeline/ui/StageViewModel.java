package com.puffy.pipeline.ui;

import com.puffy.pipeline.core.StageId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** One card of the stage rail: the stage's status, progress of the current run, elapsed time and summary. */
public final class StageViewModel {
    private final StageId id;
    private final BooleanProperty available = new SimpleBooleanProperty();
    private final ObjectProperty<StageState> state = new SimpleObjectProperty<>(StageState.NEVER_RUN);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty elapsed = new SimpleStringProperty("");
    private final StringProperty remaining = new SimpleStringProperty("");
    private final ObservableList<String> summary = FXCollections.observableArrayList();
    private final StringProperty warning = new SimpleStringProperty("");
    private final BooleanProperty anotherRunWriting = new SimpleBooleanProperty();

    /** Progress arrives from the engine thread far more often than a screen can show: keep only the latest. */
    private final AtomicReference<Object[]> latestProgress = new AtomicReference<>();
    private final AtomicBoolean progressScheduled = new AtomicBoolean();
    private volatile long startedNanos;

    public StageViewModel(StageId id, boolean available) {
        this.id = id;
        this.available.set(available);
        if (!available) {
            state.set(StageState.UNAVAILABLE);
            message.set("Not available in this build.");
        }
    }

    public StageId id() {
        return id;
    }

    /** "1 Quality" … in the SPEC's presentation order. */
    public String title() {
        return (id.ordinal() + 1) + "  " + id.title();
    }

    /** What the stage reads, so the user sees why running it may run others first. */
    public String dependsOn() {
        return switch (id) {
            case QUALITY -> "Checks the event files in the folder.";
            case TRANSFORM -> "Uses Quality's validated events.";
            case ANALYSIS -> "Uses Transform's datasets and Monitoring's alerts.";
            case MONITOR -> "Uses Transform's daily metrics and Quality's findings.";
        };
    }

    public BooleanProperty availableProperty() {
        return available;
    }

    public boolean isAvailable() {
        return available.get();
    }

    public ObjectProperty<StageState> stateProperty() {
        return state;
    }

    public StageState getState() {
        return state.get();
    }

    /** 0..1, or -1 while the total is not known yet (an indeterminate bar). */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty elapsedProperty() {
        return elapsed;
    }

    /**
     * "about 40 s left" while the stage runs and its progress says how far it is, "" before it can tell. At 5M events
     * Quality took a minute and Transform 40 s with the bar moving and nothing saying how long the wait was.
     */
    public StringProperty remainingProperty() {
        return remaining;
    }

    public ObservableList<String> summary() {
        return summary;
    }

    /** What is wrong with the stage's finished outputs ("1 file could not be read"), "" when nothing is. */
    public StringProperty warningProperty() {
        return warning;
    }

    /**
     * Whether another run (the command line, the app in another window) is replacing the outputs this card speaks of
     * (decision 0811): its badge and words are of the outputs being replaced, and the card says so instead.
     */
    public BooleanProperty anotherRunWritingProperty() {
        return anotherRunWriting;
    }

    /** The card's badge: the stage's state, or "rewriting" while another run replaces its outputs. */
    public String badge() {
        return anotherRunWriting.get() ? ANOTHER_RUN_BADGE : state.get().label();
    }

    /** The badge's style: a running stage's, while another run replaces the outputs. */
    public String badgeStyleClass() {
        return (anotherRunWriting.get() ? StageState.RUNNING : state.get()).styleClass();
    }

    /**
     * The card's line: the stage's message with the time left while it runs, or what another run does to its outputs.
     * "Up to date; last run 10:02." stayed under the badge while the command line replaced those outputs.
     */
    public String cardMessage() {
        if (anotherRunWriting.get()) {
            return ANOTHER_RUN_MESSAGE;
        }
        return remaining.get().isEmpty() ? message.get() : message.get() + " · " + remaining.get();
    }

    /**
     * What the stage's progress bar says to a screen reader: "Quality: 45 percent, Validating files, about 40 s left",
     * "Quality: fresh, Up to date; last run 10:02.". JavaFX gives a bar only its value (a bare 0.45) and no name, so
     * a screen reader said "progress bar" and a number, of no stage (decision 0833). The percent is whole and rounded
     * down, so a stage still running never says 100; the card's " · " is a comma, as it is read aloud.
     */
    public String progressWords() {
        String doing = anotherRunWriting.get() ? ANOTHER_RUN_MESSAGE
                : remaining.get().isEmpty() ? message.get() : message.get() + ", " + remaining.get();
        String where;
        if (state.get() == StageState.RUNNING && !anotherRunWriting.get()) {
            where = progress.get() < 0 ? "running" : wholePercent(progress.get()) + " percent";
        } else {
            where = badge();
        }
        return id.title() + ": " + where + (doing.isEmpty() ? "" : ", " + doing);
    }

    /** {@code fraction} (0..1) in whole percent, rounded down: 0.999 is 99. */
    static int wholePercent(double fraction) {
        return (int) Math.floor(Math.max(0, Math.min(1, fraction)) * 100 + 1e-9);
    }

    /** What the stage's status chip says to a screen reader: "Quality: stale", its stage named beside the word. */
    public String badgeWords() {
        return id.title() + ": " + badge();
    }

    static final String ANOTHER_RUN_BADGE = "rewriting";
    static final String ANOTHER_RUN_MESSAGE = "Another run is rewriting these outputs; shown when it ends.";

    // ---- called by MainViewModel on the FX thread -----------------------------------------------------------

    void showStatus(StageState engineState) {
        if (!isAvailable()) {
            return;
        }
        state.set(engineState);
        progress.set(engineState == StageState.FRESH ? 1 : 0);
        remaining.set("");
        if (engineState == StageState.STALE) {
            message.set("Inputs or settings changed since the last run.");
        } else if (engineState == StageState.NEVER_RUN) {
            message.set("");
        }
    }

    void showSummary(List<String> lines, Duration tookLastTime) {
        summary.setAll(lines);
        // Another folder's time stayed on the card ("never run · 0.8 s") until its next run.
        elapsed.set(tookLastTime != null && !tookLastTime.isZero() ? Formats.duration(tookLastTime) : "");
    }

    void anotherRunWriting(boolean writing) {
        anotherRunWriting.set(writing && isAvailable());
    }

    void showWarning(String text) {
        warning.set(text);
    }

    /**
     * The run stopped (cancelled, or a stage before it failed) before this stage started. It showed "Inputs or
     * settings changed since the last run" under the fresh badge its untouched outputs then earned.
     */
    void notRun() {
        state.set(StageState.STALE);
        progress.set(0);
        remaining.set("");
        message.set("Not run this time: the run stopped before it.");
    }

    void waiting() {
        shownBeforeWaiting = new Shown(state.get(), progress.get(), message.get());
        state.set(StageState.WAITING);
        progress.set(0);
        remaining.set("");
        message.set("Waiting for the stages before it.");
    }

    /**
     * The run did not start (another run holds the output folder, decision 0826): a waiting card shows again what it
     * showed before F5. It said "Not run this time: the run stopped before it." under a stale badge.
     */
    void runDidNotStart() {
        if (state.get() == StageState.WAITING && shownBeforeWaiting != null) {
            state.set(shownBeforeWaiting.state());
            progress.set(shownBeforeWaiting.progress());
            message.set(shownBeforeWaiting.message());
        }
        shownBeforeWaiting = null;
    }

    private record Shown(StageState state, double progress, String message) {
    }

    private Shown shownBeforeWaiting;

    void started(long nowNanos) {
        startedNanos = nowNanos;
        state.set(StageState.RUNNING);
        progress.set(-1);
        remaining.set("");
        message.set("Starting…");
        elapsed.set(Formats.duration(Duration.ZERO));
    }

    void tick(long nowNanos) {
        if (state.get() == StageState.RUNNING) {
            elapsed.set(Formats.duration(Duration.ofNanos(nowNanos - startedNanos)));
            remaining.set(remainingText(Duration.ofNanos(nowNanos - startedNanos), progress.get()));
        }
    }

    /**
     * The time left if the rest goes as fast as the part done, in steps coarse enough not to flicker at each tick;
     * "" in the first seconds or below 3 %, where one slow file would make the guess wild, and with no total known.
     */
    static String remainingText(Duration elapsedSoFar, double fractionDone) {
        if (fractionDone < 0.03 || fractionDone >= 1 || elapsedSoFar.toMillis() < 5_000) {
            return "";
        }
        double seconds = elapsedSoFar.toMillis() / 1000.0 * (1 - fractionDone) / fractionDone;
        if (seconds < 10) {
            return "a few seconds left";
        }
        if (seconds < 60) {
            return "about " + (long) (Math.ceil(seconds / 5) * 5) + " s left";
        }
        long minutes = Math.round(seconds / 60);
        return "about " + minutes + " min left";
    }

    void finished(StageState outcome, String text, List<String> lines, Duration took) {
        state.set(outcome);
        remaining.set("");
        if (outcome == StageState.FRESH) {
            progress.set(1);
        }
        message.set(text);
        if (lines != null) {
            summary.setAll(lines);
        }
        if (took != null) {
            elapsed.set(Formats.duration(took));
        }
    }

    /** From the engine thread: remember the latest figures and schedule one update if none is pending. */
    void progressFromEngine(long done, long total, String text, UiThreads threads) {
        latestProgress.set(new Object[]{done, total, text});
        if (progressScheduled.compareAndSet(false, true)) {
            threads.fx(() -> {
                progressScheduled.set(false);
                Object[] latest = latestProgress.get();
                if (latest == null || state.get() != StageState.RUNNING) {
                    return;
                }
                long d = (Long) latest[0];
                long t = (Long) latest[1];
                progress.set(t > 0 ? Math.min(1.0, (double) d / t) : -1);
                if (latest[2] != null && !((String) latest[2]).isBlank()) {
                    message.set((String) latest[2]);
                }
            });
        }
    }
}
