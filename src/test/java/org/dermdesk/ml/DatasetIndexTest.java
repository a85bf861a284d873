package org.dermdesk.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dermdesk.testsupport.SharedData;
import org.junit.jupiter.api.Test;

/** The five development sources: each image once, and no lesion or patient on both sides of a split. */
class DatasetIndexTest {

    @Test
    void everyImageOnceAndEveryGroupInOneSplit() throws Exception {
        List<LabeledImage> all = DatasetIndex.loadAll(SharedData.dir());
        Set<String> ids = new HashSet<>();
        Map<DataSource, Integer> bySource = new EnumMap<>(DataSource.class);
        for (LabeledImage img : all) {
            assertTrue(ids.add(img.imageId()), "image " + img.imageId() + " twice");
            bySource.merge(img.source(), 1, Integer::sum);
        }
        assertEquals(DataSource.values().length, bySource.size(), bySource.toString());
        // the ids shared between folders (data README) are kept once, from the first folder that has them
        assertTrue(all.size() < 10015 + 1929 + 4193 + 2714 + 15162, "no image was de-duplicated: " + all.size());

        Map<String, Split> split = DataSplitter.byLesion(all, 7);
        Map<String, Split> groupSplit = new HashMap<>();
        for (LabeledImage img : all) {
            Split s = groupSplit.putIfAbsent(img.lesionId(), split.get(img.imageId()));
            assertTrue(s == null || s == split.get(img.imageId()), "group " + img.lesionId() + " straddles a split");
        }
        // every image of one acral patient is in one group
        Map<String, String> groupOf = new HashMap<>();
        all.forEach(img -> groupOf.put(img.imageId(), img.lesionId()));
        Map<String, String> patientGroup = new HashMap<>();
        int checked = 0;
        for (Map.Entry<LabeledImage, String[]> e : DatasetIndex.readAcral(SharedData.dir().resolve("acral")).entrySet()) {
            String patient = e.getValue()[1];
            String group = groupOf.get(e.getKey().imageId());
            if (patient != null && group != null) {
                String first = patientGroup.putIfAbsent(patient, group);
                assertTrue(first == null || first.equals(group), patient + " is in two groups");
                checked++;
            }
        }
        assertTrue(checked > 100, "few acral images with a patient: " + checked);
    }
}
