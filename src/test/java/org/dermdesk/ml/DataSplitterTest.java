package org.dermdesk.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dermdesk.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSplitterTest {

    @TempDir
    Path tmp;

    @Test
    void noLesionStraddlesTwoParts() throws Exception {
        List<LabeledImage> all = DatasetIndex.load(SharedData.dir());
        assertTrue(all.size() > 11000, "both collections indexed: " + all.size());
        Map<String, Split> split = DataSplitter.byLesion(all, 42);
        Map<String, Split> lesionPart = new HashMap<>();
        for (LabeledImage img : all) {
            Split previous = lesionPart.putIfAbsent(img.lesionId(), split.get(img.imageId()));
            assertTrue(previous == null || previous == split.get(img.imageId()), "lesion " + img.lesionId() + " split across parts");
        }
        long test = split.values().stream().filter(s -> s == Split.TEST).count();
        assertEquals(0.15, (double) test / all.size(), 0.02);
    }

    @Test
    void imageLevelSplitLeaksLesionsWhichIsWhyItIsOnlyForComparison() throws Exception {
        List<LabeledImage> all = DatasetIndex.load(SharedData.dir());
        Map<String, Split> split = DataSplitter.byImage(all, 42);
        Map<String, Split> lesionPart = new HashMap<>();
        int straddling = 0;
        for (LabeledImage img : all) {
            Split previous = lesionPart.putIfAbsent(img.lesionId(), split.get(img.imageId()));
            if (previous != null && previous != split.get(img.imageId())) straddling++;
        }
        assertTrue(straddling > 500, "image-level split puts images of one lesion on both sides: " + straddling);
    }

    @Test
    void splitIsDeterministicAndRoundTrips() throws Exception {
        List<LabeledImage> all = DatasetIndex.load(SharedData.dir());
        Map<String, Split> a = DataSplitter.byLesion(all, 7);
        assertEquals(a, DataSplitter.byLesion(all, 7));
        Path csv = tmp.resolve("split.csv");
        DataSplitter.write(csv, all, a);
        assertEquals(a, new HashMap<>(DataSplitter.read(csv)));
    }
}
