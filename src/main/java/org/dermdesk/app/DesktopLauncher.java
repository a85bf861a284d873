package org.dermdesk.app;

/** Opens the desktop window. */
final class DesktopLauncher {

    private DesktopLauncher() {
    }

    static void launch() {
        throw new UnsupportedOperationException("the desktop window is wired in a later commit");
    }
}
