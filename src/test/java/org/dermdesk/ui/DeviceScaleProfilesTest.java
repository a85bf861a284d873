package org.dermdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.dermdesk.core.ScaleSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeviceScaleProfilesTest {

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
    void appliesOnlyToImagesOfTheResolutionItWasCalibratedAt() {
        DeviceScaleProfiles p = new WorkstationPreferences(node).deviceScales();
        p.set(1024, 768, 21.5);
        assertEquals(ScaleSource.DEVICE_PROFILE, p.forImage(1024, 768).source());
        assertEquals(21.5, p.forImage(1024, 768).pxPerMm());
        assertEquals(21.5, p.forImage(768, 1024).pxPerMm(), "the same camera's picture turned upright");
        assertFalse(p.forImage(2048, 1536).known(), "another resolution");
        assertEquals(Map.of("1024x768", 21.5), p.all());
    }

    @Test
    void persistsUnderTheVersionedNodeAndCanBeRemoved() {
        new WorkstationPreferences(node).deviceScales().set(640, 480, 12);
        assertEquals(12.0, node.getDouble("deviceScale.640x480", Double.NaN));
        DeviceScaleProfiles again = new WorkstationPreferences(node).deviceScales();
        assertEquals(12.0, again.forImage(640, 480).pxPerMm());
        int before = again.revisionProperty().get();
        again.remove(480, 640);
        assertFalse(again.forImage(640, 480).known());
        assertEquals(before + 1, again.revisionProperty().get());
    }

    @Test
    void refusesANonPositiveScaleAndIgnoresAGarbledEntry() {
        DeviceScaleProfiles p = new WorkstationPreferences(node).deviceScales();
        assertThrows(IllegalArgumentException.class, () -> p.set(640, 480, 0));
        node.put("deviceScale.800x600", "not a number");
        assertFalse(p.forImage(800, 600).known());
        node.putDouble("deviceScale.800x600", -3);
        assertFalse(p.forImage(800, 600).known());
    }
}
