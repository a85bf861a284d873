package org.dermdesk.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dermdesk.core.Appearance;
import org.dermdesk.core.Checksums;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LesionIdentityModelTest {

    private static final int FEATURES = 12;
    private static final int LESIONS = 120;
    /** Two images per lesion: rows 2k and 2k + 1. */
    private static float[][] features;
    private static int[][] same;
    private static int[][] different;

    @TempDir
    Path dir;

    /**
     * Drawn features: each lesion has its own point; a re-take moves it a little in the first six features and
     * a lot in the last six (a turn of the scope, say), so the cosine alone is swamped by the nuisance.
     */
    @BeforeAll
    static void drawLesions() {
        Random r = new Random(3);
        features = new float[2 * LESIONS][FEATURES];
        List<int[]> s = new ArrayList<>();
        List<int[]> d = new ArrayList<>();
        for (int k = 0; k < LESIONS; k++) {
            float[] lesion = new float[FEATURES];
            for (int j = 0; j < FEATURES; j++) {
                lesion[j] = (float) r.nextGaussian();
            }
            for (int shot = 0; shot < 2; shot++) {
                for (int j = 0; j < FEATURES; j++) {
                    double nuisance = j < FEATURES / 2 ? 0.1 : 2.0;
                    features[2 * k + shot][j] = (float) (lesion[j] + nuisance * r.nextGaussian()) + 10;
                }
            }
            s.add(new int[] {2 * k, 2 * k + 1});
            d.add(new int[] {2 * k, 2 * ((k + 1 + r.nextInt(LESIONS - 1)) % LESIONS)});
        }
        same = s.toArray(new int[0][]);
        different = d.toArray(new int[0][]);
    }

    private static LesionIdentityModel fitted() {
        return LesionIdentityModel.fit(features, same, different, 8, 0.01);
    }

    @Test
    void reTakesGiveEvidenceForOneLesionAndOtherLesionsAgainst() {
        LesionIdentityModel m = fitted();
        assertEquals(8, m.dimension());
        int sameRight = 0;
        int differentRight = 0;
        for (int i = 0; i < LESIONS; i++) {
            if (evidence(m, same[i]) > 0) sameRight++;
            if (evidence(m, different[i]) <= 0) differentRight++;
        }
        assertTrue(sameRight >= 0.9 * LESIONS, "re-takes with evidence > 0: " + sameRight);
        assertTrue(differentRight >= 0.9 * LESIONS, "different lesions with evidence <= 0: " + differentRight);
    }

    private static double evidence(LesionIdentityModel m, int[] pair) {
        return m.appearance(features[pair[0]]).sameLesionEvidence(m.appearance(features[pair[1]]));
    }

    @Test
    void survivesWritingAndReadingAndRefusesAnotherFile() throws IOException, ModelLoadException {
        LesionIdentityModel m = fitted();
        Path file = dir.resolve(LesionIdentityModel.FILE_NAME);
        m.write(file);
        LesionIdentitySpec spec = new LesionIdentitySpec(file.getFileName().toString(), Checksums.sha256(file), "test", Map.of());
        LesionIdentityModel read = LesionIdentityModel.read(dir, spec);
        Appearance a = read.appearance(features[0]);
        assertEquals(m.appearance(features[0]), a);
        assertEquals(evidence(m, same[0]), a.sameLesionEvidence(read.appearance(features[1])), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> read.appearance(new float[FEATURES + 1]), "another network's features");

        LesionIdentitySpec wrong = new LesionIdentitySpec(spec.file(), "0".repeat(64), "test", Map.of());
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> LesionIdentityModel.read(dir, wrong));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("checksum"), e.getMessage());
        Files.delete(file);
        assertTrue(assertThrows(ModelLoadException.class, () -> LesionIdentityModel.read(dir, spec)).getMessage().contains("missing"));
    }
}
