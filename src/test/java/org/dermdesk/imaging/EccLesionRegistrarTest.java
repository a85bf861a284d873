package org.dermdesk.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dermdesk.core.Mask;
import org.dermdesk.core.Registration;
import org.dermdesk.testsupport.FollowUpScenes;
import org.dermdesk.testsupport.FollowUpScenes.Shot;
import org.junit.jupiter.api.Test;

class EccLesionRegistrarTest {

    private final FollowUpScenes scene = new FollowUpScenes(7);
    private final EccLesionRegistrar registrar = new EccLesionRegistrar();
    private final Shot base = Shot.plain(300, 225);

    private Registration register(Shot after) {
        return registrar.register(scene.image(base), scene.mask(base), scene.image(after), scene.mask(after));
    }

    @Test
    void identicalImagesRegisterWithIdentity() {
        Registration r = register(base);

        assertTrue(r.success());
        assertEquals(1, r.scale(), 0.01);
        assertEquals(0, r.rotationDeg(), 0.5);
        assertTrue(r.maskJaccard() > 0.97, "jaccard " + r.maskJaccard());
    }

    @Test
    void recoversShiftRotationAndZoom() {
        Registration r = register(base.moved(40, -25, 20, 1.1).exposed(0.85));

        assertTrue(r.success(), r.toString());
        assertEquals(1.1, r.scale(), 0.02);
        assertEquals(-20, r.rotationDeg(), 1.5);
        assertTrue(r.maskJaccard() > 0.93, "jaccard " + r.maskJaccard());
        assertTrue(r.scaleFromSkin(), r.method());
    }

    @Test
    void aThreeTimesCloserViewRegisters() {
        // HAM10000 re-takes include the same lesion photographed from much closer: the later view covers a ninth of the earlier
        Registration r = register(base.moved(0, 0, 0, 3.0));

        assertTrue(r.success(), r.toString());
        assertEquals(3.0, r.scale(), 0.15);
        // the closer view crops part of the skin ring the outlines are drawn against: less overlap than at 1x
        assertTrue(r.maskJaccard() > 0.7, "jaccard " + r.maskJaccard());
    }

    @Test
    void aLargeTurnIsFoundFromTheOutline() {
        Registration r = register(base.moved(0, 0, 150, 1.0));

        assertTrue(r.success(), r.toString());
        assertTrue(r.maskJaccard() > 0.93, "jaccard " + r.maskJaccard());
    }

    @Test
    void growthOfTheLesionAloneDoesNotEnterTheScale() {
        Registration r = register(base.grown(1.3));

        assertTrue(r.scaleFromSkin(), r.method());
        assertEquals(1.0, r.scale(), 0.02);
    }

    @Test
    void outlinesDrawnTogetherIgnoreExposureAndMeasureGrowth() {
        Registration exposed = register(base.moved(30, 10, 15, 1.1).exposed(0.8));
        Registration grown = register(base.grown(1.3));

        assertTrue(exposed.outlinedTogether() != null, exposed.toString());
        assertEquals(1.0, exposed.outlinedTogether().areaRatio(), 0.08);
        assertEquals(1.3, grown.outlinedTogether().areaRatio(), 0.08);
        assertEquals(1.0, exposed.outlinedTogether().diameterRatio(), 0.06, "the diameter from the same outlines");
        assertEquals(Math.sqrt(1.3), grown.outlinedTogether().diameterRatio(), 0.06);
        // the outlines shown are the ones measured: full size in the earlier frame, their areas the ones compared
        Registration.OutlinedTogether t = grown.outlinedTogether();
        assertEquals(base.width(), t.after().width());
        assertEquals(base.height(), t.after().height());
        assertEquals(t.afterAreaPx() / t.beforeAreaPx(), (double) t.after().area() / t.before().area(), 0.03);
    }

    /** The later image's own outline covers only half the lesion (a segmenter that cut inside it): drawn together, the area holds. */
    @Test
    void aHalfOutlineOnOneImageDoesNotReadAsShrinkage() {
        Shot after = base.moved(20, 0, 0, 1.0);
        Mask full = scene.mask(after);
        byte[] half = full.pixels().clone();
        int minX = full.width();
        int maxX = 0;
        for (int i = 0; i < half.length; i++) {
            if (half[i] != 0) {
                minX = Math.min(minX, i % full.width());
                maxX = Math.max(maxX, i % full.width());
            }
        }
        int middle = (minX + maxX) / 2;
        for (int i = 0; i < half.length; i++) {
            if (i % full.width() > middle) {
                half[i] = 0;
            }
        }
        Registration r = registrar.register(scene.image(base), scene.mask(base), scene.image(after),
                new Mask(full.width(), full.height(), half));

        assertTrue(r.outlinedTogether() != null, r.toString());
        assertEquals(1.0, r.outlinedTogether().areaRatio(), 0.08);
        assertTrue(r.maskJaccard() > 0.85, "jaccard " + r.maskJaccard());
    }
}
