package org.dermdesk.dev;

import picocli.CommandLine;

/** Adds the development harnesses to the command line, after the product's own commands. */
public final class DevelopmentCommands {

    private DevelopmentCommands() {
    }

    /** Registers {@code evaluate}, {@code evaluate-artifacts}, {@code train}, {@code train-image-kind}, {@code bench}, {@code bench-explain}, {@code evaluate-compare} and {@code fit-same-lesion}. */
    public static CommandLine register(CommandLine cli) {
        return cli.addSubcommand(new EvaluateCommand())
                .addSubcommand(new EvaluateArtifactsCommand())
                .addSubcommand(new TrainCommand())
                .addSubcommand(new TrainImageKindCommand())
                .addSubcommand(new BenchCommand())
                .addSubcommand(new BenchExplainCommand())
                .addSubcommand(new EvaluateCompareCommand())
                .addSubcommand(new FitSameLesionCommand())
                .addSubcommand(new FitLesionIdentityCommand());
    }
}
