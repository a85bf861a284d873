package org.dermdesk.ml;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the shipped model folder: an explicit {@code dermdesk.model.dir} property or
 * {@code DERMDESK_MODEL_DIR} variable first, then {@code models/<name>} beside the application jar
 * (installed app), above it (a build's {@code target/}), and in the working directory.
 */
public final class ModelLocator {

    /** The model DermDesk uses unless told otherwise. */
    public static final String DEFAULT_MODEL = "mobilenet-v2-ft-128";

    private ModelLocator() {
    }

    public static Path defaultModelDir() {
        String explicit = System.getProperty("dermdesk.model.dir", System.getenv("DERMDESK_MODEL_DIR"));
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        List<Path> candidates = candidates(DEFAULT_MODEL);
        for (Path dir : candidates) {
            if (Files.isRegularFile(dir.resolve(ModelCard.FILE_NAME))) {
                return dir;
            }
        }
        return candidates.get(candidates.size() - 1);
    }

    private static List<Path> candidates(String name) {
        List<Path> out = new ArrayList<>();
        try {
            Path code = Path.of(ModelLocator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path base = Files.isDirectory(code) ? code : code.getParent();
            out.add(base.resolve("models").resolve(name));
            if (base.getParent() != null) {
                out.add(base.getParent().resolve("models").resolve(name));
            }
        } catch (URISyntaxException | RuntimeException e) {
            // no code location (unusual class loader): fall back to the working directory
        }
        out.add(Path.of("models", name).toAbsolutePath());
        return out;
    }
}
