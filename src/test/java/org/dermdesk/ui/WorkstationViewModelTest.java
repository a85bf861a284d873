package org.dermdesk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.dermdesk.core.Cancellation;
import org.dermdesk.core.ResultWording;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workstation's behaviour without a display: work runs when the test says so. */
class WorkstationViewModelTest {

    @TempDir
    Path dir;
    private Preferences node;
    private WorkstationPreferences prefs;
    private FakeServices services;
    private ManualTaskRunner runner;
    private final List<UserMessage> messages = new ArrayList<>();

    @BeforeEach
    void setUp() {
        node = Preferences.userRoot().node("org/dermdesk/test/" + UUID.randomUUID());
        prefs = new WorkstationPreferences(node);
        services = new FakeServices();
        runner = new ManualTaskRunner();
    }

    @AfterEach
    void tearDown() throws Exception {
        node.removeNode();
    }

    private WorkstationViewModel started() {
        WorkstationViewModel vm = new WorkstationViewModel(services, runner, prefs);
        vm.setMessageSink(messages::add);
        vm.start();
        runner.runAll();
        return vm;
    }

    private Path image(String name, double darkness, int hairs) throws Exception {
        return SyntheticImages.writePng(SyntheticImages.lesion(300, 225, darkness, hairs, false, 3), dir.resolve(name));
    }

    @Test
    void theProbabilityFollowsTheAgeAndSexEnteredAndSaysSo() throws Exception {
        WorkstationViewModel vm = started();
        vm.open(image("dark.png", 0.6, 0));
        runner.runAll();
        ResultViewModel r = vm.result();
        double imageAlone = r.probabilityProperty().get();
        assertTrue(r.probabilityTextProperty().get().endsWith("(image alone)"), r.probabilityTextProperty().get());
        vm.caseDetails().ageProperty().set("80");
        assertEquals(imageAlone + 0.15, r.probabilityProperty().get(), 1e-9);
        assertTrue(r.probabilityTextProperty().get().contains("image, age and sex; image alone"), r.probabilityTextProperty().get());
        vm.caseDetails().ageProperty().set("eighty");
        assertEquals(imageAlone, r.probabilityProperty().get(), 1e-9, "an invalid age is no age");
        vm.caseDetails().ageProperty().set("");
        assertEquals(imageAlone, r.probabilityProperty().get(), 1e-9);
    }

    @Test
    void opensAnImageAndShowsTheVerdictInClinicalWords() throws Exception {
        WorkstationViewModel vm = started();
        assertEquals("Model: test-cnn 1.0 ready", vm.modelStatusProperty().get());
        vm.open(image("dark.png", 0.8, 0));
        runner.runAll();
        ResultViewModel r = vm.result();
        assertTrue(r.hasResultProperty().get());
        assertTrue(r.suspiciousProperty().get(), "p=" + r.probabilityProperty().get());
        assertEquals(ResultWording.SUSPICIOUS, r.verdictProperty().get());
        assertEquals("Model: test-cnn 1.0", r.modelTextProperty().get());
        assertEquals(7, r.differential().size());
        assertTrue(r.probabilityTextProperty().get().startsWith("Probability of malignancy: "));
        assertEquals("DermDesk \u2014 dark.png", vm.titleProperty().get());
        assertEquals(1, prefs.recentFiles().size());
        assertTrue(messages.isEmpty(), messages.toString());

        vm.open(image("light.png", 0.05, 0));
        runner.runAll();
        assertEquals(ResultWording.NOT_SUSPICIOUS, r.verdictProperty().get(), "p=" + r.probabilityProperty().get());
        assertEquals(2, prefs.recentFiles().size());
        assertTrue(prefs.recentFiles().get(0).endsWith("light.png"));
    }

    @Test
    void aCorruptFileGivesAFriendlyMessageAndKeepsTheCurrentCase() throws Exception {
        WorkstationViewModel vm = started();
        vm.open(image("good.png", 0.8, 0));
        runner.runAll();
        vm.caseDetails().notesProperty().set("asymmetric, changed in 3 months");

        vm.open(SyntheticImages.writeCorrupt(dir.resolve("broken.png")));
        runner.runAll();
        assertEquals(1, messages.size());
        UserMessage m = messages.get(0);
        assertEquals(UserMessage.Level.ERROR, m.level());
        assertEquals("Cannot open broken.png", m.title());
        assertTrue(m.text().contains("broken.png"), m.text());
        assertFalse(m.text().contains("Exception") || m.text().contains("\tat "), "no stack trace: " + m.text());
        assertTrue(vm.currentFileProperty().get().endsWith("good.png"), "the previous case stays");
        assertEquals("asymmetric, changed in 3 months", vm.caseDetails().notesProperty().get());

        vm.open(image("next.png", 0.05, 0));
        runner.runAll();
        assertTrue(vm.currentFileProperty().get().endsWith("next.png"));
        assertEquals(ResultWording.NOT_SUSPICIOUS, vm.result().verdictProperty().get());
    }

    @Test
    void changingTheThresholdRejudgesAndPersists() throws Exception {
        WorkstationViewModel vm = started();
        vm.open(image("dark.png", 0.8, 0));
        runner.runAll();
        ResultViewModel r = vm.result();
        double p = r.probabilityProperty().get();
        assertTrue(r.suspiciousProperty().get());
        r.setThreshold(Math.min(0.99, p + 0.05));
        assertFalse(r.suspiciousProperty().get());
        assertEquals(ResultWording.NOT_SUSPICIOUS, r.verdictProperty().get());
        assertTrue(r.thresholdTextProperty().get().contains("your setting"));
        assertEquals(Math.min(0.99, p + 0.05), node.getDouble("threshold", -1), 1e-9);
        assertEquals(Math.min(0.99, p + 0.05), new WorkstationPreferences(node).thresholdProperty().get(), 1e-9);
        assertEquals(r.thresholdProperty().get(), vm.caseRecord().orElseThrow()
                .run(org.dermdesk.core.ProgressListener.NONE, Cancellation.none()).prediction().threshold(), 1e-9);

        r.resetThreshold();
        assertTrue(r.suspiciousProperty().get());
        assertEquals(FakeClassifier.THRESHOLD, r.thresholdProperty().get(), 1e-9);
        assertTrue(Double.isNaN(node.getDouble("threshold", Double.NaN)));
    }

    @Test
    void aFlaggedImageKeepsItsResultButMarksItUnreliable() throws Exception {
        WorkstationViewModel vm = started();
        vm.open(image("hairy.png", 0.8, 12));
        runner.runAll();
        assertTrue(vm.quality().retakeProperty().get());
        assertTrue(vm.quality().bannerTextProperty().get().startsWith("Retake the image: Hair covers"), vm.quality().bannerTextProperty().get());
        assertTrue(vm.result().hasResultProperty().get());
        assertTrue(vm.result().unreliableProperty().get());
        QualityViewModel.Row hair = vm.quality().rows().stream()
                .filter(row -> row.kind() == org.dermdesk.core.ArtifactKind.HAIR).findFirst().orElseThrow();
        assertTrue(hair.present());
        assertEquals("Present", hair.status());
        assertTrue(vm.overlays().availableProperty(OverlayKind.HAIR).get());
        assertTrue(vm.overlays().availableProperty(OverlayKind.LESION_BORDER).get());
        assertFalse(vm.overlays().availableProperty(OverlayKind.RULER).get(), "no ruler mask, no ruler layer");
    }

    @Test
    void explainsOnRequestAndRaisesTheShortcutAlarm() throws Exception {
        services.explainer = new FakeExplainer(2, 0, 0.6);
        WorkstationViewModel vm = started();
        assertFalse(vm.canExplainBinding().get());
        vm.open(image("dark.png", 0.8, 0));
        runner.runAll();
        assertTrue(vm.canExplainBinding().get());
        assertNull(vm.explanation().explanationProperty().get());
        vm.explain();
        assertTrue(vm.explanation().runningProperty().get());
        assertFalse(vm.canExplainBinding().get(), "one explanation at a time");
        runner.runAll();
        assertFalse(vm.explanation().runningProperty().get());
        assertNotNull(vm.explanation().explanationProperty().get());
        assertTrue(vm.overlays().availableProperty(OverlayKind.HEATMAP).get());
        assertTrue(vm.explanation().shortcutAlarmProperty().get());
        assertTrue(vm.explanation().shortcutTextProperty().get().contains("60% of the evidence lies on artifacts"));
        assertTrue(vm.explanation().faithfulnessProperty().get().startsWith("Faithful"));
        assertTrue(vm.explanation().stabilityProperty().get().startsWith("Stable"));
        assertEquals(prefs.samplesProperty().get(), vm.explanation().explanationProperty().get().samples());
    }

    @Test
    void cancellingAnExplanationLeavesTheResultAndNoHeatmap() throws Exception {
        services.explainer = (request, progress, cancellation) -> {
            progress.progress(0.3, "batch 1");
            runner.cancelCurrent(); // the user presses Esc mid-way
            cancellation.check();
            throw new AssertionError("cancellation was not honoured");
        };
        WorkstationViewModel vm = started();
        vm.open(image("dark.png", 0.8, 0));
        runner.runAll();
        vm.explain();
        runner.runAll();
        assertFalse(vm.explanation().runningProperty().get());
        assertNull(vm.explanation().explanationProperty().get());
        assertFalse(vm.overlays().availableProperty(OverlayKind.HEATMAP).get());
        assertEquals("Explanation cancelled.", vm.statusProperty().get());
        assertTrue(vm.result().hasResultProperty().get());
        assertTrue(messages.isEmpty());
        assertTrue(vm.canExplainBinding().get(), "can explain again");
    }

    @Test
    void autoExplainRunsAfterTheAnalysis() throws Exception {
        prefs.autoExplainProperty().set(true);
        FakeExplainer explainer = new FakeExplainer(1, 0, 0);
        services.explainer = explainer;
        WorkstationViewModel vm = started();
        vm.open(image("dark.png", 0.8, 0));
        runner.runAll();
        assertEquals(1, explainer.calls);
        assertNotNull(vm.explanation().explanationProperty().get());
    }

    @Test
    void aModelThatFailsToLoadLeavesTheQualityCheckUsable() throws Exception {
        services.modelFailure = new IllegalStateException("model folder models/seed-cnn-64 has no weights");
        WorkstationViewModel vm = started();
        assertEquals("Model: not available", vm.modelStatusProperty().get());
        assertEquals(1, messages.size());
        assertTrue(messages.get(0).text().contains("has no weights"));
        vm.open(image("dark.png", 0.8, 0));
        runner.runAll();
        assertFalse(vm.result().hasResultProperty().get());
        assertTrue(vm.result().verdictProperty().get().contains("has no weights"), vm.result().verdictProperty().get());
        assertNotNull(vm.quality().reportProperty().get());
        assertFalse(vm.canExplainBinding().get());
    }

    @Test
    void onlyTheLatestImageIsShown() throws Exception {
        WorkstationViewModel vm = started();
        vm.open(image("first.png", 0.8, 0));
        vm.open(image("second.png", 0.05, 0));
        runner.runAll();
        assertTrue(vm.currentFileProperty().get().endsWith("second.png"));
        assertEquals(1, prefs.recentFiles().size());
    }

    @Test
    void exportAndSaveAreDisabledWhileNotInstalled() throws Exception {
        WorkstationViewModel vm = started();
        vm.open(image("dark.png", 0.8, 0));
        runner.runAll();
        assertFalse(vm.canExportBinding().get());
        assertFalse(vm.canSaveBinding().get());
        vm.saveToCaseLog();
        assertEquals(0, runner.queued());
    }

    @Test
    void savesTheCaseAsShownWithTheReviewersDetails() throws Exception {
        services.withCaseLog();
        WorkstationViewModel vm = started();
        assertFalse(vm.canSaveBinding().get(), "nothing to save before an image is analysed");
        vm.open(image("dark.png", 0.8, 0));
        runner.runAll();
        vm.caseDetails().ageProperty().set("abc");
        vm.saveToCaseLog();
        runner.runAll();
        assertTrue(services.saved.isEmpty());
        assertEquals("Check the case details", messages.get(0).title());

        vm.caseDetails().ageProperty().set("54");
        vm.caseDetails().sexProperty().set("female");
        vm.caseDetails().bodySiteProperty().set("back");
        vm.result().setThreshold(0.2);
        vm.saveToCaseLog();
        runner.runAll();
        assertEquals(1, services.saved.size());
        org.dermdesk.core.CaseRecord s = services.saved.get(0);
        assertEquals(new org.dermdesk.core.CaseDetails(54, "female", "back", null), s.details());
        assertEquals(0.2, s.prediction().threshold(), 1e-9);
        // what the case log records: the shown probability weighs the age (54: +0.02), the image's own is kept
        assertTrue(s.prediction().adjustedForPatient());
        assertEquals(s.prediction().imagePMalignant() + 0.02, s.prediction().pMalignant(), 1e-9);
        assertNotNull(s.quality());
        assertEquals("dark.png", s.caseId());
        assertEquals(org.dermdesk.core.Checksums.sha256(dir.resolve("dark.png")), s.imageSha256());
        assertNull(s.heatmap(), "no explanation, no heatmap");
        assertEquals("Case saved to test log.", vm.statusProperty().get());
    }

    @Test
    void exportsThePdfThroughTheInstalledExporterAndReportsFailuresKindly() throws Exception {
        List<Path> written = new ArrayList<>();
        services.exporter = (snapshot, target) -> {
            if (target.toString().contains("readonly")) {
                throw new java.nio.file.AccessDeniedException(target.toString(), null, "the folder is read-only");
            }
            written.add(target);
        };
        WorkstationViewModel vm = started();
        vm.open(image("dark.png", 0.8, 0));
        runner.runAll();
        assertTrue(vm.canExportBinding().get());
        vm.exportPdf(dir.resolve("dark-report.pdf"));
        runner.runAll();
        assertEquals(List.of(dir.resolve("dark-report.pdf")), written);
        assertEquals("Report exported", messages.get(0).title());

        vm.exportPdf(dir.resolve("readonly/x.pdf"));
        runner.runAll();
        assertEquals("Could not export the report", messages.get(1).title());
        assertTrue(messages.get(1).text().contains("read-only"), messages.get(1).text());
        assertTrue(vm.result().hasResultProperty().get(), "the case stays open");
    }

    @Test
    void prefillsCaseDetailsFromMetadata() throws Exception {
        FakeServices withMetadata = new FakeServices() {
            @Override
            public java.util.Optional<CaseMetadataLookup> metadata() {
                return java.util.Optional.of(file -> java.util.Optional.of(new org.dermdesk.core.CaseDetails(61, "male", "scalp", null)));
            }
        };
        services = withMetadata;
        WorkstationViewModel vm = started();
        vm.open(image("dark.png", 0.8, 0));
        runner.runAll();
        assertEquals("61", vm.caseDetails().ageProperty().get());
        assertEquals("scalp", vm.caseDetails().bodySiteProperty().get());
    }

    @Test
    void overlaysAreDrawnAgainWhenTheirColourOrTheHeatmapsSegmentCountChanges() throws Exception {
        services.explainer = new FakeExplainer(1, 0, 0);
        WorkstationViewModel vm = started();
        vm.open(image("dark.png", 0.8, 0));
        runner.runAll();
        vm.explain();
        runner.runAll();
        ArgbRaster border = vm.overlays().layerProperty(OverlayKind.LESION_BORDER).get();
        ArgbRaster heatmap = vm.overlays().layerProperty(OverlayKind.HEATMAP).get();
        assertNotNull(border);
        assertNotNull(heatmap);

        prefs.colourProperty(OverlayKind.LESION_BORDER).set("#FF0000");
        ArgbRaster redBorder = vm.overlays().layerProperty(OverlayKind.LESION_BORDER).get();
        assertFalse(java.util.Arrays.equals(border.pixels(), redBorder.pixels()), "the border in its new colour");
        assertSame(heatmap, vm.overlays().layerProperty(OverlayKind.HEATMAP).get(), "a quality colour leaves the heatmap");

        prefs.colourProperty(OverlayKind.HEATMAP).set("#00FF00");
        ArgbRaster greenHeatmap = vm.overlays().layerProperty(OverlayKind.HEATMAP).get();
        assertFalse(java.util.Arrays.equals(heatmap.pixels(), greenHeatmap.pixels()), "the outline in its new colour");
        vm.overlays().topKProperty().set(vm.overlays().topKProperty().get() + 1);
        assertNotSame(greenHeatmap, vm.overlays().layerProperty(OverlayKind.HEATMAP).get(), "drawn again for the new segment count");
        assertSame(redBorder, vm.overlays().layerProperty(OverlayKind.LESION_BORDER).get());
    }

    @Test
    void theRecordCarriesTheHeatmapAsSeen() throws Exception {
        services.withCaseLog();
        services.explainer = new FakeExplainer(1, 0, 0);
        WorkstationViewModel vm = started();
        vm.open(image("dark.png", 0.8, 0));
        runner.runAll();
        vm.explain();
        runner.runAll();
        vm.saveToCaseLog();
        runner.runAll();
        org.dermdesk.core.CaseRecord s = services.saved.get(0);
        assertNotNull(s.explanation());
        assertNotNull(s.heatmap());
        assertEquals(s.image().width(), s.heatmap().width());
        assertFalse(java.util.Arrays.equals(s.image().rgb(), s.heatmap().rgb()));
    }

    @Test
    void theHairRemovalPreferenceChangesWhatIsClassifiedAndExplainedAndSaysSo() throws Exception {
        FakeHairRemoval removal = new FakeHairRemoval();
        services.hairRemoval = removal;
        services.withCaseLog();
        List<org.dermdesk.core.LesionImage> explained = new ArrayList<>();
        FakeExplainer fake = new FakeExplainer(1, 0, 0);
        services.explainer = (request, progress, cancel) -> {
            explained.add(request.image());
            return fake.explain(request, progress, cancel);
        };
        WorkstationViewModel vm = started();
        vm.open(image("hairy.png", 0.6, 12));
        runner.runAll();
        ResultViewModel r = vm.result();
        assertEquals(0, removal.calls, "off by default");
        assertEquals("", r.hairRemovalTextProperty().get());
        double asLoaded = r.probabilityProperty().get();
        org.dermdesk.core.LesionImage shown = vm.imageProperty().get();
        vm.caseDetails().bodySiteProperty().set("back");

        prefs.removeHairProperty().set(true); // the open image is classified again
        runner.runAll();
        assertEquals(1, removal.calls);
        assertEquals(ResultViewModel.HAIR_REMOVED, r.hairRemovalTextProperty().get());
        assertTrue(r.probabilityProperty().get() < asLoaded,
                "the dark hair no longer counts: " + r.probabilityProperty().get() + " vs " + asLoaded);
        assertSame(shown, vm.imageProperty().get(), "the original stays on screen");
        assertEquals("back", vm.caseDetails().bodySiteProperty().get(), "what the reviewer entered stays");
        vm.explain();
        runner.runAll();
        assertEquals(shown.width(), explained.get(0).width());
        assertFalse(java.util.Arrays.equals(shown.rgb(), explained.get(0).rgb()), "the explanation explains the hair-removed image");
        assertNotNull(vm.explanation().explanationProperty().get());
        vm.saveToCaseLog();
        runner.runAll();
        assertTrue(services.saved.get(0).hairRemoved());
        assertSame(shown, services.saved.get(0).image(), "the record keeps the original for the report");

        prefs.removeHairProperty().set(false);
        runner.runAll();
        assertEquals("", r.hairRemovalTextProperty().get());
        assertEquals(asLoaded, r.probabilityProperty().get(), 1e-9);
        assertNull(vm.explanation().explanationProperty().get(), "an explanation of the other classification is gone");
        vm.explain();
        runner.runAll();
        assertSame(shown, explained.get(1));
        vm.saveToCaseLog();
        runner.runAll();
        assertFalse(services.saved.get(1).hairRemoved());
    }

    @Test
    void aHairRemovalSettingChangedDuringTheAnalysisAppliesWhenTheImageIsShown() throws Exception {
        WorkstationViewModel vm = started();
        vm.open(image("hairy.png", 0.6, 12));
        prefs.removeHairProperty().set(true);
        runner.runAll();
        assertEquals(ResultViewModel.HAIR_REMOVED, vm.result().hairRemovalTextProperty().get());
    }

    @Test
    void saysWhenHairRemovalFoundNoHair() throws Exception {
        prefs.removeHairProperty().set(true);
        WorkstationViewModel vm = started();
        vm.open(image("clean.png", 0.6, 0));
        runner.runAll();
        assertEquals(ResultWording.NO_HAIR_FOUND, vm.result().hairRemovalTextProperty().get());
    }

    @Test
    void closingClosesTheClassifierOnTheWorker() {
        WorkstationViewModel vm = started();
        vm.close();
        assertTrue(runner.shutDown);
        assertTrue(services.classifier.closed);
    }

    @Test
    void describesErrorsWithoutStackTraces() {
        assertEquals("disk full", UserMessage.describe(new RuntimeException(new java.io.IOException("disk full"))));
        assertEquals("an unexpected internal error (NullPointerException)",
                UserMessage.describe(new NullPointerException()));
        assertEquals("cancelled by the user", UserMessage.describe(new Cancellation.CancelledException()));
    }
}
