package com.puffy.pipeline.cli;

import com.puffy.pipeline.config.Typos;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Says in one sentence what was typed that the command line does not know and what to do: picocli's own words
 * ("Unmatched argument at index 0: '/tmp/my-events'") name neither. Picocli's suggestions are ranked by a loose
 * similarity ("foo" gets "transform", "/no/such" gets "bench"), so only a close one is offered as "did you mean".
 */
final class UnmatchedArguments {
    private UnmatchedArguments() {
    }

    /** The sentence for {@code ex}, whose unmatched list is not empty; the caller adds "eventpipe: ". */
    static String explain(CommandLine.UnmatchedArgumentException ex) {
        CommandLine commandLine = ex.getCommandLine();
        String command = commandLine.getCommandSpec().qualifiedName();
        String typed = ex.getUnmatched().get(0);
        String suggestion = closeSuggestion(typed, ex.getSuggestions());
        boolean topLevel = commandLine.getParent() == null;
        if (ex.isUnknownOption()) {
            if (suggestion != null) {
                return "'" + typed + "' is not an option of " + command + " (did you mean '" + suggestion + "'?). "
                        + "Run `" + command + " --help` for the options.";
            }
            String owner = topLevel ? commandTaking(commandLine, typed) : null;
            if (owner != null) {
                return "'" + typed + "' is an option of a command, which comes first: " + command + " " + owner + " "
                        + typed + " … (run `" + command + " --help` for the commands).";
            }
            return "'" + typed + "' is not an option of " + command + ". Run `" + command
                    + " --help` for the options.";
        }
        if (!topLevel) {
            return command + " takes no '" + typed + "': every value follows its option's name (--input DIR). "
                    + "Run `" + command + " --help` for the options.";
        }
        return explainTopLevelWord(command, typed, looksLikePath(typed) ? null : suggestion);
    }

    private static String explainTopLevelWord(String command, String typed, String suggestion) {
        Path path = pathOrNull(typed);
        if (path != null && Files.isDirectory(path)) {
            // Only when the folder comes with other arguments, or execute() is called without Main's routing.
            return typed + " is a folder: " + command + " " + typed + " alone opens it in the desktop app; to run the "
                    + "pipeline on it, name a command first: " + command + " run --input " + typed + " --output OUT.";
        }
        if (path != null && Files.exists(path)) {
            Path parent = path.toAbsolutePath().getParent();
            return typed + " is a file, not a folder: open the folder that holds it (" + command + " "
                    + (parent == null ? "DIR" : parent) + ").";
        }
        if (suggestion != null) {
            return "'" + typed + "' is not a command (did you mean '" + suggestion + "'?). Run `" + command
                    + " --help` for the commands.";
        }
        if (looksLikePath(typed)) {
            return "No folder " + typed + ": check the path, or use " + command + " --input DIR.";
        }
        return "'" + typed + "' is neither a command nor a folder: check the folder's path, or run `" + command
                + " --help` for the commands.";
    }

    /** The first subcommand (in the help's order) that has the option {@code typed}, or null. */
    private static String commandTaking(CommandLine commandLine, String typed) {
        String name = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
        for (var entry : commandLine.getSubcommands().entrySet()) {
            CommandSpec spec = entry.getValue().getCommandSpec();
            if (spec.optionsMap().containsKey(name)) {
                return entry.getKey();
            }
        }
        return null;
    }

    /**
     * The first of picocli's suggestions within a typo of {@code typed} (an edit distance of a third of its length,
     * at least 1) or starting with it ("gen" for generate), or null.
     */
    static String closeSuggestion(String typed, List<String> suggestions) {
        String word = typed.toLowerCase(Locale.ROOT);
        for (String suggestion : suggestions) {
            String candidate = suggestion.toLowerCase(Locale.ROOT);
            String bare = word.replaceFirst("^-+", "");
            boolean prefix = bare.length() >= 2 && candidate.replaceFirst("^-+", "").startsWith(bare);
            if (prefix || Typos.editDistance(word, candidate) <= Math.max(1, word.length() / 3)) {
                return suggestion;
            }
        }
        return null;
    }

    static boolean looksLikePath(String typed) {
        return typed.contains("/") || typed.contains("\\") || typed.startsWith(".") || typed.startsWith("~")
                || typed.length() > 1 && typed.charAt(1) == ':';
    }

    private static Path pathOrNull(String typed) {
        try {
            return typed.isEmpty() ? null : Path.of(typed);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
