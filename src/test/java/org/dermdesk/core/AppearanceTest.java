package org.dermdesk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AppearanceTest {

    private static final Appearance.IdentitySpace SPACE = new Appearance.IdentitySpace(new float[] {2, 0.5f}, 3);

    @Test
    void evidenceIsHalfTheConstantLessTheWeightedSquaredDistance() {
        Appearance a = Appearance.of(new float[] {1, 0}, SPACE);
        Appearance b = Appearance.of(new float[] {0, 2}, SPACE);
        // distance 2 * 1 + 0.5 * 4 = 4
        assertEquals((3 - 4) / 2.0, a.sameLesionEvidence(b), 1e-9);
        assertEquals(1.5, a.sameLesionEvidence(a), 1e-9, "an image against itself: the constant alone");
        assertTrue(a.sameLesionEvidence(b) < a.sameLesionEvidence(Appearance.of(new float[] {0.9f, 0.1f}, SPACE)));
    }

    @Test
    void coordinatesAreCopiedAndAppearancesOfAnotherModelDoNotCompare() {
        float[] c = {1, 2};
        Appearance a = Appearance.of(c, SPACE);
        c[0] = -1;
        assertEquals(1.5, a.sameLesionEvidence(Appearance.of(new float[] {1, 2}, SPACE)), 1e-9);
        Appearance other = Appearance.of(new float[] {1, 2}, new Appearance.IdentitySpace(new float[] {2, 0.6f}, 3));
        assertTrue(Double.isNaN(a.sameLesionEvidence(other)), "another model's space");
        assertThrows(IllegalArgumentException.class, () -> Appearance.of(new float[] {1}, SPACE));
    }
}
