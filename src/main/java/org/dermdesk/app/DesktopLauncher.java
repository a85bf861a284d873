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
        Workstation.launch(new DesktopServices(ModelLocator.defaultModelDir(), caseLog, metadata()), image);
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
