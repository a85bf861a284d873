package org.dermdesk.app;

import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.dermdesk.ml.ModelLocator;
import org.dermdesk.ui.FxTaskRunner;
import org.dermdesk.ui.Workstation;
import org.dermdesk.ui.WorkstationPreferences;

/** Looks at the real wiring by eye: the product services, a throwaway preference node, one image opened. */
public final class DesktopDevLauncher {

    private DesktopDevLauncher() {
    }

    public static void main(String[] args) {
        RuntimeSettings.apply();
        Path image = Path.of(args[0]);
        DesktopServices services = new DesktopServices(ModelLocator.defaultModelDir(), Path.of(args.length > 1 ? args[1] : "/tmp/dermdesk-dev-log.csv"), null);
        WorkstationPreferences prefs = new WorkstationPreferences(Preferences.userRoot().node("org/dermdesk/dev-real"));
        Platform.startup(() -> Workstation.show(new Stage(), services, prefs, new FxTaskRunner()).open(image));
    }
}
