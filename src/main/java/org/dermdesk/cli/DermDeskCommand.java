package org.dermdesk.cli;

import picocli.CommandLine.Command;

/**
 * The headless entry point: {@code dermdesk <command> ...}. With no command the app opens its window instead.
 * The launcher adds the development harnesses ({@code org.dermdesk.dev}) after these.
 */
@Command(name = "dermdesk", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "DermDesk: offline dermoscopy decision support (headless commands).",
        subcommands = {AnalyzeCommand.class, ExplainCommand.class, BatchCommand.class, CompareCommand.class, ImportBackboneCommand.class})
public final class DermDeskCommand {
}
