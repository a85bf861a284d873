package org.dermdesk.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared/data for tests that need real images; they skip, saying why, when it is absent. */
public final class SharedData {

    private SharedData() {
    }

    public static Path dir() {
        Path dir = Path.of("..", "shared", "data").toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(dir.resolve("ham10000")), "development data not found at " + dir + ": test skipped");
        return dir;
    }

    /** The shipped model folder in the repository. */
    public static Path shippedModel(String name) {
        Path dir = Path.of("models", name).toAbsolutePath();
        assumeTrue(Files.isRegularFile(dir.resolve("model-card.json")), "no shipped model at " + dir);
        return dir;
    }
}
