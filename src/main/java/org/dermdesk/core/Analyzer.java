package org.dermdesk.core;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one analysis pipeline of every front end (window, {@code analyze}, {@code explain}, {@code batch}):
 * read the file once (decode and checksum from the same bytes), check quality, optionally remove hair,
 * classify, and weigh what is known of the patient. The result keeps the image as read for display;
 * hair removal only changes what the model sees.
 *
 * <p>Immutable; progress is reported to a plain callback and cancellation is polled between steps.
 * Without a classifier (the window's model may still be loading) the image is read and checked only.
 * Not thread-safe beyond what the classifier is: call it from one worker thread.
 */
public final class Analyzer {

    private final ImageReader reader;
    private final QualityGate gate;
    private final HairRemoval hairRemoval;
    private final LesionClassifier classifier;

    /**
     * @param gate        the quality gate, or null to skip it
     * @param hairRemoval digital hair removal, used when a call asks for it; null where none is available
     * @param classifier  the model, or null to read and check images only
     */
    public Analyzer(ImageReader reader, QualityGate gate, HairRemoval hairRemoval, LesionClassifier classifier) {
        this.reader = reader;
        this.gate = gate;
        this.hairRemoval = hairRemoval;
        this.classifier = classifier;
    }

    /** The same pipeline with another model (null for none). */
    public Analyzer withClassifier(LesionClassifier newClassifier) {
        return new Analyzer(reader, gate, hairRemoval, newClassifier);
    }

    /** The model, or null when there is none. */
    public LesionClassifier classifier() {
        return classifier;
    }

    /** Reads and analyses a file without progress reports; see {@link #analyze(ImageFile, CaseDetails, boolean, ProgressListener, Cancellation)}. */
    public AnalysisResult analyze(Path file, CaseDetails details, boolean removeHair) throws ImageLoadException {
        long start = System.nanoTime();
        ImageFile read = ImageFile.read(file);
        return analyze(read, details, removeHair, ProgressListener.NONE, Cancellation.none(), start);
    }

    /**
     * @param details    what is known of the patient: the prediction weighs age and sex where the model can
     * @param removeHair remove hair digitally before classifying (where hair removal is available)
     * @throws ImageLoadException when the file cannot be decoded; its message names the file and the problem
     */
    public AnalysisResult analyze(ImageFile file, CaseDetails details, boolean removeHair,
                                  ProgressListener progress, Cancellation cancel) throws ImageLoadException {
        return analyze(file, details, removeHair, progress, cancel, System.nanoTime());
    }

    private AnalysisResult analyze(ImageFile file, CaseDetails details, boolean removeHair,
                                   ProgressListener progress, Cancellation cancel, long start) throws ImageLoadException {
        Map<String, Long> timings = new LinkedHashMap<>();
        progress.progress(0.05, "reading the image");
        LesionImage image = reader.decode(file);
        long decoded = System.nanoTime();
        timings.put("decode", millis(start, decoded));
        cancel.check();
        QualityReport quality = null;
        if (gate != null) {
            progress.progress(0.2, "checking image quality");
            quality = gate.assess(image);
            timings.put("quality", millis(decoded, System.nanoTime()));
            cancel.check();
        }
        AnalysisResult read = new AnalysisResult(file.path(), file.sha256(), image, quality, image, false, null,
                CaseDetails.none(), timings);
        AnalysisResult result = classify(read, details, removeHair, progress, cancel, timings);
        timings.put("total", millis(start, System.nanoTime()));
        progress.progress(1, "done");
        return new AnalysisResult(result.file(), result.sha256(), image, quality, result.classified(), result.hairStep(),
                result.prediction(), result.details(), timings);
    }

    /**
     * Classifies an analysed image again, e.g. after the hair-removal preference changed or once the model
     * has loaded; what was read and checked is kept, and so are the patient details it weighed.
     */
    public AnalysisResult reclassify(AnalysisResult previous, boolean removeHair, ProgressListener progress, Cancellation cancel) {
        Map<String, Long> timings = new LinkedHashMap<>();
        previous.timingsMs().forEach((k, v) -> {
            if (k.equals("decode") || k.equals("quality")) {
                timings.put(k, v);
            }
        });
        long start = System.nanoTime();
        AnalysisResult result = classify(previous, previous.details(), removeHair, progress, cancel, timings);
        timings.put("total", timings.getOrDefault("decode", 0L) + timings.getOrDefault("quality", 0L)
                + millis(start, System.nanoTime()));
        return new AnalysisResult(result.file(), result.sha256(), result.image(), result.quality(), result.classified(),
                result.hairStep(), result.prediction(), result.details(), timings);
    }

    /**
     * The analysis with its prediction weighing {@code details} (age and sex) where the model has a fitted
     * adjustment and the age is given, otherwise the image-only prediction: the one place where the
     * patient adjustment is applied. Cheap (no network pass), so it can follow every edit of the case details.
     */
    public AnalysisResult forPatient(AnalysisResult analysis, CaseDetails details) {
        CaseDetails d = details == null ? CaseDetails.none() : details;
        if (analysis.prediction() == null || classifier == null) {
            return analysis.withPrediction(analysis.prediction(), d);
        }
        return analysis.withPrediction(classifier.forPatient(analysis.prediction(), d), d);
    }

    /** Hair removal (when asked for and a model can use its result), the classifier and the patient adjustment. */
    private AnalysisResult classify(AnalysisResult read, CaseDetails details, boolean removeHair,
                                    ProgressListener progress, Cancellation cancel, Map<String, Long> timings) {
        if (classifier == null) {
            return new AnalysisResult(read.file(), read.sha256(), read.image(), read.quality(), read.image(), false, null,
                    details, timings);
        }
        LesionImage seen = read.image();
        boolean hairStep = removeHair && hairRemoval != null;
        long t0 = System.nanoTime();
        if (hairStep) {
            progress.progress(0.5, "removing hair digitally");
            seen = hairRemoval.apply(read.image(), read.quality());
            timings.put("hair_removal", millis(t0, System.nanoTime()));
            cancel.check();
        }
        progress.progress(0.6, "classifying");
        long t1 = System.nanoTime();
        Prediction prediction = classifier.predict(seen);
        timings.put("classify", millis(t1, System.nanoTime()));
        cancel.check();
        AnalysisResult classified = new AnalysisResult(read.file(), read.sha256(), read.image(), read.quality(), seen,
                hairStep, prediction, CaseDetails.none(), timings);
        return forPatient(classified, details);
    }

    private static long millis(long from, long to) {
        return Math.round((to - from) / 1e6);
    }
}
