package org.dermdesk.app;

import java.nio.file.Path;
import org.dermdesk.cli.DermDeskCommand;
import org.dermdesk.dev.DevelopmentCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Starts DermDesk: with no arguments the desktop window, with {@code open IMAGE} the window showing
 * that image, with any other command the headless CLI.
 * A plain class (not a JavaFX Application) so that it runs from the class path.
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        RuntimeSettings.apply();
        if (args.length == 0) {
            DesktopLauncher.launch();
            return;
        }
        if ("open".equals(args[0]) && args.length <= 2) {
            // the desktop entry runs "open %f": without a file (started from the menu) it is just the window
            DesktopLauncher.launch(args.length == 2 ? Path.of(args[1]) : null);
            return;
        }
        System.exit(cli().execute(args));
    }

    static CommandLine cli() {
        return DevelopmentCommands.register(new CommandLine(new DermDeskCommand()))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Main::reportFailure);
    }

    /** A failed command prints one clear line, not a stack trace; the details go to the log. */
    private static int reportFailure(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        LOG.debug("Command failed", e);
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        cmd.getErr().println("dermdesk " + cmd.getCommandName() + ": " + message);
        return 2;
    }
}
