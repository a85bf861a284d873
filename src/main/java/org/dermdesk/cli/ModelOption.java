package org.dermdesk.cli;

import java.nio.file.Path;
import org.dermdesk.ml.ModelLocator;
import picocli.CommandLine.Option;

/** The {@code --model DIR} option shared by commands that classify. */
public final class ModelOption {

    @Option(names = "--model", paramLabel = "DIR", description = "model folder (default: the shipped model)")
    Path dir;

    public Path dir() {
        return dir != null ? dir : ModelLocator.defaultModelDir();
    }
}
