/**
 * The desktop workstation (JavaFX, MVVM).
 *
 * <ul>
 *   <li><b>Entry:</b> {@link org.dermdesk.ui.Workstation#launch(WorkstationServices)} starts JavaFX with
 *       {@code Platform.startup} (no {@code Application} subclass, so it runs from the class path) and
 *       opens the window; {@link org.dermdesk.ui.Workstation#show} does the same on a given stage (tests).</li>
 *   <li><b>Boundary:</b> the UI imports {@code core} only. Everything else arrives through
 *       {@link org.dermdesk.ui.WorkstationServices}, wired in {@code org.dermdesk.app.DesktopServices};
 *       optional services that are absent leave their controls disabled.</li>
 *   <li><b>Threads:</b> all long work goes through the one {@link org.dermdesk.ui.TaskRunner}
 *       ({@link org.dermdesk.ui.FxTaskRunner}: one worker thread, so the classifier stays thread-confined);
 *       display images are converted on a second daemon thread; the FX thread only swaps results in.</li>
 *   <li><b>View models</b> ({@code XxxViewModel}) hold JavaFX properties but no nodes and need no
 *       toolkit: they are tested with a manual task runner. Views ({@code XxxPanel}, {@code ImageViewer},
 *       {@code WorkstationView}) bind to them.</li>
 *   <li><b>Preferences</b> live under {@value org.dermdesk.ui.WorkstationPreferences#NODE}.</li>
 * </ul>
 */
package org.dermdesk.ui;
