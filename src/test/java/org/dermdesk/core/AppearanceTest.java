package org.dermdesk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AppearanceTest {

    @Test
    void similarityIsTheCosineOfTheFeatures() {
        Appearance a = Appearance.of(new float[] {3, 4, 0});
        Appearance b = Appearance.of(new float[] {4, 3, 0});
        assertEquals(24.0 / 25, a.similarity(b), 1e-9);
        assertEquals(1, a.similarity(a), 1e-9);
        assertEquals(0, a.similarity(Appearance.of(new float[] {0, 0, 7})), 1e-9);
    }

    @Test
    void featuresAreCopiedAndModelsWithoutFeaturesGiveNone() {
        float[] f = {1, 2};
        Appearance a = Appearance.of(f);
        f[0] = -1;
        assertEquals(1, a.similarity(Appearance.of(new float[] {1, 2})), 1e-9);
        assertNull(Appearance.of(null));
        assertTrue(Double.isNaN(a.similarity(Appearance.of(new float[] {1, 2, 3}))), "features of another model");
    }
}
