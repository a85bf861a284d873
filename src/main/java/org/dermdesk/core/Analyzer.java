package org.dermdesk.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The analysis pipeline shared by every front end: read, check quality, optionally remove hair,
 * classify. The result keeps the image as read for display; hair removal only changes what the model sees.
 */
public final class Analyzer {

    private final ImageReader reader;
    private final QualityGate gate;
    private final HairRemoval hairRemoval;
    private final LesionClassifier classifier;

    /** @param gate the quality gate, or null to skip it */
    public Analyzer(ImageReader reader, QualityGate gate, LesionClassifier classifier) {
        this(reader, gate, null, classifier);
    }

    /**
     * @param gate        the quality gate, or null to skip it
     * @param hairRemoval digital hair removal before classifying, or null for none (the default)
     */
    public Analyzer(ImageReader reader, QualityGate gate, HairRemoval hairRemoval, LesionClassifier classifier) {
        this.reader = reader;
        this.gate = gate;
        this.hairRemoval = hairRemoval;
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
        LesionImage classified = image;
        long cleaned = gated;
        if (hairRemoval != null) {
            classified = hairRemoval.apply(image, quality);
            cleaned = System.nanoTime();
            timings.put("hair_removal", millis(gated, cleaned));
        }
        Prediction prediction = classifier.predict(classified);
        long end = System.nanoTime();
        timings.put("classify", millis(cleaned, end));
        timings.put("total", millis(start, end));
        return new AnalysisResult(file, sha, image, quality, prediction, timings, classified);
    }

    public LesionClassifier classifier() {
        return classifier;
    }

    private static long millis(long from, long to) {
        return Math.round((to - from) / 1e6);
    }
}
