package org.dermdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorkstationPreferencesTest {

    private Preferences node;

    @BeforeEach
    void setUp() {
        node = Preferences.userRoot().node("org/dermdesk/test/" + UUID.randomUUID());
    }

    @AfterEach
    void tearDown() throws Exception {
        node.removeNode();
    }

    @Test
    void defaultsUseTheModelsThresholdAndNoAutoExplain() {
        WorkstationPreferences p = new WorkstationPreferences(node);
        assertTrue(Double.isNaN(p.thresholdProperty().get()));
        assertFalse(p.autoExplainProperty().get());
        assertFalse(p.removeHairProperty().get(), "hair removal measured slightly worse: off by default");
        assertEquals(WorkstationPreferences.DEFAULT_SAMPLES, p.samplesProperty().get());
        assertEquals(OverlayKind.LESION_BORDER.defaultColour(), p.colourProperty(OverlayKind.LESION_BORDER).get());
        assertTrue(WorkstationPreferences.NODE.endsWith("/v1"), "versioned node");
    }

    @Test
    void persistsBetweenRuns() {
        WorkstationPreferences p = new WorkstationPreferences(node);
        p.thresholdProperty().set(0.33);
        p.autoExplainProperty().set(true);
        p.samplesProperty().set(500);
        p.removeHairProperty().set(true);
        p.colourProperty(OverlayKind.HAIR).set("#112233");
        WorkstationPreferences again = new WorkstationPreferences(node);
        assertEquals(0.33, again.thresholdProperty().get(), 1e-12);
        assertTrue(again.autoExplainProperty().get());
        assertEquals(500, again.samplesProperty().get());
        assertTrue(again.removeHairProperty().get());
        assertEquals("#112233", again.colourProperty(OverlayKind.HAIR).get());
    }

    @Test
    void ignoresDamagedValues() {
        node.put("colour.hair", "not a colour");
        node.putInt("samples", 3);
        WorkstationPreferences p = new WorkstationPreferences(node);
        assertEquals(OverlayKind.HAIR.defaultColour(), p.colourProperty(OverlayKind.HAIR).get());
        assertEquals(50, p.samplesProperty().get());
    }

    @Test
    void keepsTheEightMostRecentFilesNewestFirstWithoutDuplicates() {
        WorkstationPreferences p = new WorkstationPreferences(node);
        for (int i = 0; i < 10; i++) {
            p.addRecent(Path.of("/images/" + i + ".jpg"));
        }
        p.addRecent(Path.of("/images/5.jpg"));
        WorkstationPreferences again = new WorkstationPreferences(node);
        assertEquals(WorkstationPreferences.MAX_RECENT, again.recentFiles().size());
        assertEquals(Path.of("/images/5.jpg"), again.recentFiles().get(0));
        assertEquals(Path.of("/images/9.jpg"), again.recentFiles().get(1));
        assertEquals(1, again.recentFiles().stream().filter(x -> x.endsWith("5.jpg")).count());
        again.clearRecent();
        assertTrue(new WorkstationPreferences(node).recentFiles().isEmpty());
    }
}
