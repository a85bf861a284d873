package org.dermdesk.ml;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.dermdesk.core.Statistics;

/** What training has done so far, saved with every checkpoint so that an interrupted run resumes. */
public record TrainingLog(int lastEpoch, int bestEpoch, double bestAuc, List<Epoch> epochs) {

    /** One epoch's figures. */
    public record Epoch(int epoch, double loss, double validationAuc, double imagesPerSecond, double seconds) {
    }

    private static final String FILE = "training-log.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static TrainingLog readOrNew(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (Files.isRegularFile(file) && Files.isRegularFile(dir.resolve("last.params"))) {
            return MAPPER.readValue(file.toFile(), TrainingLog.class);
        }
        return new TrainingLog(-1, -1, Double.NEGATIVE_INFINITY, List.of());
    }

    TrainingLog after(int epoch, double auc, double loss, double imagesPerSecond, double seconds) {
        List<Epoch> all = new ArrayList<>(epochs);
        all.add(new Epoch(epoch, loss, auc, imagesPerSecond, seconds));
        boolean better = auc > bestAuc;
        return new TrainingLog(epoch, better ? epoch : bestEpoch, better ? auc : bestAuc, all);
    }

    void write(Path dir) throws IOException {
        Path tmp = dir.resolve(FILE + ".tmp");
        MAPPER.writeValue(tmp.toFile(), this);
        Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    double totalSeconds() {
        return epochs.stream().mapToDouble(Epoch::seconds).sum();
    }

    double medianImagesPerSecond() {
        return epochs.isEmpty() ? 0 : Statistics.median(epochs.stream().mapToDouble(Epoch::imagesPerSecond).toArray());
    }
}
