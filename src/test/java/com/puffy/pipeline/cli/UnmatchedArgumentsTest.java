package com.puffy.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.puffy.pipeline.StudioEngine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnmatchedArgumentsTest {
    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** Runs the real command set and returns what it printed on stderr; every case here must exit 2 (usage). */
    private String usageError(String... args) {
        int code = EventPipeCli.execute(StudioEngine.standardPipeline(), new PrintWriter(out, true),
                new PrintWriter(err, true), args);
        assertThat(code).as("exit code of %s", List.of(args)).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        return err.toString();
    }

    @Test
    void aMistypedCommandIsNamedWithTheCommandMeant() {
        assertThat(usageError("valdate", "--input", "x")).isEqualTo(
                "eventpipe: 'valdate' is not a command (did you mean 'validate'?). Run `eventpipe --help` for the "
                        + "commands." + System.lineSeparator());
    }

    @Test
    void aStartOfACommandOrTwoSwappedLettersAlsoGetTheCommandMeant() {
        assertThat(usageError("gen")).contains("'gen' is not a command (did you mean 'generate'?)");
        err.getBuffer().setLength(0);
        assertThat(usageError("vaildate")).contains("'vaildate' is not a command (did you mean 'validate'?)");
    }

    @Test
    void aFolderThatDoesNotExistIsNamedWithWhatToDo() {
        String missing = dir.resolve("no-such-events").toString();

        assertThat(usageError(missing)).isEqualTo("eventpipe: No folder " + missing
                + ": check the path, or use eventpipe --input DIR." + System.lineSeparator());
    }

    @Test
    void aPathIsNeverTakenForAMistypedCommand() {
        // picocli's loose ranking suggests "bench" for "/no/such": nothing that far is offered.
        assertThat(usageError("/no/such")).contains("No folder /no/such:").doesNotContain("did you mean");
        err.getBuffer().setLength(0);
        assertThat(usageError("./valdate")).contains("No folder ./valdate:").doesNotContain("did you mean");
    }

    @Test
    void aWordFarFromEveryCommandIsNeitherACommandNorAFolder() {
        assertThat(usageError("foo")).isEqualTo("eventpipe: 'foo' is neither a command nor a folder: check the "
                + "folder's path, or run `eventpipe --help` for the commands." + System.lineSeparator());
    }

    @Test
    void aFileIsNotAFolderAndTheFolderThatHoldsItIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("events_20250301.csv"), "client_id\n");

        assertThat(usageError(file.toString())).isEqualTo("eventpipe: " + file + " is a file, not a folder: open the "
                + "folder that holds it (eventpipe " + dir.toAbsolutePath() + ")." + System.lineSeparator());
    }

    @Test
    void aFolderReachingTheCommandLineAloneSaysHowToOpenOrRunIt() {
        // Main sends a lone folder to the desktop app; execute() itself names both ways.
        assertThat(usageError(dir.toString())).contains(dir + " is a folder: eventpipe " + dir
                + " alone opens it in the desktop app", "eventpipe run --input " + dir + " --output OUT.");
    }

    @Test
    void aMistypedOptionOfACommandIsNamedWithTheOptionMeant() {
        assertThat(usageError("validate", "--input", "x", "--inptu")).isEqualTo("eventpipe: '--inptu' is not an "
                + "option of eventpipe validate (did you mean '--input'?). Run `eventpipe validate --help` for the "
                + "options." + System.lineSeparator());
    }

    @Test
    void anUnknownOptionFarFromEveryOptionIsNamedAlone() {
        assertThat(usageError("-x")).isEqualTo("eventpipe: '-x' is not an option of eventpipe. Run `eventpipe --help` "
                + "for the options." + System.lineSeparator());
    }

    @Test
    void aCommandsOptionBeforeAnyCommandSaysTheCommandComesFirst() {
        assertThat(usageError("--output", "y")).contains("'--output' is an option of a command, which comes first: "
                + "eventpipe run --output …");
    }

    @Test
    void anExtraWordAfterACommandSaysValuesFollowTheirOption() {
        assertThat(usageError("validate", "--input", "x", "extra")).isEqualTo("eventpipe: eventpipe validate takes "
                + "no 'extra': every value follows its option's name (--input DIR). Run `eventpipe validate --help` "
                + "for the options." + System.lineSeparator());
    }

    @Test
    void picocliSuggestionsAreOfferedOnlyWhenClose() {
        assertThat(UnmatchedArguments.closeSuggestion("valdate", List.of("validate", "generate", "analyze")))
                .isEqualTo("validate");
        assertThat(UnmatchedArguments.closeSuggestion("monitr", List.of("monitor", "config"))).isEqualTo("monitor");
        assertThat(UnmatchedArguments.closeSuggestion("conf", List.of("config", "monitor"))).isEqualTo("config");
        assertThat(UnmatchedArguments.closeSuggestion("--verison", List.of("--version"))).isEqualTo("--version");
        assertThat(UnmatchedArguments.closeSuggestion("foo", List.of("transform"))).isNull();
        assertThat(UnmatchedArguments.closeSuggestion("bar", List.of("run"))).isNull();
        assertThat(UnmatchedArguments.closeSuggestion("g", List.of("generate"))).isNull();
        assertThat(UnmatchedArguments.closeSuggestion("valdate", List.of())).isNull();
    }

}
