package org.dermdesk.app;

import java.io.IOException;
import java.nio.file.Path;
import org.dermdesk.ml.ModelLocator;
import org.dermdesk.report.MetadataImport;
import org.dermdesk.ui.Workstation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the desktop window. JavaFX starts first (so GTK3 is loaded before any GTK2-linked OpenCV
 * module), then the window loads the model in the background.
 *
 * <p>System properties: {@code dermdesk.model.dir} (see {@link ModelLocator}), {@code dermdesk.caselog}
 * (default {@code ~/DermDesk/case-log.csv}), {@code dermdesk.metadata} (a metadata CSV that prefills
 * age, sex and body site).
 */
final class DesktopLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopLauncher.class);

    private DesktopLauncher() {
    }

    static void launch() {
        launch(null);
    }

    /** Opens the window and, when {@code image} is not null, that image (the desktop entry's "open with"). */
    static void launch(Path image) {
        Path caseLog = Path.of(System.getProperty("dermdesk.caselog",
                Path.of(System.getProperty("user.home"), "DermDesk", "case-log.csv").toString()));
        try {
            Workstation.launch(new DesktopServices(ModelLocator.defaultModelDir(), caseLog, metadata()), image);
        } catch (RuntimeException e) {
            // typically no display (a remote shell, a server): one clear line instead of a stack trace
            LOG.debug("The window could not start", e);
            System.err.println("DermDesk cannot open its window (" + e.getMessage() + "). For headless work use a"
                    + " command, for example: dermdesk analyze --json IMAGE");
            System.exit(1);
        }
    }

    private static MetadataImport.Result metadata() {
        String file = System.getProperty("dermdesk.metadata");
        if (file == null || file.isBlank()) {
            return null;
        }
        try {
            MetadataImport.Result result = MetadataImport.read(Path.of(file));
            LOG.info("Metadata: {} images, {} rows skipped", result.size(), result.problems().size());
            return result;
        } catch (IOException e) {
            LOG.warn("Metadata file {} could not be read: {}", Path.of(file).getFileName(), e.getMessage());
            return null;
        }
    }
}
