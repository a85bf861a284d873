package org.dermdesk.ui;

import org.dermdesk.testsupport.TestImageReader;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dermdesk.core.CaseExporter;
import org.dermdesk.core.CaseLogWriter;
import org.dermdesk.core.Explainer;
import org.dermdesk.core.HairRemoval;
import org.dermdesk.core.ImageReader;
import org.dermdesk.core.LesionClassifier;
import org.dermdesk.core.QualityGate;
import org.dermdesk.core.RulerReader;

/** Test wiring of the workstation: deterministic doubles; each optional service can be left out. */
class FakeServices implements WorkstationServices {

    final FakeClassifier classifier = new FakeClassifier();
    QualityGate gate = new FakeGate();
    RulerReader ruler;
    Explainer explainer = new FakeExplainer(4, 50, 0.05);
    HairRemoval hairRemoval = new FakeHairRemoval();
    CaseExporter exporter;
    CaseLogWriter caseLog;
    long modelLoadMillis;
    RuntimeException modelFailure;
    final List<org.dermdesk.core.CaseRecord> saved = new ArrayList<>();

    @Override
    public ImageReader imageReader() {
        return new TestImageReader();
    }

    @Override
    public LesionClassifier openClassifier() throws Exception {
        Thread.sleep(modelLoadMillis);
        if (modelFailure != null) {
            throw modelFailure;
        }
        return classifier;
    }

    @Override
    public Optional<QualityGate> qualityGate() {
        return Optional.ofNullable(gate);
    }

    @Override
    public Optional<RulerReader> rulerReader() {
        return Optional.ofNullable(ruler);
    }

    @Override
    public Optional<HairRemoval> hairRemoval() {
        return Optional.ofNullable(hairRemoval);
    }

    @Override
    public Optional<Explainer> explainer() {
        return Optional.ofNullable(explainer);
    }

    @Override
    public Optional<CaseExporter> pdfExporter() {
        return Optional.ofNullable(exporter);
    }

    @Override
    public Optional<CaseLogWriter> caseLog() {
        return Optional.ofNullable(caseLog);
    }

    FakeServices withCaseLog() {
        caseLog = snapshot -> {
            saved.add(snapshot);
            return "test log";
        };
        return this;
    }
}
