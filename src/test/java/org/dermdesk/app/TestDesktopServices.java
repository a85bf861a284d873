package org.dermdesk.app;

import java.nio.file.Path;
import org.dermdesk.ui.WorkstationServices;

/** The product's window services for screenshot drivers outside this package. */
public final class TestDesktopServices {

    private TestDesktopServices() {
    }

    public static WorkstationServices of(Path modelDir, Path caseLog) {
        RuntimeSettings.apply();
        return new DesktopServices(modelDir, caseLog, null);
    }
}
