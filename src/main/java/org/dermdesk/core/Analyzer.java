package org.dermdesk.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The analysis pipeline shared by every front end: read, check quality, classify. */
public final class Analyzer {

    private final ImageReader reader;
    private final QualityGate gate;
    private final LesionClassifier classifier;

    /** @param gate the quality gate, or null to skip it */
    public Analyzer(ImageReader reader, QualityGate gate, LesionClassifier classifier) {
        this.reader = reader;
        this.gate = gate;
        this.classifier = classifier;
    }

    public AnalysisResult analyze(Path file) throws ImageLoadException {
        Map<String, Long> timings = new LinkedHashMap<>();
        long start = System.nanoTime();
        LesionImage image = reader.read(file);
        String sha;
        try {
            sha = Checksums.sha256(file);
        } catch (IOException e) {
            throw new ImageLoadException(file, "cannot be read (" + e.getMessage() + ")");
        }
        long decoded = System.nanoTime();
        timings.put("decode", millis(start, decoded));
        QualityReport quality = null;
        long gated = decoded;
        if (gate != null) {
            quality = gate.assess(image);
            gated = System.nanoTime();
            timings.put("quality", millis(decoded, gated));
        }
        Prediction prediction = classifier.predict(image);
        long end = System.nanoTime();
        timings.put("classify", millis(gated, end));
        timings.put("total", millis(start, end));
        return new AnalysisResult(file, sha, image, quality, prediction, timings);
    }

    public LesionClassifier classifier() {
        return classifier;
    }

    private static long millis(long from, long to) {
        return Math.round((to - from) / 1e6);
    }
}
