package com.puffy.pipeline.ui;

import com.puffy.pipeline.config.ConfigLoader;
import com.puffy.pipeline.core.Cancellation;
import com.puffy.pipeline.core.ExitCode;
import com.puffy.pipeline.core.OutputFiles;
import com.puffy.pipeline.core.OutputFolderInUseException;
import com.puffy.pipeline.core.PipelineException;
import com.puffy.pipeline.core.RunSettings;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.core.StageResult;
import com.puffy.pipeline.core.UserFolders;
import com.puffy.pipeline.engine.Pipeline;
import com.puffy.pipeline.engine.PipelineListener;
import com.puffy.pipeline.engine.PipelineReport;
import com.puffy.pipeline.engine.StageOutcome;
import com.puffy.pipeline.engine.StageRun;
import com.puffy.pipeline.engine.StageStatus;
import com.puffy.pipeline.generate.SampleData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's state: which folder is open, where outputs and the cache go, the four stages, and the current run.
 * It calls the engine on {@link UiThreads#engine(Runnable)} and changes its properties only on the FX thread.
 */
public final class MainViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(MainViewModel.class);

    private final Pipeline pipeline;
    private final UiThreads threads;
    private final RecentFolders recent;
    private final SampleDataSource sampleData;
    private final Clock clock;
    private final FolderAccess folderAccess;

    private final ObjectProperty<Path> inputDir = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> outputDir = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> cacheFile = new SimpleObjectProperty<>(UserFolders.defaultCacheFile());
    private final BooleanProperty cacheEnabled = new SimpleBooleanProperty(true);
    /** The configuration file whose rules are in effect for the open folder; null: the built-in defaults. */
    private final ObjectProperty<Path> configFile = new SimpleObjectProperty<>();
    /** Why the rules in effect cannot be used, in the app's words; "" when they load. */
    private final StringProperty configProblem = new SimpleStringProperty("");
    /** The as-of date the user chose for this folder; null: the default (today, or the sample's own date). */
    private final ObjectProperty<LocalDate> asOf = new SimpleObjectProperty<>();
    private final StringProperty asOfDefault = new SimpleStringProperty("today");
    /** Whether the open folder is the bundled sample (its as-of date is its own, not today). */
    private boolean sampleOpen;
    /** The day "today" meant when last looked at, to notice midnight (UTC). */
    private LocalDate defaultDay;
    private final ObservableList<Path> recentFolders = FXCollections.observableArrayList();
    private final ObservableList<StageViewModel> stages = FXCollections.observableArrayList();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty statusMessage = new SimpleStringProperty("Open a folder of daily event files to begin.");
    private static final String NO_RUN_YET = "No run yet";
    private final StringProperty lastRun = new SimpleStringProperty(NO_RUN_YET);
    private final IntegerProperty outputsVersion = new SimpleIntegerProperty();
    private final ObjectProperty<UiError> lastError = new SimpleObjectProperty<>();
    private final ObservableList<String> unreadableInputs = FXCollections.observableArrayList();
    private final StringProperty unreadableMessage = new SimpleStringProperty("");
    private final StringProperty unreadableLink = new SimpleStringProperty("");
    private final StringProperty nothingToShow = new SimpleStringProperty("");
    private final StringProperty outdatedNotice = new SimpleStringProperty("");
    /** What came, changed or went in the folder since Quality's last run, as last read; "" when nothing or unknown. */
    private String folderChanges = "";
    /**
     * The engine's words for the stale stages it can say more about (Monitoring's history in the cache, decision
     * 0818), as last read: the line above the screens says them instead of "the folder or the settings changed".
     */
    private Map<StageId, String> whyOutOfDate = Map.of();
    /** What the last recheck said in the status bar about the folder's changes, while no other message replaced it. */
    private String changeInStatusBar = "";
    /** What the status bar said of another run writing into the outputs; "" when it said nothing of one. */
    private String anotherRunInStatusBar = "";
    /** The stages of the app's run under way that had no outputs when it began: their screens say the run goes on. */
    private Set<StageId> withoutOutputsThisRun = EnumSet.noneOf(StageId.class);
    /** How many files Quality lists in the folder of the run under way; -1 when the folder could not be listed. */
    private int filesThisRun = -1;
    /**
     * From the end of the app's own run until its statuses are read: a look meanwhile compared the run's new manifests
     * with the folder before the run, and beside a leftover folder took them for another run writing (decision 0811).
     */
    private boolean readingAfterOwnRun;
    /**
     * True while the cards take the statuses just read, one after the other: the line above the screens then waits for
     * the last, as it went through "Quality is out of date", "Quality, Transform are…" and the general words before
     * naming the new file — four changes for one, at each look at a folder still being copied into.
     */
    private boolean statusesChanging;
    /** Whether another build of the app made the open folder's last run (it was installed or updated since). */
    private boolean lastRunByAnotherBuild;
    /**
     * The stages whose outputs another build made. After a run of Quality alone by this build, run.json is this
     * build's while Transform, Analysis and Monitoring still hold the old build's outputs: their cards and the line
     * above the screens blamed "the folder or the settings", which had not changed.
     */
    private Set<StageId> madeByAnotherBuild = EnumSet.noneOf(StageId.class);
    /** Why the last run on {@link #failedFolder} found nothing to read, kept until a run there succeeds. */
    private String failedReason = "";
    private Path failedFolder;
    private final List<Consumer<UiError>> errorListeners = new ArrayList<>();
    private final Map<StageId, StageViewModel> byId = new EnumMap<>(StageId.class);

    private volatile Cancellation current;
    /** F5 was pressed and the files the run starts from are being looked at, off the FX thread. */
    private boolean startingRun;
    /**
     * How many readings of the statuses were started; only the newest is shown. The rules file and the outputs are
     * read off the FX thread (decision 0831), so a reading a slow disk held up could arrive after a newer one.
     */
    private int statusReadings;
    /** Runs started: a reading begun before one shows nothing, as the end of the run reads everything again. */
    private int runsStarted;
    /** What the newest reading under way shows when it arrives, with what the readings it overtook were to show. */
    private StatusDuty owed = StatusDuty.RECHECK;
    /**
     * A reading is under way on a loader thread. One at a time: on a slow drive every window switch started another
     * read of the same files, holding both loader threads (which also load the screens' tables).
     */
    private boolean readingUnderWay;
    /** The window was shown and then closed: nothing is read for it, and nothing read meanwhile is shown. */
    private boolean windowClosed;
    /** Whether the window shows: the folder is looked at only then. */
    private final BooleanProperty windowShowing = new SimpleBooleanProperty();
    private final FolderPoll folderPoll;

    public MainViewModel(Pipeline pipeline, UiThreads threads, RecentFolders recent, SampleDataSource sampleData,
                         Clock clock) {
        this(pipeline, threads, recent, sampleData, clock, FolderAccess.system());
    }

    /** {@code folderAccess} says whether a folder's files may be read when it is opened. */
    public MainViewModel(Pipeline pipeline, UiThreads threads, RecentFolders recent, SampleDataSource sampleData,
                         Clock clock, FolderAccess folderAccess) {
        this.pipeline = pipeline;
        this.threads = threads;
        this.recent = recent;
        this.sampleData = sampleData;
        this.clock = clock;
        this.folderAccess = folderAccess;
        this.folderPoll = new FolderPoll(threads, clock);
        Set<StageId> available = pipeline.availableStages();
        for (StageId id : StageId.values()) {
            StageViewModel stage = new StageViewModel(id, available.contains(id));
            stages.add(stage);
            byId.put(id, stage);
        }
        recentFolders.setAll(recent.list());
        for (StageViewModel stage : stages) {
            stage.stateProperty().addListener((o, was, is) -> showOutdatedNotice());
        }
        running.addListener((o, was, is) -> showOutdatedNotice());
        windowShowing.addListener((o, was, is) -> windowClosed = was && !is);
    }

    // ---- properties ------------------------------------------------------------------------------------------

    public ObjectProperty<Path> inputDirProperty() {
        return inputDir;
    }

    public ObjectProperty<Path> outputDirProperty() {
        return outputDir;
    }

    public ObjectProperty<Path> cacheFileProperty() {
        return cacheFile;
    }

    public BooleanProperty cacheEnabledProperty() {
        return cacheEnabled;
    }

    public ObjectProperty<Path> configFileProperty() {
        return configFile;
    }

    /**
     * Why the rules in effect cannot be used (the chosen file is gone, or no longer loads), one sentence naming the
     * file and what to do; "" when they load. While it is not empty nothing runs: the app never falls back to other
     * rules on its own.
     */
    public StringProperty configProblemProperty() {
        return configProblem;
    }

    /** The rules in effect as the header names them: "built-in defaults" or the file's name. */
    public String rulesName() {
        Path file = configFile.get();
        return file == null ? "built-in defaults" : String.valueOf(file.getFileName());
    }

    public ObservableList<Path> recentFolders() {
        return recentFolders;
    }

    /** The as-of date chosen for the open folder, or null when it is judged as of its default. Set it with {@link #setAsOf}. */
    public ObjectProperty<LocalDate> asOfProperty() {
        return asOf;
    }

    /** The default as the app words it: "today", or the sample data's own date. */
    public StringProperty asOfDefaultProperty() {
        return asOfDefault;
    }

    /** The date FRESHNESS is judged on now: the chosen one, else today (UTC), else for the sample its own date. */
    public LocalDate effectiveAsOf() {
        if (asOf.get() != null) {
            return asOf.get();
        }
        Path input = inputDir.get();
        return input != null && isSampleFolder(input) ? SampleData.AS_OF : today();
    }

    /** In the SPEC's order: Quality, Transform, Analysis, Monitoring. */
    public ObservableList<StageViewModel> stages() {
        return stages;
    }

    public StageViewModel stage(StageId id) {
        return byId.get(id);
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    /** Set by the window: while it is not showing, the open folder is not looked at. */
    public BooleanProperty windowShowingProperty() {
        return windowShowing;
    }

    /** True while something slow that is not a run happens (preparing the sample data). */
    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty statusMessageProperty() {
        return statusMessage;
    }

    public StringProperty lastRunProperty() {
        return lastRun;
    }

    /** Changes whenever the outputs on disk may have changed: screens reload their files when it does. */
    public IntegerProperty outputsVersionProperty() {
        return outputsVersion;
    }

    public ObjectProperty<UiError> lastErrorProperty() {
        return lastError;
    }

    /**
     * The event files the Quality outputs on screen could not read, one sentence each naming the file and what to
     * do (the engine's {@code StageResult.unreadableInputs}, from the last run or the stage's manifest); empty when
     * every file was read or Quality is not up to date.
     */
    public ObservableList<String> unreadableInputs() {
        return FXCollections.unmodifiableObservableList(unreadableInputs);
    }

    /**
     * What the unreadable files mean for the numbers and what to do, "" when there are none: one file by its name and
     * reason, several by their count (their list is in Findings, {@link #unreadableLinkProperty()}).
     */
    public StringProperty unreadableMessageProperty() {
        return unreadableMessage;
    }

    /** The words of the link that shows the unreadable files' findings, "" when there are none. */
    public StringProperty unreadableLinkProperty() {
        return unreadableLink;
    }

    /**
     * Why every screen is empty for the open folder and what to do, in one sentence: it holds no CSV file, or its
     * event files hold only their header line. "" when it holds event rows, or before a run has said whether it does.
     */
    public StringProperty nothingToShowProperty() {
        return nothingToShow;
    }

    /**
     * What a screen of stage {@code id} says while the stage has nothing to show: {@code runHint} (how to run it) when
     * it simply has not run; otherwise why the last run left it empty. After a run that failed, the line above the
     * screens gave its reasons while each screen still said "Run the Quality stage…", as if nothing had happened.
     */
    public String noOutputsHint(StageId id, String runHint) {
        if (inputDir.get() == null) {
            return runHint;
        }
        String inThisRun = whileThisRunGoesOn(id);
        if (!inThisRun.isEmpty()) {
            return inThisRun;
        }
        boolean reasonsAbove = !nothingToShow.get().isEmpty();
        String next = reasonsAbove
                ? ". The reasons are in the line above the screens: do what it says, then run again (F5)."
                : ". The run's error message said why: fix that, then run again (F5).";
        if (lastRunFailed(id)) {
            return "The last run of " + id.title() + " failed, so it has nothing to show" + next;
        }
        for (StageId earlier : StageId.values()) {
            if (id.allUpstream().contains(earlier) && lastRunFailed(earlier)) {
                return id.title() + " did not run: " + earlier.title() + ", which it needs, failed in the last run"
                        + next;
            }
        }
        // A folder without CSV files: "Run the Quality stage" under "choose the folder that holds…" above.
        return reasonsAbove ? "Nothing to show here: the line above the screens says why and what to do." : runHint;
    }

    /**
     * What a screen with nothing to show says while the app's run will write its stage's outputs: on a folder never
     * run, the Quality screen said "Nothing to show yet · Run the Quality stage" for the whole of Quality's run, its
     * card's bar moving beside it (decision 0811). "" when the stage does not run now.
     */
    private String whileThisRunGoesOn(StageId id) {
        StageViewModel stage = byId.get(id);
        if (!running.get() || stage == null) {
            return "";
        }
        if (stage.getState() == StageState.RUNNING) {
            String doing = id == StageId.QUALITY && filesThisRun > 0
                    ? "Quality is checking the " + com.puffy.pipeline.core.Words.count(filesThisRun, "file", "files")
                    + " in this folder now" : id.title() + " is running now";
            return doing + ": its results show here when it finishes. Its card on the left shows how far it has got.";
        }
        if (stage.getState() == StageState.WAITING) {
            List<StageId> before = stages.stream().map(StageViewModel::id)
                    .filter(up -> id.allUpstream().contains(up) && (byId.get(up).getState() == StageState.RUNNING
                            || byId.get(up).getState() == StageState.WAITING)).toList();
            return id.title() + " runs " + (before.isEmpty() ? "next" : "once " + StageRun.titles(before)
                    + (before.size() == 1 ? " has" : " have") + " finished") + ": its results show here then. The "
                    + "cards on the left show how far the run has got.";
        }
        return "";
    }

    /**
     * Whether the app's run under way writes {@code id}'s first outputs: its screen has nothing to show until the stage
     * finishes, and says why when the stage starts waiting and running (the view reads it again then).
     */
    public boolean writesFirstOutputs(StageId id) {
        return running.get() && withoutOutputsThisRun.contains(id);
    }

    /** Whether the last run of {@code id} failed: said by its card, or for Quality kept with the folder's reasons. */
    private boolean lastRunFailed(StageId id) {
        StageViewModel stage = byId.get(id);
        return stage != null && stage.getState() == StageState.FAILED
                || id == StageId.QUALITY && !lastFailure(inputDir.get()).isEmpty();
    }

    /**
     * Above the screens while a stage with outputs is out of date: the screens go on showing the last run's results
     * (reloading them on every change would be felt), and nothing on them said those results were from before a
     * day's file came in, a file was corrected or one was deleted — Monitoring still said the new day "has not
     * arrived" while it sat in the folder, with only a badge and a status message, soon replaced, to say otherwise.
     * "" while running and while every stage is up to date.
     */
    public StringProperty outdatedNoticeProperty() {
        return outdatedNotice;
    }

    private void showOutdatedNotice() {
        if (statusesChanging) {
            return;
        }
        List<String> changed = new ArrayList<>();
        List<String> anotherBuild = new ArrayList<>();
        List<StageId> saidWhy = new ArrayList<>();
        for (StageViewModel stage : stages) {
            if (stage.getState() == StageState.STALE) {
                if (madeByAnotherBuild.contains(stage.id())) {
                    anotherBuild.add(stage.id().title());
                } else if (whyOutOfDate.containsKey(stage.id())) {
                    saidWhy.add(stage.id());
                } else {
                    changed.add(stage.id().title());
                }
            }
        }
        if (running.get() || changed.isEmpty() && anotherBuild.isEmpty() && saidWhy.isEmpty()) {
            outdatedNotice.set("");
            return;
        }
        boolean several = changed.size() + anotherBuild.size() + saidWhy.size() > 1;
        String update = " Run all (F5) to update " + (several ? "them." : "it.");
        if (!saidWhy.isEmpty()) {
            List<String> clauses = new ArrayList<>();
            if (!changed.isEmpty()) {
                clauses.add((!folderChanges.isEmpty() ? folderChanges
                        : "the folder or the settings changed since the last run") + ", so " + fromBefore(changed));
            }
            clauses.add(fromBefore(saidWhy.stream().map(StageId::title).toList()));
            if (!anotherBuild.isEmpty()) {
                clauses.add(byAnotherVersion(anotherBuild));
            }
            outdatedNotice.set("Out of date: " + String.join(", and ", clauses) + ". " + whyOnTheirOwn(saidWhy)
                    + update);
        } else if (anotherBuild.isEmpty()) {
            outdatedNotice.set("Out of date: " + (!folderChanges.isEmpty() ? folderChanges
                    : "the folder or the settings changed since the last run") + ", so " + fromBefore(changed) + "."
                    + update);
        } else if (changed.isEmpty() && lastRunByAnotherBuild) {
            outdatedNotice.set("Out of date: another version of the app made the last run (this one was installed or "
                    + "updated since), so " + fromBefore(anotherBuild) + "." + update);
        } else if (changed.isEmpty()) {
            outdatedNotice.set("Out of date: " + byAnotherVersion(anotherBuild) + " (this one was installed or updated "
                    + "since)." + update);
        } else {
            outdatedNotice.set("Out of date: " + (!folderChanges.isEmpty() ? folderChanges
                    : "the folder or the settings changed since the last run") + ", so " + fromBefore(changed)
                    + ", and " + byAnotherVersion(anotherBuild) + "." + update);
        }
    }

    /**
     * The engine's words for the stages out of date for a reason of their own, each after its title ("Monitoring: Its
     * baselines used …"); a stage out of date behind one of them (Analysis behind Monitoring) would only repeat it.
     */
    private String whyOnTheirOwn(List<StageId> saidWhy) {
        List<String> reasons = new ArrayList<>();
        for (StageId id : saidWhy) {
            if (id.upstream().stream().noneMatch(saidWhy::contains)) {
                reasons.add(id.title() + ": " + whyOutOfDate.get(id));
            }
        }
        return String.join(" ", reasons);
    }

    /** "Quality shows its results from before", "Quality, Transform show their results from before". */
    private static String fromBefore(List<String> titles) {
        return String.join(", ", titles) + (titles.size() == 1 ? " shows its" : " show their") + " results from before";
    }

    /** "Transform shows results made by another version of the app". */
    private static String byAnotherVersion(List<String> titles) {
        return String.join(", ", titles) + (titles.size() == 1 ? " shows" : " show")
                + " results made by another version of the app";
    }

    public void onError(Consumer<UiError> listener) {
        errorListeners.add(listener);
    }

    /** The finished output folder of a stage in the current output folder, or null when no folder is open. */
    public Path stageOutput(StageId id) {
        Path out = outputDir.get();
        return out == null ? null : out.resolve(id.outputFolder());
    }

    // ---- folder ------------------------------------------------------------------------------------------------

    /** First start: the folder passed on the command line, else the last one opened, else the sample data. */
    public void startup(Path folderFromCommandLine) {
        if (folderFromCommandLine != null) {
            openFolder(folderFromCommandLine);
            return;
        }
        for (Path folder : recentFolders) {
            if (Files.isDirectory(folder)) {
                openFolder(folder);
                return;
            }
        }
        openSampleData();
    }

    public void openFolder(Path folder) {
        if (running.get()) {
            report(new UiError("A run is in progress: cancel it (Esc) or wait for it before opening another folder.", ""));
            return;
        }
        if (folder == null || !Files.isDirectory(folder)) {
            boolean wasRecent = folder != null && recentFolders.contains(folder);
            report(new UiError(notAFolder(folder, wasRecent), ""));
            if (wasRecent) {
                recentFolders.setAll(recent.remove(folder));
            }
            return;
        }
        Path absolute = folder.toAbsolutePath().normalize();
        // "Last run" is the open folder's: after a run on the sample, a folder never run said "Last run 18:44: 7.2 s".
        // Its own outputs' time, if any, comes back with its statuses.
        if (!absolute.equals(inputDir.get())) {
            lastRun.set(NO_RUN_YET);
        }
        inputDir.set(absolute);
        outputDir.set(RunSettings.defaultOutputFor(absolute));
        recentFolders.setAll(recent.add(absolute));
        asOf.set(recent.asOf(absolute));
        // The rules chosen for this folder last time, as they are now: a file gone or broken since is said, not
        // replaced by the defaults, whose different rules would turn every stage stale (or run under them).
        configFile.set(recent.config(absolute));
        sampleOpen = isSampleFolder(absolute);
        defaultDay = today();
        asOfDefault.set(defaultAsOfText());
        // The last folder's unreadable file is no concern of this one; this folder's are read with its statuses.
        showUnreadable(List.of());
        // Nor is another run writing into the last folder's outputs.
        showAnotherRunWriting(false);
        boolean holdsCsv = holdsCsvFiles(absolute);
        if (!absolute.normalize().equals(failedFolder)) {
            failedReason = "";
            failedFolder = null;
        }
        String denied = folderAccess.denied(absolute);
        nothingToShow.set(!denied.isEmpty() ? cannotRead(absolute, denied)
                : holdsCsv ? lastFailure(absolute) : noCsvFile(absolute));
        // On a first start the window opens on the sample by itself: its status said only "Opened …/sample-data."
        statusMessage.set(sampleOpen ? "Opened the sample data (" + absolute + "): Run all (F5) to see what the "
                + "checks find in it, or open your own folder of daily event files (Ctrl+O)."
                // A folder without CSV files says why above the screens (nothingToShow); the same words in the
                // status bar below were two copies on one screen.
                : "Opened " + absolute + ".");
        LOG.info("Opened folder {}", absolute);
        // A reading under way for the folder open before shows nothing, and says nothing of its rules.
        owed = owed.onlyTheLastRunsEnd();
        refreshStatuses();
    }

    private static final String CHOOSE_FOLDER = "choose the folder that holds the daily event files "
            + "(events_YYYYMMDD.csv) with File → Open folder… (Ctrl+O).";

    private static String noCsvFile(Path folder) {
        Path input = Pipeline.inputOfRunIn(folder);
        if (input != null) {
            return outputFolderOpened(folder, input);
        }
        return folder + " holds no CSV file, so every screen is empty: " + CHOOSE_FOLDER;
    }

    /**
     * The output folder of an earlier run, opened as if it held event files (it sits beside the input, named like it):
     * it was called a folder with "no CSV file", though its subfolders hold many, and did not say where the results are.
     */
    private static String outputFolderOpened(Path folder, Path input) {
        return folder + " is the output folder of a run on " + input + ", not a folder of event files, so every screen "
                + "is empty: " + (Files.isDirectory(input) ? "open " + input + " (File → Open folder…, Ctrl+O) to see "
                + "that run's results." : "its event files are no longer in " + input + "; " + CHOOSE_FOLDER);
    }

    /**
     * Why the screens of {@code folder} are empty, from the folder and Quality's last outputs. After F5 on an empty
     * folder the status bar said only "The run failed; nothing was written." once its dialog was closed, and on a
     * folder of header-only files "Finished 4 stages … with 1 CRITICAL alert": neither said why every screen was
     * empty, and the screens said "Run the Quality stage" or showed zeros.
     */
    static String nothingToShow(Path folder, StageStatus quality, StageManifest qualityManifest, FolderAccess access) {
        if (folder == null) {
            return "";
        }
        if (Files.notExists(folder)) {
            return folderGone(folder, quality);
        }
        String denied = access.denied(folder);
        if (!denied.isEmpty()) {
            return cannotRead(folder, denied);
        }
        if (!holdsCsvFiles(folder)) {
            return noCsvFile(folder);
        }
        if (quality != StageStatus.FRESH || qualityManifest == null || qualityManifest.eventFiles() == 0
                || qualityManifest.rowsRead() > 0) {
            return "";
        }
        long files = qualityManifest.eventFiles();
        return (files == 1 ? "The only event file in " + folder + " holds" : "The " + files + " event files in "
                + folder + " hold") + " only a header line, no events, so every screen is empty: check that the "
                + "export wrote the days' events, then run again (F5).";
    }

    /**
     * A folder the user may not read: it opened with "Opened …" and a Quality card ready to run, and only F5 said
     * "cannot be read: check its permissions", in a dialog that went away on OK.
     */
    private static String cannotRead(Path folder, String denied) {
        return folder + " cannot be read: " + denied + ", so nothing can run. Ask whoever manages it for read access, "
                + "or copy the daily event files into a folder of your own and open that (File → Open folder…, Ctrl+O).";
    }

    /**
     * The open folder moved, renamed or deleted while the app was open. Its cards said only "stale: inputs or settings
     * changed since the last run" (what the engine sees of files that are gone) and F5 a dialog that vanished on OK;
     * nothing above the screens said that the folder itself was gone or that the screens show its last run.
     */
    private static String folderGone(Path folder, StageStatus quality) {
        return folder + " is no longer there (moved, renamed or deleted?), so it cannot run: open it where it is now "
                + "(File → Open folder…, Ctrl+O)" + (quality == null || quality == StageStatus.NEVER_RUN ? "."
                : "; the screens show its last run, kept as it was.");
    }

    /**
     * A folder whose files Quality could not read at all (all compressed, all without event columns, all unreadable)
     * fails before writing anything: its reasons were said in the run's dialog only, and once it was closed the
     * screens were empty under "The run failed; nothing was written." They stay above the screens until a run there
     * succeeds. Other failures (settings, a full disk) are not about the folder and keep to the dialog.
     */
    private void rememberInputFailure(Path folder, Throwable error, Set<StageId> hadOutputs, boolean holdsCsv) {
        // A folder without any CSV file has its own line already. Whether it holds one was asked off the FX thread.
        if (!hadOutputs.contains(StageId.QUALITY) && holdsCsv
                && UiError.rootCause(error) instanceof PipelineException failure
                && failure.exitCode() == ExitCode.UNREADABLE_INPUT) {
            failedFolder = folder.toAbsolutePath().normalize();
            failedReason = "The last run found nothing to read. " + UiError.inTheAppsWords(failure.getMessage());
            nothingToShow.set(failedReason);
        }
    }

    private String lastFailure(Path folder) {
        return folder != null && folder.toAbsolutePath().normalize().equals(failedFolder) ? failedReason : "";
    }

    /**
     * Whether any file the Quality stage lists (a CSV, compressed or not) lies directly in the folder. A folder without
     * one opened with "Opened …" and a Quality screen saying "Run the Quality stage", and said what was wrong only
     * after the run. A folder that cannot be listed counts as holding some: the run then says why.
     */
    private static boolean holdsCsvFiles(Path folder) {
        try {
            return !FolderChanges.listedNamesIn(folder).isEmpty();
        } catch (java.io.IOException | RuntimeException e) {
            return true;
        }
    }

    /**
     * Why {@code folder} cannot be opened and what to do. A folder given on the command line or in Recent that was
     * since moved or deleted was called "not a folder", which sent users looking at a path that no longer exists.
     */
    private static String notAFolder(Path folder, boolean wasRecent) {
        if (folder == null) {
            return "No folder was chosen: choose the folder that holds the daily event CSV files (File → Open "
                    + "folder…, Ctrl+O).";
        }
        if (Files.exists(folder)) {
            return folder + " is a file, not a folder: choose the folder that holds the daily event CSV files (File → "
                    + "Open folder…, Ctrl+O).";
        }
        return folder + " does not exist (moved, renamed or on a drive that is not connected?)"
                + (wasRecent ? ", so it was taken off Recent" : "") + ": choose the folder that holds the daily "
                + "event CSV files (File → Open folder…, Ctrl+O), or open the sample data.";
    }

    /**
     * Where Open folder… starts: beside the open folder, where its neighbours are. With the sample open (a first
     * start) that was the app's hidden data folder (~/.local/share/EventPipelineStudio), which holds nothing of the
     * user's: then beside the last folder of their own, else their home folder.
     */
    public Path folderChooserStart() {
        Path current = inputDir.get();
        List<Path> candidates = new ArrayList<>();
        if (current != null && !sampleOpen) {
            candidates.add(current);
        }
        recentFolders.stream().filter(folder -> !isSampleFolder(folder)).forEach(candidates::add);
        for (Path folder : candidates) {
            Path parent = folder.toAbsolutePath().getParent();
            if (parent != null && Files.isDirectory(parent)) {
                return parent;
            }
        }
        Path home = Path.of(System.getProperty("user.home", ""));
        return home.isAbsolute() && Files.isDirectory(home) ? home : null;
    }

    private static Path sampleFolder() {
        return UserFolders.dataDir().resolve("sample-data");
    }

    /**
     * "today (2026-11-26)": the date in UTC, which is tomorrow for an evening in America; the bare word hid which day
     * FRESHNESS was judged on.
     */
    private String defaultAsOfText() {
        return sampleOpen ? SampleData.AS_OF + " (sample)" : "today (" + today() + ")";
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /** Today as the product counts days: in UTC, whatever the machine's time zone (the As of picker marks it). */
    public LocalDate todayUtc() {
        return today();
    }

    private static boolean isSampleFolder(Path folder) {
        return folder.toAbsolutePath().normalize().equals(sampleFolder().toAbsolutePath().normalize());
    }

    public void openSampleData() {
        Path dir = sampleFolder();
        busy.set(true);
        statusMessage.set("Preparing the sample data in " + dir + "…");
        Path openBefore = inputDir.get();
        threads.background(() -> {
            try {
                Path folder = sampleData.ensure(dir);
                threads.fx(() -> {
                    busy.set(false);
                    // A folder the analyst opened while the sample was being written (Ctrl+O on a first start) was
                    // replaced by the sample a few seconds later.
                    if (java.util.Objects.equals(inputDir.get(), openBefore)) {
                        openFolder(folder);
                    }
                });
            } catch (Exception | Error e) {
                LOG.error("Sample data failed", e);
                threads.fx(() -> {
                    busy.set(false);
                    statusMessage.set("The sample data could not be prepared.");
                    report(UiError.of("prepare the sample data in " + dir, e));
                });
            }
        });
    }

    public void setOutputDir(Path folder) {
        if (folder == null || running.get()) {
            return;
        }
        outputDir.set(folder.toAbsolutePath().normalize());
        statusMessage.set("Outputs now go to " + outputDir.get() + ".");
        refreshStatuses();
    }

    public void setCacheFile(Path file) {
        if (file == null || running.get()) {
            return;
        }
        cacheFile.set(file.toAbsolutePath().normalize());
        cacheEnabled.set(true);
        refreshStatuses();
    }

    public void setCacheEnabled(boolean enabled) {
        cacheEnabled.set(enabled);
    }

    /**
     * Sets the as-of date of the open folder (null: back to the default) and remembers it for that folder. Only
     * Monitoring (and the report that summarizes it) depends on it, so only they become out of date.
     */
    public void setAsOf(LocalDate date) {
        Path input = inputDir.get();
        if (input == null || running.get() || java.util.Objects.equals(date, asOf.get())) {
            return;
        }
        asOf.set(date);
        recent.rememberAsOf(input, date);
        statusMessage.set("Freshness is now judged as of " + (date == null ? asOfDefault.get() : date.toString())
                + ": run Monitoring (or Run all, F5) to apply it.");
        LOG.info("As-of date of {} set to {}", input, date == null ? "the default" : date);
        refreshStatuses();
    }

    /** Back to the default as-of date: today, or the sample data's own date. */
    public void resetAsOf() {
        setAsOf(null);
    }

    /**
     * Puts the rules of {@code file} in effect for the open folder (null: the built-in defaults) and remembers them for
     * it. Stages whose part of the configuration changed turn out of date. A file that does not load is kept and said
     * at once (a dialog, the header), and nothing runs until it is fixed or another is chosen.
     */
    public void setConfigFile(Path file) {
        if (running.get()) {
            report(new UiError("A run is in progress: cancel it (Esc) or wait for it before changing the rules.", ""));
            return;
        }
        Path chosen = file == null ? null : file.toAbsolutePath().normalize();
        configFile.set(chosen);
        Path input = inputDir.get();
        if (input != null) {
            recent.rememberConfig(input, chosen);
        }
        LOG.info("Rules of {}: {}", input, chosen == null ? "built-in defaults" : chosen);
        // The file is read with the statuses, off the FX thread; what it says (or its error) is said when they arrive.
        startStatusReading(StatusDuty.RULES_CHOSEN);
    }

    /** The status bar once the rules just chosen loaded. */
    private void sayRulesChosen(Path chosen, boolean folderOpen) {
        statusMessage.set("Rules now from " + (chosen == null ? "the built-in defaults" : chosen)
                + (folderOpen ? ": stages whose rules changed are out of date; Run all (F5) to apply them." : "."));
    }

    /** Back to the built-in defaults for the open folder. */
    public void useDefaultConfig() {
        setConfigFile(null);
    }

    /** The configuration error in the app's words, with what to do in the app. */
    private static String configProblemText(RuntimeException e) {
        return UiError.inTheAppsWords(e.getMessage()) + (e.getMessage() != null && e.getMessage().contains("does not exist")
                ? "" : " Nothing runs until the rules load: fix them with Change… beside Rules, or use the built-in "
                + "defaults there.");
    }

    /**
     * The settings of a run now, as the engine wants them. Throws the configuration's own error if it is bad. It reads
     * the rules file: the window's own readings of the statuses and F5 read it off the FX thread instead.
     */
    public RunSettings settings() {
        if (inputDir.get() == null) {
            throw PipelineException.usage("No folder is open: open a folder of daily event files (Ctrl+O) first.");
        }
        RunSettings settings;
        try {
            settings = settingsInputs().load();
        } catch (RuntimeException e) {
            configProblem.set(configProblemText(e));
            throw e;
        }
        configProblem.set("");
        return settings;
    }

    /**
     * What the settings of a run are made of, taken on the FX thread; {@link #load} reads the rules file, off it. F5 and
     * the readings of the statuses take them alike (decisions 0830, 0831).
     */
    private record SettingsInputs(Path input, Path output, Path rules, LocalDate asOf, Path cache) {
        /** Reads the rules file ({@code rules}, null: the built-in defaults); throws its error when they do not load. */
        RunSettings load() {
            return new RunSettings(input, output, ConfigLoader.load(rules), rules, asOf, false, cache);
        }
    }

    private SettingsInputs settingsInputs() {
        return new SettingsInputs(inputDir.get(), outputDir.get(), configFile.get(), effectiveAsOf(),
                cacheEnabled.get() ? cacheFile.get() : null);
    }

    /** Reads each stage's status from the outputs on disk, off the FX thread. */
    public void refreshStatuses() {
        startStatusReading(StatusDuty.EVERYTHING);
    }

    /**
     * The outputs changed on disk while the app ran nothing: another run on the same folder ({@code eventpipe run} from
     * cron or a terminal, or the app in a second window) rewrote them. The screens read them again and the status bar
     * says why they changed (decision 0793); a badge alone left the screens on the old outputs.
     */
    void outputsRewrittenElsewhere() {
        if (inputDir.get() == null || running.get()) {
            return;
        }
        LOG.info("The stage manifests in {} changed without a run of this app: reading the outputs again",
                outputDir.get());
        startStatusReading(StatusDuty.REWRITTEN_ELSEWHERE);
    }

    /** What the open folder's poll compares: the folder, the rules file and each stage's manifest. */
    private FolderPoll.Look lookAt(RunSettings settings) {
        return FolderPoll.look(settings.inputDir(), settings.configFile(), settings.outputDir(),
                manifestFiles(settings.outputDir()));
    }

    private List<Path> manifestFiles(Path outputs) {
        if (outputs == null) {
            return List.of();
        }
        return pipeline.availableStages().stream()
                .map(id -> outputs.resolve(id.outputFolder()).resolve(OutputFiles.STAGE_MANIFEST)).toList();
    }

    /**
     * Starts a reading of the rules file and the statuses on a loader thread; what it found is shown on the FX thread
     * as {@code duty} (with what any reading it overtook was to show) says. The rules file was read on the FX thread at
     * every opening, window switch, look that saw a change and run's end: a slow disk, a network folder or a large
     * rules file froze the window (decision 0831). One reading at a time: one asked for while another reads has the
     * folder read again when that one arrives, whose older findings are not shown; nothing read before a run started is
     * shown after it, and nothing is read for a closed window.
     */
    private void startStatusReading(StatusDuty duty) {
        Path input = inputDir.get();
        if (windowClosed || input == null && !duty.rulesChosen()) {
            return;
        }
        owed = owed.and(duty);
        if (duty.afterOwnRun()) {
            readingAfterOwnRun = true;
        }
        int reading = ++statusReadings;
        if (readingUnderWay) {
            // The reading under way is overtaken: when it arrives, the folder is read again for this one.
            return;
        }
        readingUnderWay = true;
        int runs = runsStarted;
        SettingsInputs settings = settingsInputs();
        String shownBefore = statusMessage.get();
        threads.background(() -> {
            RulesAndStatuses found;
            try {
                found = rulesAndStatuses(settings);
            } catch (RuntimeException e) {
                LOG.warn("Cannot read the statuses of {}", input, e);
                found = null;
            }
            RulesAndStatuses read = found;
            threads.fx(() -> show(read, reading, runs, input, shownBefore));
        });
    }

    /**
     * What a reading is to show when it arrives. A newer reading overtakes an older one and shows what both were to: a
     * window switch just after a folder opened must still fill the cards' summaries, and one just after a run ended must
     * still leave the failed stages saying so.
     */
    private record StatusDuty(boolean everything, boolean rewrittenElsewhere, boolean afterOwnRun, boolean rulesChosen) {
        /** Only the badges that moved between fresh and stale: a window switch, a look that saw the folder change. */
        static final StatusDuty RECHECK = new StatusDuty(false, false, false, false);
        /** Every card, the line above the screens and the screens: opening the folder, another as-of date or output. */
        static final StatusDuty EVERYTHING = new StatusDuty(true, false, false, false);
        /** Everything, and the status bar says another run rewrote the outputs. */
        static final StatusDuty REWRITTEN_ELSEWHERE = new StatusDuty(true, true, false, false);
        /** After the app's own run: a stage that failed or was cancelled keeps saying so. */
        static final StatusDuty AFTER_OWN_RUN = new StatusDuty(false, false, true, false);
        /** Everything, once rules were chosen: the status bar says they are in effect, or a dialog why they do not load. */
        static final StatusDuty RULES_CHOSEN = new StatusDuty(true, false, false, true);

        StatusDuty and(StatusDuty other) {
            return new StatusDuty(everything || other.everything, rewrittenElsewhere || other.rewrittenElsewhere,
                    afterOwnRun || other.afterOwnRun, rulesChosen || other.rulesChosen);
        }

        /**
         * What is still owed once a run starts (its end reads everything again) or another folder opens (the last
         * folder's cards and rules are no concern of it): only the bookkeeping of the end of the run before.
         */
        StatusDuty onlyTheLastRunsEnd() {
            return afterOwnRun ? AFTER_OWN_RUN : RECHECK;
        }
    }

    /**
     * The rules file ({@code rules}, null: the built-in defaults) and the statuses as a reading found them off the FX
     * thread. When the rules do not load: {@code rulesError}, and only the stage {@code manifests} and the look at the
     * folder {@code seen}. {@code read} is null then, and without an open folder.
     */
    private record RulesAndStatuses(Path rules, RuntimeException rulesError, StatusReading read,
                                    Map<StageId, StageManifest> manifests, FolderPoll.Look seen) {
    }

    /** Off the FX thread: the rules file, then every status, as the settings of a run made now would read them. */
    private RulesAndStatuses rulesAndStatuses(SettingsInputs inputs) {
        RunSettings settings;
        try {
            settings = inputs.load();
        } catch (RuntimeException e) {
            return inputs.input() == null ? new RulesAndStatuses(inputs.rules(), e, null, Map.of(), null)
                    : new RulesAndStatuses(inputs.rules(), e, null, manifestsIn(inputs.output()), FolderPoll.look(
                    inputs.input(), inputs.rules(), inputs.output(), manifestFiles(inputs.output())));
        }
        if (inputs.input() == null) {
            return new RulesAndStatuses(inputs.rules(), null, null, Map.of(), null);
        }
        StatusReading read = readStatuses(settings);
        return new RulesAndStatuses(inputs.rules(), null, read, read.manifests(), read.seen());
    }

    /**
     * On the FX thread, what reading number {@code reading} found ({@code found} null: it failed, logged), unless it was
     * asked again meanwhile (then the folder is read again, and that reading shows what this one was to), a run started
     * (its end reads everything again) or the window closed since.
     */
    private void show(RulesAndStatuses found, int reading, int runs, Path input, String shownBefore) {
        readingUnderWay = false;
        if (reading != statusReadings && !windowClosed && !running.get()) {
            // Asked again while this one read (a window switch, a run's end, another folder): what it read may be older.
            startStatusReading(StatusDuty.RECHECK);
            return;
        }
        StatusDuty duty = owed;
        owed = StatusDuty.RECHECK;
        if (duty.afterOwnRun()) {
            // Even when nothing is shown: looks at the folder wait for this, and compare with what it saw.
            readingAfterOwnRun = false;
            if (found != null && found.seen() != null) {
                folderPoll.ownRunEnded(found.seen());
            }
        }
        if (found == null || windowClosed || runs != runsStarted || running.get()
                || !java.util.Objects.equals(input, inputDir.get())) {
            return;
        }
        String problemBefore = configProblem.get();
        if (found.rulesError() != null) {
            showRulesProblem(found.rulesError(), found.manifests(), duty, problemBefore, input != null);
            return;
        }
        configProblem.set("");
        if (duty.rulesChosen()) {
            sayRulesChosen(found.rules(), input != null);
        }
        if (found.read() == null) {
            return;
        }
        if (duty.everything() || !problemBefore.isEmpty() && !duty.afterOwnRun()) {
            if (!duty.everything() && statusMessage.get().equals(problemBefore)) {
                // Fixed (or restored) in another program meanwhile: the cards said whether they match was unknown, and
                // the status bar named the problem; everything is shown again, as opening the folder would.
                statusMessage.set("The rules load again (" + rulesName() + "): each stage says whether its outputs "
                        + "match them.");
            }
            showEverything(found.read(), duty.rewrittenElsewhere(), input, shownBefore);
        } else if (duty.afterOwnRun()) {
            showAfterOwnRun(found.read(), input);
        } else {
            showRecheck(found.read(), input);
        }
    }

    /**
     * The rules in effect do not load. Said in the header and the status bar rather than in a dialog on every folder
     * opened with them, and once: a window switch or a run's end says nothing said before. A dialog says it when the
     * rules were just chosen, and for an error that is not the file's (the cards are left as they were then).
     */
    private void showRulesProblem(RuntimeException error, Map<StageId, StageManifest> manifests, StatusDuty duty,
                                  String problemBefore, boolean folderOpen) {
        String problem = configProblemText(error);
        configProblem.set(problem);
        if (duty.rulesChosen()) {
            report(UiError.of("read the configuration", error));
        }
        if (!folderOpen || !duty.everything() && (duty.afterOwnRun() || problem.equals(problemBefore))) {
            return;
        }
        if (!(error instanceof com.puffy.pipeline.config.ConfigException)) {
            if (!duty.rulesChosen()) {
                report(UiError.of("read the configuration", error));
            }
            return;
        }
        statusMessage.set(problem);
        // The screens show the outputs of the last run, as they are on disk, rather than "open a folder"; the status bar
        // says when that run was. The cards cannot say whether outputs match rules that do not load.
        outputsVersion.set(outputsVersion.get() + 1);
        showUnknownUnderBrokenRules(manifests);
        showLastRun(manifests);
    }

    /** Every card, the line above the screens and the status bar from a reading: opening a folder shows this. */
    private void showEverything(StatusReading read, boolean rewrittenElsewhere, Path input, String opened) {
        folderPoll.statusesRead(read.seen());
        if (rewrittenElsewhere) {
            sayRewrittenElsewhere(read.manifests());
        }
        showLastRun(read.manifests());
        statusesChanging = true;
        try {
            for (StageViewModel stage : stages) {
                StageStatus status = read.statuses().get(stage.id());
                if (status != null) {
                    stage.showStatus(toState(status));
                    StageManifest manifest = read.manifests().get(stage.id());
                    stage.showSummary(inTheAppsWords(manifest.summary()), manifest.elapsed());
                    if (status != StageStatus.NEVER_RUN && !manifest.finishedAt().isEmpty()) {
                        String why = read.whyOutOfDate().get(stage.id());
                        stage.messageProperty().set((status == StageStatus.FRESH ? "Up to date; last run "
                                : read.madeByAnotherBuild().contains(stage.id())
                                ? "Outputs made by another version of the app; last run "
                                // Monitoring's history in the cache changed: "the inputs or settings" sent
                                // the analyst to a folder and settings that had not changed.
                                : why != null ? why + " Last run "
                                : "Outputs are older than the inputs or settings; last run ")
                                + manifest.finishedAt() + ".");
                    }
                }
            }
        } finally {
            statusesChanging = false;
        }
        showUnreadable(unreadableOfFreshQuality(read.statuses(), read.quality()));
        nothingToShow.set(read.emptiness().isEmpty() ? lastFailure(input) : read.emptiness());
        showChanges(read.changes(), read.madeByAnotherBuild(), read.lastRunByAnotherBuild(),
                read.whyOutOfDate());
        List<String> outdated = stages.stream()
                .filter(stage -> read.statuses().get(stage.id()) == StageStatus.STALE)
                .map(stage -> stage.id().title()).toList();
        // Reopening a folder a day was added to said only "Opened …", the stale badges out of sight below.
        if (!read.changes().isEmpty() && !outdated.isEmpty() && statusMessage.get().equals(opened)
                && opened.startsWith("Opened ")) {
            statusMessage.set(withoutFullStop(opened) + ": " + read.changes().sentence() + ", so "
                    + outOfDate(outdated) + ". Run all (F5) brings " + (outdated.size() == 1 ? "it" : "them")
                    + " up to date.");
        }
        outputsVersion.set(outputsVersion.get() + 1);
    }

    /**
     * What the cards, the line above the screens and the status bar are told of the open folder, read in one go off
     * the FX thread: opening the folder, a recheck and the end of a run each read the same things. {@code seen} is the
     * folder as it was just before the statuses were read (see {@link FolderPoll#statusesRead}).
     */
    private record StatusReading(FolderPoll.Look seen, Map<StageId, StageStatus> statuses,
                                 Map<StageId, StageManifest> manifests, StageManifest quality, FolderChanges changes,
                                 boolean lastRunByAnotherBuild, Set<StageId> madeByAnotherBuild, String emptiness,
                                 Map<StageId, String> whyOutOfDate) {
    }

    private StatusReading readStatuses(RunSettings settings) {
        FolderPoll.Look seen = lookAt(settings);
        Map<StageId, StageStatus> statuses = statusesOf(settings);
        Map<StageId, StageManifest> manifests = manifestsIn(settings.outputDir());
        // Null only where the pipeline has no Quality stage, whose status is then null too.
        StageManifest quality = manifests.get(StageId.QUALITY);
        return new StatusReading(seen, statuses, manifests, quality, changesSinceQuality(settings, statuses, quality),
                lastRunByAnotherBuild(settings.outputDir()), madeByAnotherBuild(manifests),
                nothingToShow(settings.inputDir(), statuses.get(StageId.QUALITY), quality, folderAccess),
                whyOutOfDate(settings, statuses));
    }

    /** The engine's words for the stale stages it can say more about than "something changed" (decision 0818). */
    private Map<StageId, String> whyOutOfDate(RunSettings settings, Map<StageId, StageStatus> statuses) {
        Map<StageId, String> why = new EnumMap<>(StageId.class);
        statuses.forEach((id, status) -> {
            if (status == StageStatus.STALE) {
                try {
                    pipeline.whyOutOfDate(settings, id).ifPresent(reason -> why.put(id, reason));
                } catch (RuntimeException e) {
                    LOG.warn("Cannot say why {} is out of date", id, e);
                }
            }
        });
        return why;
    }

    /**
     * The CSV files that came, changed or went since Quality's outputs were made, when those outputs are out of date.
     */
    private static FolderChanges changesSinceQuality(RunSettings settings, Map<StageId, StageStatus> statuses,
                                                     StageManifest quality) {
        if (statuses.get(StageId.QUALITY) != StageStatus.STALE) {
            return FolderChanges.NONE;
        }
        return FolderChanges.since(settings.inputDir(), quality.inputFiles(), quality.inputStamps());
    }

    /** Quality's card names the files that came, changed or went, which are why it is out of date. */
    private void showChanges(FolderChanges changes, Set<StageId> otherBuild, boolean lastRunByOther,
                             Map<StageId, String> engineSaysWhy) {
        folderChanges = changes.sentence();
        whyOutOfDate = engineSaysWhy;
        madeByAnotherBuild = otherBuild;
        lastRunByAnotherBuild = lastRunByOther;
        showOutdatedNotice();
        StageViewModel quality = byId.get(StageId.QUALITY);
        if (!changes.isEmpty() && quality.getState() == StageState.STALE) {
            quality.messageProperty().set(changes.sentence() + "; run again to bring the outputs up to date.");
        }
    }

    /**
     * Whether the run.json in {@code outputs} was written by another build than this one. After an update every stage
     * is stale (decision 0410), and the notice blamed "the folder or the settings", which had not changed.
     */
    private static boolean lastRunByAnotherBuild(Path outputs) {
        String build = Pipeline.buildOfRunIn(outputs);
        return build != null && !build.equals(com.puffy.pipeline.core.AppVersion.build());
    }

    /**
     * The stages whose outputs were made by another build, as their manifests say. A manifest without a build was
     * written before stage manifests recorded one (2026-11-27), so by another build than this one.
     */
    static Set<StageId> madeByAnotherBuild(Map<StageId, StageManifest> manifests) {
        Set<StageId> other = EnumSet.noneOf(StageId.class);
        manifests.forEach((id, manifest) -> {
            if (manifest != null && !manifest.finishedAtIso().isEmpty()
                    && !manifest.build().equals(com.puffy.pipeline.core.AppVersion.build())) {
                other.add(id);
            }
        });
        return other;
    }

    private static String outOfDate(List<String> titles) {
        return String.join(", ", titles) + (titles.size() == 1 ? " is" : " are") + " out of date";
    }

    private Map<StageId, StageManifest> manifestsIn(Path outputs) {
        Map<StageId, StageManifest> manifests = new EnumMap<>(StageId.class);
        for (StageId id : pipeline.availableStages()) {
            manifests.put(id, StageManifest.read(outputs.resolve(id.outputFolder())));
        }
        return manifests;
    }

    /**
     * The cards while the rules do not load: a stage with outputs cannot say whether they match the rules. A stage
     * that never ran was shown "stale" with "whether these outputs match them is unknown" too, for outputs that do
     * not exist.
     */
    private void showUnknownUnderBrokenRules(Map<StageId, StageManifest> manifests) {
        if (running.get()) {
            return;
        }
        for (StageViewModel stage : stages) {
            StageManifest manifest = manifests.get(stage.id());
            if (!stage.isAvailable() || manifest == null) {
                continue;
            }
            stage.showSummary(List.of(), null);
            if (manifest.finishedAtIso().isEmpty()) {
                stage.showStatus(StageState.NEVER_RUN);
                stage.messageProperty().set("Not run yet, and cannot run until the rules load: fix them (Change… "
                        + "beside Rules).");
            } else {
                stage.showStatus(StageState.STALE);
                stage.messageProperty().set("The rules do not load, so whether these outputs match them is "
                        + "unknown: fix the rules (Change… beside Rules).");
            }
        }
    }

    /** The status bar and the last-run corner, when another run rewrote the outputs the screens show. */
    private void sayRewrittenElsewhere(Map<StageId, StageManifest> manifests) {
        String latest = manifests.values().stream().map(StageManifest::finishedAtIso)
                .filter(t -> !t.isEmpty()).max(String::compareTo).orElse("");
        String when = latest.isEmpty() ? "" : " at " + StageManifest.shown(latest);
        lastRun.set(latest.isEmpty() ? NO_RUN_YET : "Last run " + StageManifest.shown(latest) + " (another run)");
        changeInStatusBar = "";
        anotherRunInStatusBar = "";
        showAnotherRunWriting(false);
        statusMessage.set("Another run (the command line, or the app in another window) rewrote the outputs" + when
                + ": the screens show them now.");
    }

    /** "Last run …" from the newest stage manifest, unless this session already ran or none was found. */
    private void showLastRun(Map<StageId, StageManifest> manifests) {
        if (running.get()) {
            return;
        }
        String latest = manifests.values().stream().map(StageManifest::finishedAtIso)
                .filter(t -> !t.isEmpty()).max(String::compareTo).orElse("");
        if (!latest.isEmpty() && lastRun.get().equals(NO_RUN_YET)) {
            lastRun.set("Last run " + StageManifest.shown(latest));
        }
    }

    /**
     * The files the Quality outputs could not read, as its manifest records them, when those outputs are up to date:
     * reopening a folder whose bad file is unchanged must say again that its day is missing. Out-of-date outputs say
     * nothing: the file may have been fixed, and the stale badge already asks for a run.
     */
    private static List<String> unreadableOfFreshQuality(Map<StageId, StageStatus> statuses, StageManifest quality) {
        return statuses.get(StageId.QUALITY) == StageStatus.FRESH && quality != null ? quality.unreadableInputs()
                : List.of();
    }

    /** Shows the unreadable files in the status bar, on the Quality screen and on Quality's card. */
    private void showUnreadable(List<String> sentences) {
        List<String> words = inTheAppsWords(sentences);
        if (words.equals(unreadableInputs)) {
            return;
        }
        unreadableInputs.setAll(words);
        int n = words.size();
        unreadableMessage.set(n == 0 ? "" : n == 1
                ? "1 event file could not be read, so its rows are missing from every output: "
                + withoutFullStop(words.get(0)) + ", then run again (F5)."
                : n + " event files could not be read, so their rows are missing from every output: fix each as its "
                + "finding says (or move it out of the folder), then run again (F5).");
        unreadableLink.set(n == 0 ? "" : n == 1 ? "Show it in Findings" : "Show the " + n + " files in Findings");
        byId.get(StageId.QUALITY).showWarning(n == 0 ? "" : n == 1 ? "1 file could not be read"
                : n + " files could not be read");
    }

    private static String withoutFullStop(String sentence) {
        String s = sentence.strip();
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * Looks again whether each stage is up to date, for when the window comes back to the front: an analyst drops
     * the new day's file into the folder and returns expecting the badges to say what is now out of date. Only a
     * badge that moved between fresh and stale changes; the screens keep their data (reloading a 5M-row folder on
     * every window switch would be felt), and a failed, cancelled or running stage keeps saying so.
     */
    public void recheckStatuses() {
        if (inputDir.get() == null || running.get()) {
            return;
        }
        // Rules deleted or broken in another program meanwhile are said once, as opening would, and without a dialog:
        // a window switch should not raise one. Rules that load again show everything again (see show).
        startStatusReading(StatusDuty.RECHECK);
    }

    /**
     * The badges that moved between fresh and stale, from a reading: the screens keep their data, and a failed,
     * cancelled or running stage keeps saying so.
     */
    private void showRecheck(StatusReading read, Path input) {
        folderPoll.statusesRead(read.seen());
        nothingToShow.set(read.emptiness().isEmpty() ? lastFailure(input) : read.emptiness());
        List<String> outdated = new ArrayList<>();
        statusesChanging = true;
        try {
            for (StageViewModel stage : stages) {
                StageStatus status = read.statuses().get(stage.id());
                StageState shown = stage.getState();
                if (status == null || shown != StageState.FRESH && shown != StageState.STALE
                        || toState(status) == shown) {
                    continue;
                }
                stage.showStatus(toState(status));
                stage.messageProperty().set(status == StageStatus.FRESH ? "Up to date."
                        : read.whyOutOfDate().containsKey(stage.id())
                        ? read.whyOutOfDate().get(stage.id()) + " Run again to bring its outputs up to date."
                        : read.madeByAnotherBuild().contains(stage.id())
                        ? "Outputs made by another version of the app; run again to bring them up to date."
                        // The line above names the files: "the folder or the settings" sent users to the
                        // settings.
                        : !read.changes().isEmpty()
                        ? "The folder changed since the last run; run again to bring the outputs up to date."
                        : "The folder or the settings changed since the last run; run again to include them.");
                if (status == StageStatus.STALE) {
                    outdated.add(stage.id().title());
                }
            }
        } finally {
            statusesChanging = false;
        }
        List<String> staleNow = stages.stream().filter(stage -> stage.getState() == StageState.STALE)
                .map(stage -> stage.id().title()).toList();
        // A second day dropped in while the first one's words were still in the status bar left them there,
        // under a line above the screens that named both.
        boolean saysAnEarlierLook = !changeInStatusBar.isEmpty() && statusMessage.get().equals(changeInStatusBar);
        if (!outdated.isEmpty() || saysAnEarlierLook && !read.changes().isEmpty() && !staleNow.isEmpty()) {
            List<String> named = outdated.isEmpty() ? staleNow : outdated;
            changeInStatusBar = afterALook(read, named);
            statusMessage.set(changeInStatusBar);
        } else if (saysAnEarlierLook && staleNow.isEmpty()) {
            changeInStatusBar = "";
            statusMessage.set("The folder is back as it was at the last run: nothing is out of date.");
        }
        showChanges(read.changes(), read.madeByAnotherBuild(), read.lastRunByAnotherBuild(),
                read.whyOutOfDate());
    }

    /**
     * The status bar after a look found {@code named} stages out of date: the files that came, changed or went; else
     * the engine's words for a stage out of date for a reason of its own, as its card and the line above the screens
     * say them (Monitoring's history in the cache, decision 0818: "the folder or the rules changed" sent the analyst
     * to a folder and rules that had not), and for one made by another version of the app; the general words only
     * for a stage the engine says nothing more about.
     */
    private static String afterALook(StatusReading read, List<String> named) {
        String update = " Run all (F5) to bring " + (named.size() == 1 ? "it" : "them") + " up to date.";
        if (!read.changes().isEmpty()) {
            return read.changes().sentence() + ": " + outOfDate(named) + "." + update;
        }
        List<StageId> ids = Arrays.stream(StageId.values()).filter(id -> named.contains(id.title())).toList();
        List<StageId> saidWhy = ids.stream().filter(read.whyOutOfDate()::containsKey).toList();
        List<String> reasons = new ArrayList<>();
        boolean general = false;
        for (StageId id : ids) {
            if (saidWhy.contains(id)) {
                // Analysis behind Monitoring says Monitoring's words again, after "Monitoring, whose outputs it reads".
                if (id.upstream().stream().noneMatch(saidWhy::contains)) {
                    reasons.add(id.title() + ": " + read.whyOutOfDate().get(id));
                }
            } else if (read.madeByAnotherBuild().contains(id)) {
                reasons.add(id.title() + ": outputs made by another version of the app.");
            } else {
                general = true;
            }
        }
        return (general ? "The folder or the rules changed: " : "") + outOfDate(named) + "."
                + (reasons.isEmpty() ? "" : " " + String.join(" ", reasons)) + update;
    }

    /** Each stage's status as the engine judges it; one it cannot judge (unreadable outputs) counts as stale. */
    private Map<StageId, StageStatus> statusesOf(RunSettings settings) {
        Map<StageId, StageStatus> statuses = new EnumMap<>(StageId.class);
        for (StageId id : pipeline.availableStages()) {
            try {
                statuses.put(id, pipeline.status(settings, id));
            } catch (RuntimeException e) {
                LOG.warn("Cannot read the status of {}", id, e);
                statuses.put(id, StageStatus.STALE);
            }
        }
        return statuses;
    }

    private static StageState toState(StageStatus status) {
        return switch (status) {
            case NEVER_RUN -> StageState.NEVER_RUN;
            case FRESH -> StageState.FRESH;
            case STALE -> StageState.STALE;
        };
    }

    // ---- runs --------------------------------------------------------------------------------------------------

    /** F5: every stage the build has, running only what is not fresh. */
    public void runAll() {
        run(pipeline.availableStages(), false);
    }

    /** Every stage again, even the fresh ones. */
    public void rerunAll() {
        run(pipeline.availableStages(), true);
    }

    /** A stage's Run button: runs it even when fresh, and any stale stage it needs first. */
    public void runStage(StageId id) {
        run(EnumSet.of(id), true);
    }

    public void cancel() {
        Cancellation cancellation = current;
        if (cancellation != null && (running.get() || startingRun)) {
            cancellation.cancel();
            statusMessage.set("Cancelling: the stage stops at its next check and keeps the previous outputs…");
        }
    }

    /**
     * Closing the window during a run: cancel it and call {@code close} once the engine has stopped, so the stage
     * in progress removes its work folder and keeps its previous outputs rather than dying half-way. Without a run,
     * closes at once.
     */
    public void closeWhenStopped(Runnable close) {
        if (!running.get()) {
            close.run();
            return;
        }
        running.addListener(new javafx.beans.value.ChangeListener<Boolean>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                if (!now) {
                    running.removeListener(this);
                    close.run();
                }
            }
        });
        cancel();
        statusMessage.set("Stopping the run before closing: the stage in progress keeps its previous outputs…");
    }

    /** Updates the elapsed time of the running stage; the view calls it a few times a second. */
    public void tick() {
        long now = System.nanoTime();
        for (StageViewModel stage : stages) {
            stage.tick(now);
        }
        newDay();
        lookAtFolder();
    }

    /**
     * A file dropped into the open folder while the window stays in front (a sync job) is noticed within a few
     * seconds, not only when the window comes back to the front. Never during a run: the run reads the folder itself,
     * and its end reads every status again; never starts one either.
     */
    private void lookAtFolder() {
        Path folder = inputDir.get();
        if (folder == null || running.get() || startingRun || readingAfterOwnRun || busy.get() || !windowShowing.get()) {
            return;
        }
        folderPoll.tick(folder, configFile.get(), outputDir.get(), manifestFiles(outputDir.get()), pollReactions);
    }

    /** What a look at the open folder makes the window do (decisions 0755, 0793, 0805). */
    private final FolderPoll.Reactions pollReactions = new FolderPoll.Reactions() {
        @Override
        public void folderChanged() {
            recheckStatuses();
        }

        @Override
        public void outputsRewritten() {
            outputsRewrittenElsewhere();
        }

        @Override
        public void anotherRunWriting() {
            sayAnotherRunWriting();
        }

        @Override
        public void anotherRunEndedWithoutOutputs() {
            sayAnotherRunEndedWithoutOutputs();
        }
    };

    /**
     * Another run (the command line from cron or a terminal, or the app in another window) writes into the open
     * folder's outputs: said at once, and the screens read them once, when it has finished (decision 0805). Reading
     * them after each of its stages read every output three or four times while it ran.
     */
    private void sayAnotherRunWriting() {
        if (inputDir.get() == null || running.get()) {
            return;
        }
        LOG.info("Another run is writing into {}: the outputs are read again when it has finished", outputDir.get());
        showAnotherRunWriting(true);
        changeInStatusBar = "";
        anotherRunInStatusBar = "Another run (the command line, or the app in another window) is writing this "
                + "folder's outputs: the screens show them when it has finished.";
        statusMessage.set(anotherRunInStatusBar);
    }

    /** The other run said to be writing stopped before any stage finished: the status bar no longer says it writes. */
    private void sayAnotherRunEndedWithoutOutputs() {
        showAnotherRunWriting(false);
        if (!anotherRunInStatusBar.isEmpty() && statusMessage.get().equals(anotherRunInStatusBar)) {
            statusMessage.set("The other run on this folder stopped without new outputs (it failed or was stopped "
                    + "before a stage finished): the screens show the outputs as they were.");
        }
        anotherRunInStatusBar = "";
    }

    /**
     * The cards, while another run replaces the outputs: they said "Up to date" of outputs being replaced (decision
     * 0805 left it), under the status bar's line. Their own words come back when the outputs are read again, or when
     * that run stopped without new ones.
     */
    private void showAnotherRunWriting(boolean writing) {
        for (StageViewModel stage : stages) {
            stage.anotherRunWriting(writing);
        }
    }

    /** How many times the open folder was looked at: for tests. */
    int folderLooks() {
        return folderPoll.looks();
    }

    /**
     * With As of at its default, midnight (UTC) moves the date FRESHNESS is judged on, and Monitoring's outputs are
     * then a day behind, as the CLI's are. The cards said "Up to date" until something else refreshed them while F5
     * ran Monitoring again; now the statuses are read again at once and the status bar says why Monitoring is out of
     * date. A date the user set does not move.
     */
    private void newDay() {
        if (inputDir.get() == null || sampleOpen || defaultDay == null || running.get()) {
            return;
        }
        LocalDate today = today();
        if (today.equals(defaultDay)) {
            return;
        }
        defaultDay = today;
        asOfDefault.set(defaultAsOfText());
        if (asOf.get() != null) {
            return;
        }
        StageViewModel monitor = byId.get(StageId.MONITOR);
        if (monitor != null && monitor.getState() == StageState.FRESH) {
            statusMessage.set("A new day (UTC) began: As of is now " + today + ", so Monitoring and the report are "
                    + "out of date; run them (F5) to judge freshness on the new day.");
        }
        LOG.info("New day {}: reading the stages' statuses again", today);
        refreshStatuses();
    }

    private void run(Set<StageId> requested, boolean force) {
        if (running.get() || startingRun) {
            return;
        }
        Set<StageId> missing = EnumSet.noneOf(StageId.class);
        for (StageId id : requested) {
            if (!byId.get(id).isAvailable()) {
                missing.add(id);
            }
            for (StageId up : id.allUpstream()) {
                if (!byId.get(up).isAvailable()) {
                    missing.add(up);
                }
            }
        }
        if (busy.get() && inputDir.get() == null) {
            statusMessage.set("The sample data is still being prepared: press Run all (F5) again once it has opened.");
            return;
        }
        if (inputDir.get() == null) {
            // F5 works where the disabled Run all button does not: it showed the engine's stack trace for a
            // sentence that needs none.
            report(new UiError("No folder is open, so there is nothing to run: open a folder of daily event files "
                    + "(File → Open folder…, Ctrl+O) or the sample data first.", ""));
            return;
        }
        if (requested.isEmpty() || !missing.isEmpty()) {
            report(new UiError("The " + (missing.isEmpty() ? "pipeline" : missing.iterator().next().title() + " stage")
                    + " is not available in this build, so this cannot run yet.", ""));
            return;
        }
        Cancellation cancellation = new Cancellation();
        current = cancellation;
        Set<StageId> needed = EnumSet.noneOf(StageId.class);
        for (StageId id : requested) {
            needed.add(id);
            needed.addAll(id.allUpstream());
        }
        // The rules file, the stage folders and the input folder are read off the FX thread: on a slow network drive
        // that small file work froze the window at F5. What the user sees comes after it, in the same order.
        SettingsInputs inputs = settingsInputs();
        Path input = inputs.input();
        startingRun = true;
        threads.background(() -> {
            RunSettings settings;
            try {
                settings = inputs.load();
            } catch (RuntimeException e) {
                String problem = configProblemText(e);
                threads.fx(() -> {
                    startingRun = false;
                    current = null;
                    configProblem.set(problem);
                    report(UiError.of("prepare the run", e));
                });
                return;
            }
            // A failed first run has no earlier outputs to keep: saying it kept them sent users looking for files.
            Set<StageId> hadOutputs = EnumSet.noneOf(StageId.class);
            for (StageId id : needed) {
                if (Files.isDirectory(settings.outputDir().resolve(id.outputFolder()))) {
                    hadOutputs.add(id);
                }
            }
            int files = filesIn(settings.inputDir());
            threads.fx(() -> {
                startingRun = false;
                if (running.get() || current != cancellation || !input.equals(inputDir.get())) {
                    return;
                }
                configProblem.set("");
                startRun(settings, requested, force, needed, hadOutputs, files, cancellation);
            });
        });
    }

    /** On the FX thread, once the files a run starts from were looked at off it. */
    private void startRun(RunSettings settings, Set<StageId> requested, boolean force, Set<StageId> needed,
                          Set<StageId> hadOutputs, int files, Cancellation cancellation) {
        // Before the cards change: the screens of the stages without outputs read their words as they do.
        withoutOutputsThisRun = EnumSet.copyOf(needed);
        withoutOutputsThisRun.removeAll(hadOutputs);
        filesThisRun = files;
        // This run replaces the outputs whatever another run did to them; its end reads them.
        showAnotherRunWriting(false);
        // A reading of the statuses begun before now shows nothing: it would put what it read over this run's cards.
        runsStarted++;
        owed = owed.onlyTheLastRunsEnd();
        running.set(true);
        for (StageId id : needed) {
            StageViewModel stage = byId.get(id);
            if (stage.getState() != StageState.FRESH || requested.contains(id) && force) {
                stage.waiting();
            }
        }
        statusMessage.set("Running " + describe(needed) + "…");
        LOG.info("Run of {} (force={}) on {}", requested, force, settings.inputDir());
        long started = System.nanoTime();
        List<Path> leftovers = new java.util.concurrent.CopyOnWriteArrayList<>();
        threads.engine(() -> {
            try {
                PipelineReport report = pipeline.run(settings, requested, force, listener(hadOutputs, leftovers),
                        cancellation);
                threads.fx(() -> {
                    finished(report, Duration.ofNanos(System.nanoTime() - started), hadOutputs);
                    statusMessage.set(statusMessage.get() + leftoverWords(leftovers));
                });
            } catch (Exception | Error e) {
                if (UiError.rootCause(e) instanceof OutputFolderInUseException) {
                    LOG.info("Run not started: another run holds {}", settings.outputDir());
                    threads.fx(this::anotherRunHoldsTheOutputs);
                    return;
                }
                LOG.error("Run failed", e);
                boolean holdsCsv = holdsCsvFiles(settings.inputDir());
                threads.fx(() -> {
                    statusMessage.set((hadOutputs.isEmpty() ? "The run failed; nothing was written."
                            : "The run failed; the previous outputs were kept.") + leftoverWords(leftovers));
                    rememberInputFailure(settings.inputDir(), e, hadOutputs, holdsCsv);
                    lastRun.set("Last run " + now() + ": failed");
                    endRun();
                    report(UiError.of("run the pipeline", e));
                });
            }
        });
    }

    /**
     * F5 while another run (the command line, the app in another window) holds the output folder: nothing ran. The app
     * said "The run failed; the previous outputs were kept.", "Last run …: failed" and "Not run this time" on every
     * card, with the engine's sentence in a dialog. Now the cards show what they showed, rewritten by that run, the
     * status bar says so, and the dialog says what to do (decision 0826).
     */
    private void anotherRunHoldsTheOutputs() {
        running.set(false);
        current = null;
        for (StageViewModel stage : stages) {
            stage.runDidNotStart();
        }
        folderPoll.anotherRunHoldsTheOutputs(clock.millis());
        showAnotherRunWriting(true);
        changeInStatusBar = "";
        anotherRunInStatusBar = ANOTHER_RUN_HOLDS_THE_OUTPUTS;
        statusMessage.set(anotherRunInStatusBar);
        report(new UiError(ANOTHER_RUN_HOLDS_THE_OUTPUTS + " To run now instead, send the outputs elsewhere with "
                + "Change… beside Output (File → Change output folder…).", ""));
    }

    static final String ANOTHER_RUN_HOLDS_THE_OUTPUTS = "Run all did not start: another run (the command line, or the "
            + "app in another window) is writing this folder's outputs. The screens show them when it has finished; "
            + "then press Run all (F5) again if a stage is still out of date.";

    /** The CSV files Quality lists in {@code folder}; -1 when it cannot be listed (the run says why). */
    private static int filesIn(Path folder) {
        try {
            return FolderChanges.listedNamesIn(folder).size();
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * " /out/.old-quality-… is left from an earlier run … and delete it; …": the command line's warning, after the
     * run's own words in the status bar (decision 0811). The app said nothing, and such a folder stayed, run after
     * run, as large as the outputs it held. "" when every leftover was removed.
     */
    static String leftoverWords(List<Path> leftovers) {
        if (leftovers.isEmpty()) {
            return "";
        }
        boolean one = leftovers.size() == 1;
        String them = one ? "it" : "them";
        List<String> named = leftovers.stream().map(Path::toString).toList();
        return " " + String.join(" and ", named) + (one ? " is" : " are") + " left from an earlier run (set-aside "
                + "outputs or unfinished work) and could not be removed, as a folder in " + them + " is read-only to "
                + "this user: make " + them + " writable (chmod -R u+w " + String.join(" ", named) + ") and delete "
                + them + "; the app never reads " + them + ".";
    }

    private PipelineListener listener(Set<StageId> hadOutputs, List<Path> leftovers) {
        return new PipelineListener() {
            @Override
            public void leftoverNotRemoved(Path leftover) {
                LOG.warn("{} is left from an earlier run and could not be removed", leftover);
                leftovers.add(leftover);
            }

            @Override
            public void stageStarted(StageId stage) {
                long now = System.nanoTime();
                threads.fx(() -> byId.get(stage).started(now));
            }

            @Override
            public void stageProgress(StageId stage, long done, long total, String message) {
                byId.get(stage).progressFromEngine(done, total, message, threads);
            }

            /** Called on the pipeline's thread just before that stage's stageFinished. */
            private String keptBecause = "";

            @Override
            public void upstreamCameOutTheSame(StageId stage, Set<StageId> rerunUnchanged) {
                keptBecause = StageRun.cameOutTheSame(rerunUnchanged);
            }

            @Override
            public void stageFinished(StageId stage, StageOutcome outcome, StageResult result, Duration elapsed) {
                List<String> lines = result == null ? null : inTheAppsWords(result.summary());
                String upToDate = keptBecause.isEmpty() ? "Up to date: not run again."
                        : "Up to date: " + keptBecause + ", so it did not need to run.";
                keptBecause = "";
                threads.fx(() -> {
                    StageViewModel vm = byId.get(stage);
                    switch (outcome) {
                        case RAN -> vm.finished(StageState.FRESH, "Finished at " + now() + ".",
                                lines, elapsed);
                        case UP_TO_DATE -> vm.finished(StageState.FRESH, upToDate, lines, null);
                        case CANCELLED -> vm.finished(StageState.CANCELLED, hadOutputs.contains(stage)
                                ? "Cancelled; the previous outputs were kept." : "Cancelled; nothing was written.",
                                null, elapsed);
                        case FAILED -> vm.finished(StageState.FAILED, hadOutputs.contains(stage)
                                ? "Failed; the previous outputs were kept." : "Failed; nothing was written.",
                                null, elapsed);
                    }
                });
            }
        };
    }

    private void finished(PipelineReport report, Duration took, Set<StageId> hadOutputs) {
        failedReason = "";
        failedFolder = null;
        boolean cancelled = report.stages().stream().anyMatch(s -> s.outcome() == StageOutcome.CANCELLED);
        long ran = report.stages().stream().filter(s -> s.outcome() == StageOutcome.RAN).count();
        if (cancelled) {
            statusMessage.set(cancelledWords(report, hadOutputs));
            lastRun.set("Last run " + now() + ": cancelled");
        } else {
            int critical = report.criticalAlerts();
            int unreadable = report.unreadableInputs().size();
            showUnreadable(report.unreadableInputs());
            // The unreadable file comes first, as in the CLI's exit 3: the alerts were computed without its rows.
            String without = unreadable == 0 ? "" : " without the rows of " + (unreadable == 1 ? "1 event file"
                    : unreadable + " event files") + " that could not be read";
            statusMessage.set(ran == 0 ? "Everything was up to date: nothing needed to run (Shift+F5 runs all again)"
                    + (unreadable == 0 ? "." : ", but " + (unreadable == 1 ? "1 event file is" : unreadable
                    + " event files are") + " still unreadable.")
                    : "Finished " + ran + (ran == 1 ? " stage" : " stages") + " in " + Formats.duration(took) + without
                    + (critical > 0 ? (without.isEmpty() ? "" : ",") + " with " + critical + " CRITICAL alert"
                    + (critical == 1 ? "" : "s") + ": see Monitoring." : ".") + filesRead(report)
                    + keptWords(report));
            lastRun.set("Last run " + now() + ": " + (ran == 0 ? "up to date" : Formats.duration(took)));
        }
        for (StageRun run : report.stages()) {
            LOG.info("Stage {} {} in {} ms", run.stage(), run.outcome(), run.elapsed().toMillis());
        }
        endRun();
    }

    private static String filesRead(PipelineReport report) {
        return report.stages().stream().filter(run -> run.stage() == StageId.QUALITY
                && run.outcome() == StageOutcome.RAN).findFirst()
                .map(run -> FilesReadThisRun.sentence(run.result())).orElse("");
    }

    /**
     * The stages a run did not need after all: " Monitoring and Analysis did not need to run: Transform ran again and
     * its outputs came out the same." Without it, "Finished 1 stage" after a settings change read as if two were skipped.
     */
    private static String keptWords(PipelineReport report) {
        List<StageId> kept = new ArrayList<>();
        Set<StageId> because = EnumSet.noneOf(StageId.class);
        for (StageRun run : report.stages()) {
            if (!run.unchangedUpstream().isEmpty()) {
                kept.add(run.stage());
                because.addAll(run.unchangedUpstream());
            }
        }
        return kept.isEmpty() ? "" : " " + StageRun.titles(kept) + " did not need to run: "
                + StageRun.cameOutTheSame(because) + ".";
    }

    /**
     * Which stage the run stopped in, what it kept, and which finished or never started. "The stages that finished
     * kept their new outputs" was said when Quality was cancelled and none had finished.
     */
    private String cancelledWords(PipelineReport report, Set<StageId> hadOutputs) {
        List<String> stopped = new ArrayList<>();
        List<String> finishedNow = new ArrayList<>();
        boolean keptPrevious = false;
        for (StageRun run : report.stages()) {
            if (run.outcome() == StageOutcome.CANCELLED) {
                stopped.add(run.stage().title());
                keptPrevious |= hadOutputs.contains(run.stage());
            } else if (run.outcome() == StageOutcome.RAN) {
                finishedNow.add(run.stage().title());
            }
        }
        List<String> notStarted = stages.stream().filter(stage -> stage.getState() == StageState.WAITING)
                .map(stage -> stage.id().title()).toList();
        StringBuilder words = new StringBuilder("Run cancelled in ").append(String.join(", ", stopped))
                .append(keptPrevious ? ", which kept its previous outputs" : ", which wrote nothing");
        if (!finishedNow.isEmpty()) {
            words.append("; ").append(String.join(", ", finishedNow)).append(finishedNow.size() == 1 ? " has" : " have")
                    .append(" new outputs");
        }
        if (!notStarted.isEmpty()) {
            words.append("; ").append(String.join(", ", notStarted)).append(" did not start");
        }
        return words.append(". Run all (F5) runs what is not up to date.").toString();
    }

    private void endRun() {
        running.set(false);
        current = null;
        for (StageViewModel stage : stages) {
            if (stage.getState() == StageState.WAITING || stage.getState() == StageState.RUNNING) {
                stage.notRun();
            }
        }
        refreshAfterRun();
    }

    /** Like {@link #refreshStatuses()}, but a stage that failed or was cancelled keeps saying so. */
    private void refreshAfterRun() {
        startStatusReading(StatusDuty.AFTER_OWN_RUN);
    }

    /** The cards after the app's own run, from a reading: a stage that failed or was cancelled keeps saying so. */
    private void showAfterOwnRun(StatusReading read, Path input) {
        nothingToShow.set(read.emptiness().isEmpty() ? lastFailure(input) : read.emptiness());
        statusesChanging = true;
        try {
            for (StageViewModel stage : stages) {
                StageStatus status = read.statuses().get(stage.id());
                StageState shown = stage.getState();
                // A card whose badge stays keeps its words: "Not run this time: the run stopped before it", or
                // why it was out of date before a run that did not include it.
                if (status == null || shown == StageState.FAILED || shown == StageState.CANCELLED
                        || toState(status) == shown) {
                    continue;
                }
                stage.showStatus(toState(status));
                StageManifest manifest = read.manifests().get(stage.id());
                if (status == StageStatus.STALE && read.madeByAnotherBuild().contains(stage.id())
                        && manifest != null) {
                    stage.messageProperty().set("Outputs made by another version of the app; last run "
                            + manifest.finishedAt() + ".");
                } else if (status == StageStatus.STALE && read.whyOutOfDate().containsKey(stage.id())) {
                    // Not "Inputs or settings changed": the engine knows what did (Monitoring's history).
                    stage.messageProperty().set(read.whyOutOfDate().get(stage.id())
                            + " Run again to bring its outputs up to date.");
                } else if (status == StageStatus.STALE && !read.changes().isEmpty()) {
                    // A day dropped in while the run went on: "Inputs or settings changed" sent the analyst to
                    // settings no one had touched, beside a line naming the file (decision 0830).
                    stage.messageProperty().set("The folder changed since the last run; run again to bring "
                            + "the outputs up to date.");
                }
            }
        } finally {
            statusesChanging = false;
        }
        // What was new before the run is not new since it: the line and Quality's card read the folder again.
        showChanges(read.changes(), read.madeByAnotherBuild(), read.lastRunByAnotherBuild(),
                read.whyOutOfDate());
        showUnreadable(unreadableOfFreshQuality(read.statuses(), read.quality()));
        outputsVersion.set(outputsVersion.get() + 1);
    }

    private String now() {
        return LocalTime.now(clock.withZone(ZoneId.systemDefault()))
                .format(DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT));
    }

    private static String describe(Set<StageId> ids) {
        List<String> names = new ArrayList<>();
        for (StageId id : StageId.values()) {
            if (ids.contains(id)) {
                names.add(id.title());
            }
        }
        return String.join(", ", names);
    }

    /**
     * A stage's summary lines as the app words them (a cache warning said "choose … with --cache") and with money as
     * the app writes it (Transform's "revenue 264,653.69" beside Analysis's "$264,654").
     */
    static List<String> inTheAppsWords(List<String> lines) {
        return lines.stream().map(UiError::inTheAppsWords).map(Formats::moneyInStageLine).toList();
    }

    void report(UiError error) {
        lastError.set(error);
        for (Consumer<UiError> listener : errorListeners) {
            listener.accept(error);
        }
    }
}
