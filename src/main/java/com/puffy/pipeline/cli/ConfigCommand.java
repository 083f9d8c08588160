package com.puffy.pipeline.cli;

import com.puffy.pipeline.config.ConfigLoader;
import com.puffy.pipeline.core.PipelineException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code eventpipe config}: shows the built-in configuration, or checks a user's file. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print the built-in configuration to copy and edit, or check a configuration file.")
final class ConfigCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--print-defaults", description = "Print the built-in configuration (YAML, with comments).")
    boolean printDefaults;

    @Option(names = "--check", paramLabel = "FILE", description = "Check that FILE is a usable configuration and "
            + "list what it changes. A list in FILE replaces the built-in one; {add: [...]} in its place adds to it.")
    Path check;

    @Option(names = "--debug", hidden = true)
    boolean debug;

    @Override
    public Integer call() {
        if (printDefaults && check != null) {
            // --print-defaults won and --check was dropped without a word: exit 0 read as "my file is valid".
            throw PipelineException.usage("--print-defaults and --check FILE cannot be given together: keep one of "
                    + "them.");
        }
        if (printDefaults) {
            spec.commandLine().getOut().print(ConfigLoader.defaultsText());
            spec.commandLine().getOut().flush();
            return 0;
        }
        if (check != null) {
            if (!java.nio.file.Files.exists(check)) {
                // The loader's sentence names --config, the option of the run commands.
                throw PipelineException.usage("Configuration file " + check + " does not exist: check the path "
                        + "given to --check.");
            }
            if (java.nio.file.Files.isDirectory(check)) {
                throw PipelineException.usage("Configuration file " + check + " cannot be read: it is a folder, not "
                        + "a file; check the path given to --check.");
            }
            // "is a valid configuration" alone hid what the file does: a list written to add one click id replaces
            // the built-in list whole, and only the editor's list of differences showed the rules it dropped.
            List<ConfigLoader.Difference> differences = ConfigLoader.differences(ConfigLoader.load(check));
            PrintWriter out = spec.commandLine().getOut();
            out.println(check + " is a valid configuration: " + ConfigLoader.howManyDiffer(differences.size())
                    + (differences.isEmpty() ? "." : ":"));
            differences.forEach(difference -> out.println("  " + difference.described()));
            if (differences.stream().anyMatch(ConfigLoader.Difference::dropsBuiltIn)) {
                // The analyst who wrote one rule under a list meant to add it: say how, where the loss is shown.
                out.println("A list written out replaces the built-in one; to keep the built-in list and add to it, "
                        + "write `{add: [...]}` in its place (see `eventpipe config --print-defaults`).");
            }
            out.flush();
            return 0;
        }
        throw PipelineException.usage("Say what to do: `eventpipe config --print-defaults` prints the built-in "
                + "configuration, `eventpipe config --check FILE` checks yours.");
    }
}
