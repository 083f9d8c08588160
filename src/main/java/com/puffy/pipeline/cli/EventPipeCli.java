package com.puffy.pipeline.cli;

import com.puffy.pipeline.StudioEngine;
import com.puffy.pipeline.config.ConfigException;
import com.puffy.pipeline.core.AppVersion;
import com.puffy.pipeline.core.CancelledException;
import com.puffy.pipeline.core.ExitCode;
import com.puffy.pipeline.core.PipelineException;
import com.puffy.pipeline.core.StageId;
import com.puffy.pipeline.engine.Pipeline;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code eventpipe} command line (SPEC §9). Every command drives the same engine as the app. Errors are one
 * sentence naming the file and what to do; {@code --debug} adds the stack trace.
 */
@Command(name = "eventpipe",
        mixinStandardHelpOptions = true,
        versionProvider = EventPipeCli.Version.class,
        description = {
                "Event Pipeline Studio: turns a folder of daily web-event CSV files into trustworthy analytics.",
                "With no command, starts the desktop app, on a folder if given: eventpipe DIR (or --input DIR).",
                "A folder named like a command is the command: eventpipe ./run opens a folder called run."},
        footer = {"", EventPipeCli.EXIT_CODES})
public final class EventPipeCli implements Runnable {
    static final String EXIT_CODES = "Exit codes: 0 success, 1 finished with CRITICAL alerts, 2 usage error, "
            + "3 unreadable input, 4 internal error.";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * True when the jar should start the desktop app rather than the command line: see {@link #desktopAppArgs}.
     */
    public static boolean wantsDesktopApp(String[] args) {
        return desktopAppArgs(args) != null;
    }

    /**
     * The arguments the desktop app starts with, or null when {@code args} are for the command line. No arguments or
     * exactly {@code --input DIR} go as they are; one existing folder ({@code eventpipe DIR}, as a user types it or a
     * file manager's "Open with" runs it) goes as {@code --input DIR}. A folder named like a command ({@code run})
     * stays the command: {@code eventpipe ./run} opens the folder. Anything more goes to the command line, which
     * names what it does not know: `--input DIR run` or `--input DIR --output X` used to open the window and drop the
     * rest without a word.
     */
    public static String[] desktopAppArgs(String[] args) {
        return desktopAppArgs(args, Path.of(""));
    }

    /** {@link #desktopAppArgs(String[])} with relative folders resolved against {@code workingDir}. */
    static String[] desktopAppArgs(String[] args, Path workingDir) {
        if (args.length == 0
                || args.length == 2 && args[0].equals("--input")
                || args.length == 1 && args[0].startsWith("--input=")) {
            return args.clone();
        }
        if (args.length == 1 && isFolderToOpen(args[0], workingDir)) {
            return new String[]{"--input", args[0]};
        }
        return null;
    }

    /**
     * Why the desktop app cannot open in this process, or null when it can: on Linux and the other X11 systems a
     * process without DISPLAY or WAYLAND_DISPLAY (a server, an SSH session, a CI job) has no screen, and JavaFX would
     * end in a stack trace ("Unable to open DISPLAY"). Windows and macOS sessions have a screen; a JavaFX set to run
     * headless ({@code -Dglass.platform=Monocle}) needs none.
     */
    public static String noScreen(String osName, java.util.Map<String, String> env, String glassPlatform) {
        String os = osName == null ? "" : osName.toLowerCase(java.util.Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac") || "Monocle".equalsIgnoreCase(glassPlatform)
                || !isBlank(env.get("DISPLAY")) || !isBlank(env.get("WAYLAND_DISPLAY"))) {
            return null;
        }
        return "eventpipe: there is no screen to open the desktop app on (neither DISPLAY nor WAYLAND_DISPLAY is "
                + "set). Without a screen, run the pipeline as a command: eventpipe run --input DIR. "
                + "Run `eventpipe --help` for the commands.";
    }

    /**
     * Why the desktop app failed to open, in words a user can act on, or null when the failure is not one of the
     * machine's: JavaFX ends a start without GTK 3 or with a DISPLAY it cannot reach in a bare stack trace, which
     * said nothing about what to install or check.
     */
    public static String desktopCannotStart(Throwable failure, java.util.Map<String, String> env) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage();
            if (message.contains("Unable to load glass GTK library")) {
                return "eventpipe: the desktop app needs GTK 3, and JavaFX could not load it on this machine. "
                        + "Install it (Debian and Ubuntu: sudo apt install libgtk-3-0; Fedora: sudo dnf install gtk3) "
                        + "and start the app again, or run the pipeline as a command: eventpipe run --input DIR. "
                        + "Run `eventpipe --help` for the commands.";
            }
            if (message.contains("Unable to open DISPLAY")) {
                return "eventpipe: the desktop app could not open a window on the screen named by DISPLAY="
                        + (isBlank(env.get("DISPLAY")) ? " (not set)" : env.get("DISPLAY")) + ". Check that the display (or the SSH session's X "
                        + "forwarding) is running and that DISPLAY names it, or run the pipeline as a command: "
                        + "eventpipe run --input DIR. Run `eventpipe --help` for the commands.";
            }
        }
        return null;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** An argument that is neither an option nor a command and names an existing folder. */
    private static boolean isFolderToOpen(String arg, Path workingDir) {
        return !arg.startsWith("-") && isFolder(arg, workingDir)
                && !build(StudioEngine.standardPipeline()).getSubcommands().containsKey(arg);
    }

    private static boolean isFolder(String arg, Path workingDir) {
        try {
            return !arg.isEmpty() && Files.isDirectory(workingDir.resolve(arg));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    public static int execute(String... args) {
        // Straight onto file descriptor 1 rather than System.out, which swallows write errors: a full disk under
        // `> my-config.yaml` must not end in exit 0 (StdoutGuard).
        return execute(StudioEngine.standardPipeline(), new java.io.FileOutputStream(java.io.FileDescriptor.out),
                ConsoleWriter.printWriter(System.err, "sun.stderr.encoding"), args);
    }

    /** A command with its standard output on {@code stdoutBytes}, judged by {@link StdoutGuard} once it ends. */
    static int execute(Pipeline pipeline, java.io.OutputStream stdoutBytes, PrintWriter err, String... args) {
        StdoutGuard stdout = new StdoutGuard(stdoutBytes);
        PrintWriter out = ConsoleWriter.printWriter(stdout, "sun.stdout.encoding");
        CommandLine cli = build(pipeline);
        int code = execute(cli, out, err, args);
        out.flush();
        return StdoutGuard.exitCode(code, stdout.failure(), err, folderWritten(cli));
    }

    /** The folder the command that ran finished writing, or null (help, version, a failure, a printing command). */
    private static Path folderWritten(CommandLine cli) {
        CommandLine.ParseResult parsed = cli.getParseResult();
        if (parsed == null) {
            return null;
        }
        while (parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        return parsed.commandSpec().userObject() instanceof WritesAFolder command ? command.folderWritten() : null;
    }

    public static int execute(Pipeline pipeline, PrintWriter out, PrintWriter err, String... args) {
        return execute(build(pipeline), out, err, args);
    }

    private static int execute(CommandLine cli, PrintWriter out, PrintWriter err, String... args) {
        if (args.length > 0 && (args[0].startsWith("--input")
                || args.length > 1 && !args[0].startsWith("-") && !cli.getSubcommands().containsKey(args[0])
                        && isFolder(args[0], Path.of("")))) {
            // Only the desktop app starts with --input or a folder; picocli would blame the command's own missing
            // --input, or call the folder an unmatched argument.
            String command = Arrays.stream(args).filter(cli.getSubcommands()::containsKey).findFirst().orElse(null);
            err.println(command != null
                    ? "eventpipe: the command comes first, then its options: eventpipe " + command + " --input DIR …"
                    : "eventpipe: the desktop app takes only a folder (eventpipe DIR, or eventpipe --input DIR); "
                            + "to run the pipeline, name a command: eventpipe run --input DIR --output OUT");
            err.println("Run `eventpipe --help` for the commands.");
            return ExitCode.USAGE.code();
        }
        cli.setOut(out);
        cli.setErr(err);
        boolean debug = Arrays.asList(args).contains("--debug");
        cli.setParameterExceptionHandler((ex, strings) -> {
            if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
                err.println("eventpipe: " + UnmatchedArguments.explain(unmatched));
                return ExitCode.USAGE.code();
            }
            String explained = ex instanceof CommandLine.MissingParameterException missing
                    ? missingOptions(missing)
                    : ex instanceof CommandLine.MutuallyExclusiveArgsException ? exclusiveOptions(ex.getCommandLine())
                    : ex instanceof CommandLine.OverwrittenOptionException twice ? givenTwice(twice)
                    : OptionValueErrors.explain(ex.getArgSpec(), ex.getValue(), ex.getCause());
            err.println("eventpipe: " + (explained != null ? explained : ex.getMessage()));
            err.println("Run `eventpipe " + commandPath(ex.getCommandLine()) + "--help` for the options.");
            return ExitCode.USAGE.code();
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> handle(ex, err, debug));
        return cli.execute(args);
    }

    static int handle(Exception ex, PrintWriter err, boolean debug) {
        Throwable shown = ex;
        int code;
        if (ex instanceof PipelineException pe) {
            err.println("eventpipe: " + pe.getMessage());
            code = pe.exitCode().code();
        } else if (ex instanceof CancelledException) {
            // Only a signal cancels a command (StopOnSignal); the process ends with the signal's status anyway.
            err.println("eventpipe: stopped before the end; run the same command again to finish.");
            code = ExitCode.INTERNAL.code();
        } else if (ex instanceof ConfigException ce) {
            err.println("eventpipe: " + ce.getMessage());
            code = ExitCode.USAGE.code();
        } else {
            err.println("eventpipe: internal error (" + ex.getClass().getSimpleName()
                    + (ex.getMessage() == null ? "" : ": " + ex.getMessage())
                    + "); run again with --debug for details and report it.");
            code = ExitCode.INTERNAL.code();
        }
        if (debug) {
            shown.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /**
     * A required option left out, as a sentence saying what to give: picocli's "Missing required option:
     * '--input=DIR'" read as a parser's complaint, with the option in a form (=DIR) nobody types. An option given
     * without its value is what a script's unquoted, unset variable makes of `--input $DIR --output $OUT`: picocli
     * said "Expected parameter for option '--input' but found '--output'", where an empty "$DIR" already got "(a
     * variable left unset?)" (RunOptions); it gets the same words.
     */
    static String missingOptions(CommandLine.MissingParameterException missing) {
        String message = String.valueOf(missing.getMessage());
        boolean optionLeftOut = message.startsWith("Missing required option");
        if (!optionLeftOut && !message.startsWith("Missing required parameter for option")
                && !message.startsWith("Expected parameter for option")) {
            return null;
        }
        List<String> needed = new ArrayList<>();
        for (CommandLine.Model.ArgSpec arg : missing.getMissing()) {
            if (!(arg instanceof CommandLine.Model.OptionSpec option)) {
                return null;
            }
            needed.add(option.longestName() + " " + option.paramLabel() + purpose(option));
        }
        if (needed.isEmpty()) {
            return null;
        }
        if (!optionLeftOut) {
            CommandLine.Model.OptionSpec option = (CommandLine.Model.OptionSpec) missing.getMissing().get(0);
            return option.longestName() + " has no " + option.paramLabel() + " after it (a variable left unset?): put "
                    + "the " + option.paramLabel() + " right after " + option.longestName() + ".";
        }
        return "`eventpipe " + missing.getCommandLine().getCommandName() + "` needs "
                + String.join("; and ", needed) + ".";
    }

    /** ": " and the option's first description line without its full stop, or nothing. */
    private static String purpose(CommandLine.Model.OptionSpec option) {
        String what = option.description().length == 0 ? "" : option.description()[0].strip();
        what = what.endsWith(".") ? what.substring(0, what.length() - 1) : what;
        return what.isEmpty() ? "" : ": " + Character.toLowerCase(what.charAt(0)) + what.substring(1);
    }

    /**
     * Options that exclude each other, given together: picocli said "Error: --cache=FILE, --no-cache are mutually
     * exclusive (specify only one)", an "Error:" inside the line's own "eventpipe:", with the options in the =FILE
     * form nobody types. Null when the command has no such group (picocli's words are shown then).
     */
    static String exclusiveOptions(CommandLine commandLine) {
        List<String> groups = new ArrayList<>();
        for (CommandLine.Model.ArgGroupSpec group : commandLine.getCommandSpec().argGroups()) {
            if (group.exclusive()) {
                groups.add(String.join(" and ", group.options().stream().map(option -> option.longestName()
                        + (option.arity().max() > 0 ? " " + option.paramLabel() : "")).toList()));
            }
        }
        return groups.isEmpty() ? null : String.join("; ", groups) + " cannot be given together: keep one of them.";
    }

    /**
     * One option given twice, as a script that appends its own --output to a line that has one already does: picocli
     * said "option '--input' (DIR) should be specified only once", lower case and without saying which value won
     * (none: the run did not start).
     */
    static String givenTwice(CommandLine.OverwrittenOptionException twice) {
        if (!(twice.getOverwritten() instanceof CommandLine.Model.OptionSpec option)) {
            return null;
        }
        return option.longestName() + " is given more than once: give it once"
                + (option.arity().max() > 0 ? ", with the " + option.paramLabel() + " meant" : "")
                + "; nothing was run.";
    }

    private static String commandPath(CommandLine commandLine) {
        String name = commandLine.getCommandName();
        return "eventpipe".equals(name) ? "" : name + " ";
    }

    static CommandLine build(Pipeline pipeline) {
        CommandLine cli = new CommandLine(new EventPipeCli());
        Set<StageId> available = pipeline.availableStages();
        if (!available.isEmpty()) {
            addStageCommand(cli, "run", new StageCommand(pipeline, null), null);
            for (StageId id : available) {
                addStageCommand(cli, StageCommand.commandName(id), new StageCommand(pipeline, id), id);
            }
        }
        cli.addSubcommand("config", new ConfigCommand());
        for (Object extra : ExtraCommands.all()) {
            cli.addSubcommand(extra);
        }
        // `generate --help`, `config --help` and `bench --help` did not say what their exit codes mean either; a
        // script that runs `generate` before `run` tests both codes.
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (sub.getCommandSpec().usageMessage().footer().length == 0) {
                sub.getCommandSpec().usageMessage().footer("", EXIT_CODES);
            }
        }
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    /**
     * A scheduled job's author reads {@code eventpipe run --help}, not the top-level help: the exit codes are in each
     * stage command's too. The one-stage commands refuse {@code --stages} (with a sentence saying so), so their help
     * does not list it.
     */
    private static void addStageCommand(CommandLine cli, String name, StageCommand command, StageId id) {
        CommandLine sub = new CommandLine(command);
        CommandLine.Model.CommandSpec spec = sub.getCommandSpec();
        spec.usageMessage().description(StageCommand.description(id)).footer("", EXIT_CODES);
        if (id != null) {
            CommandLine.Model.OptionSpec stages = spec.findOption("--stages");
            spec.remove(stages);
            spec.addOption(CommandLine.Model.OptionSpec.builder(stages).hidden(true).build());
        }
        cli.addSubcommand(name, sub);
    }

    /**
     * Prints the product version, the build (first digits of its checksum: two builds of one version differ there)
     * and the Java version for {@code --version}. The first line stays "eventpipe VERSION" for the installer's
     * smoke tests.
     */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"eventpipe " + AppVersion.version(), "build " + AppVersion.shortBuild(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
