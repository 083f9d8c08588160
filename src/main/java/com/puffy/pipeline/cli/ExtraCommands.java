package com.puffy.pipeline.cli;

import java.util.ArrayList;
import java.util.List;

/** Commands that are not pipeline stages (generate, bench): each registers here as it lands. */
final class ExtraCommands {
    private ExtraCommands() {
    }

    static List<Object> all() {
        List<Object> commands = new ArrayList<>();
        commands.add(new GenerateCommand());
        commands.add(new com.puffy.pipeline.bench.BenchCommand());
        return commands;
    }
}
