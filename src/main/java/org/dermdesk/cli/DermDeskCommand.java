package org.dermdesk.cli;

import picocli.CommandLine.Command;

/** The headless entry point: {@code dermdesk <command> ...}. With no command the app opens its window instead. */
@Command(name = "dermdesk", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "DermDesk: offline dermoscopy decision support (headless commands).",
        subcommands = {AnalyzeCommand.class, ExplainCommand.class, EvaluateCommand.class, EvaluateArtifactsCommand.class,
            TrainCommand.class, TrainImageKindCommand.class, ImportBackboneCommand.class, BenchCommand.class, BenchExplainCommand.class, BatchCommand.class, CompareCommand.class, EvaluateCompareCommand.class})
public final class DermDeskCommand {
}
