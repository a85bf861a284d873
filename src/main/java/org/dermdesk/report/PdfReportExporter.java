package org.dermdesk.report;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.dermdesk.core.ArtifactFinding;
import org.dermdesk.core.ArtifactKind;
import org.dermdesk.core.CaseDetails;
import org.dermdesk.core.CaseRecord;
import org.dermdesk.core.Diagnosis;
import org.dermdesk.core.Explanation;
import org.dermdesk.core.ExplanationWording;
import org.dermdesk.core.LesionMeasurements;
import org.dermdesk.core.MeasurementWording;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.ModelInfo;
import org.dermdesk.core.Prediction;
import org.dermdesk.core.QualityReport;
import org.dermdesk.core.Rasters;
import org.dermdesk.core.ResultWording;
import org.dermdesk.core.RetakeWording;
import org.dermdesk.core.ScaleBar;

/**
 * The one-page PDF summary of a case for the patient's chart: readable in greyscale (meaning is
 * never carried by colour alone), every string drawn with embedded fonts so any language renders.
 * Long reviewer notes are cut to what fits, with a note saying so (the case log keeps them whole).
 *
 * <p>Thread-safe: each export builds its own document.
 */
public final class PdfReportExporter {

    /** The document information entry that records the SHA-256 of the summarised image. */
    static final String IMAGE_SHA256_KEY = "DermDeskImageSHA256";
    private static final float MARGIN = 40;
    private static final float GAP = 14;
    private static final int MAX_IMAGE_SIDE = 900;
    private static final int MAX_NOTE_CHARS = 6000;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH);

    private final PageSize pageSize;
    private final Map<String, String> validationMetrics;
    private final ReportFonts fonts;
    private final ZoneId zone;

    /**
     * @param validationMetrics the model's validation results as label to value, in display order
     *                          (e.g. "ROC AUC" to "0.91 (95 % CI 0.89-0.93)"); may be empty
     */
    public PdfReportExporter(PageSize pageSize, Map<String, String> validationMetrics, ReportFonts fonts, ZoneId zone) {
        this.pageSize = Objects.requireNonNull(pageSize, "pageSize");
        this.validationMetrics = new LinkedHashMap<>(validationMetrics);
        this.fonts = Objects.requireNonNull(fonts, "fonts");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** An exporter with the fonts found by {@link ReportFonts#locate()} and the system time zone. */
    public static PdfReportExporter create(PageSize pageSize, Map<String, String> validationMetrics) throws IOException {
        return new PdfReportExporter(pageSize, validationMetrics, ReportFonts.locate(), ZoneId.systemDefault());
    }

    /**
     * Writes the report to {@code file}, replacing it only once the new one is complete and on disk: it is
     * written to a {@code .report-*.pdf.part} file (0600) in the same folder, forced to disk, renamed over
     * {@code file} in one step, and the folder forced too.
     */
    public void export(CaseRecord record, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".report-", ".pdf.part");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 64 * 1024)) {
                write(record, out);
                out.flush();
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every file system lets a folder be synced; the file itself is on disk
        }
    }

    public void write(CaseRecord record, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(pageSize.rectangle());
            doc.addPage(page);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("DermDesk case summary " + record.caseId());
            info.setCreator("DermDesk");
            info.setCustomMetadataValue(IMAGE_SHA256_KEY, record.imageSha256());
            try (PdfText text = new PdfText(doc, fonts)) {
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    new Layout(doc, cs, text, page.getMediaBox(), record).draw();
                }
                doc.save(out);
            }
        }
    }

    /** Draws one page top to bottom; {@code y} is the top of the next block. */
    private final class Layout {
        private final PDDocument doc;
        private final PDPageContentStream cs;
        private final PdfText t;
        private final CaseRecord r;
        private final float left;
        private final float right;
        private final float width;
        private final float bottom;
        private final float pageHeight;
        private float y;

        Layout(PDDocument doc, PDPageContentStream cs, PdfText t, PDRectangle box, CaseRecord r) {
            this.doc = doc;
            this.cs = cs;
            this.t = t;
            this.r = r;
            this.left = MARGIN;
            this.right = box.getWidth() - MARGIN;
            this.width = right - left;
            this.bottom = MARGIN;
            this.pageHeight = box.getHeight();
            this.y = box.getHeight() - MARGIN + 4;
        }

        void draw() throws IOException {
            header();
            details();
            images();
            result();
            quality();
            measurement();
            explanation();
            model();
            float footerTop = bottom + 30;
            notes(footerTop);
            footer();
        }

        // ------------------------------------------------------------ blocks

        private void header() throws IOException {
            float base = y - 18;
            t.draw(cs, "DermDesk", left, base, 20, true);
            float subtitleX = left + t.width("DermDesk", 20, true) + 10;
            t.draw(cs, "Dermoscopy analysis summary", subtitleX, base, 11, false);
            t.drawRight(cs, WHEN.format(r.timestamp().atZone(zone)), right, base + 8, 9, false);
            // a long case id is cut with an ellipsis before it reaches the title (the case log keeps it whole)
            float room = right - (subtitleX + t.width("Dermoscopy analysis summary", 11, false)) - 12 - t.width("Case ", 11, true);
            t.drawRight(cs, "Case " + shorten(r.caseId(), room, 11, true), right, base - 5, 11, true);
            y = base - 12;
            rule(y, 1.5f);
            y -= 6;
        }

        private void details() throws IOException {
            CaseDetails d = r.details();
            float base = y - 12;
            float x = left;
            // one line: a value too long for its room is cut with an ellipsis (the case log keeps it whole)
            x = labelled(x, base, "Age", d.age() == null ? "not recorded" : d.age() + " years", width * 0.2f);
            x = labelled(x + 22, base, "Sex", d.sex() == null ? "not recorded" : d.sex(), width * 0.25f);
            labelled(x + 22, base, "Body site", d.bodySite() == null ? "not recorded" : d.bodySite(), right - x - 22);
            if (d.patientId() != null || d.lesionId() != null) {
                // who and which lesion, for finding this page again at the next visit
                base -= 13;
                x = labelled(left, base, "Patient ID", d.patientId() == null ? "not recorded" : d.patientId(), width * 0.45f);
                labelled(x + 22, base, "Lesion", d.lesionId() == null ? "not recorded" : d.lesionId(), right - x - 22);
            }
            y = base - 10;
        }

        /** Draws "label: value" in at most {@code room} points; returns where it ends. */
        private float labelled(float x, float base, String label, String value, float room) throws IOException {
            grey(0.35f);
            t.draw(cs, label + ":", x, base, 9, false);
            black();
            float vx = x + t.width(label + ":", 9, false) + 4;
            String shown = shorten(value, Math.max(20, x + room - vx), 10, true);
            t.draw(cs, shown, vx, base, 10, true);
            return vx + t.width(t.clean(shown), 10, true);
        }

        private void images() throws IOException {
            float colW = (width - GAP) / 2;
            LesionImage img = r.image();
            // a measured lesion's section needs about 50 pt more further down
            float maxH = pageSize == PageSize.US_LETTER ? (measured() ? 95 : 160) : (measured() ? 150 : 200);
            float h = Math.min(maxH, colW * img.height() / img.width());
            float w = h * img.width() / img.height();
            float labelBase = y - 10;
            // an image the check judges not dermoscopic is not called one
            t.draw(cs, r.prediction().appliesToImage() ? "Dermoscopic image" : "Image (not dermoscopic)", left, labelBase, 9, true);
            t.draw(cs, "Explanation heatmap", left + colW + GAP, labelBase, 9, true);
            float top = labelBase - 4;
            drawImage(img, left + (colW - w) / 2, top - h, w, h);
            if (measured()) {
                new PdfMeasurementOverlay(cs, t, img.width(), img.height(), left + (colW - w) / 2, top - h, w, h)
                        .draw(r.quality().measurements(), ScaleBar.rulerMask(r.quality()));
                black();
            }
            float hx = left + colW + GAP;
            if (r.heatmap() != null) {
                LesionImage hm = r.heatmap();
                float hw = Math.min(colW, h * hm.width() / hm.height());
                float hh = hw * hm.height() / hm.width();
                drawImage(hm, hx + (colW - hw) / 2, top - hh, hw, hh);
            } else {
                grey(0.5f);
                cs.setLineWidth(0.5f);
                cs.addRect(hx + (colW - w) / 2, top - h, w, h);
                cs.stroke();
                t.draw(cs, "No explanation computed", hx + (colW - w) / 2 + 10, top - h / 2, 9, false);
                black();
            }
            y = top - h - 4;
            String caption = "Left: the analysed image" + (!measured() ? " as loaded (its size cannot be read from it"
                    : r.quality().measurements().scale().known() ? " (the line is its largest diameter, the bar a scale"
                    : " (the line is its largest diameter, in pixels: scale unknown")
                    + (r.hairRemoved() ? "; the model saw it with detected hair inpainted" : "") + "). "
                    + "Right: where the model's evidence lies \u2014 brighter/marked regions pushed the result towards "
                    + "\u201cmalignant\u201d. The heatmap shows what the model used, not the lesion's extent.";
            y = paragraph(caption, left, width, 7.5f, false, 9.2f, 0.3f, y);
            y -= 4;
        }

        private void drawImage(LesionImage img, float x, float yBottom, float w, float h) throws IOException {
            PDImageXObject xo = JPEGFactory.createFromImage(doc, toBuffered(img), 0.9f);
            cs.drawImage(xo, x, yBottom, w, h);
            cs.setLineWidth(0.5f);
            cs.addRect(x, yBottom, w, h);
            cs.stroke();
        }

        private void result() throws IOException {
            Prediction p = r.prediction();
            float colW = (width - GAP) / 2;
            float top = y;
            sectionTitle("Result", left, top);
            // verdict box: a heavy frame and a shaded fill when suspicious, so it reads in greyscale too
            float boxTop = top - 16;
            boolean suspicious = p.malignant() && p.appliesToImage();
            List<String> verdict = t.wrap(ResultWording.verdict(p), colW - 16, 11, true);
            float boxH = 12 + verdict.size() * 13;
            if (suspicious) {
                cs.setNonStrokingColor(0.88f);
                cs.addRect(left, boxTop - boxH, colW, boxH);
                cs.fill();
            }
            black();
            cs.setLineWidth(suspicious ? 2.2f : 0.8f);
            cs.addRect(left, boxTop - boxH, colW, boxH);
            cs.stroke();
            float vy = boxTop - 15;
            for (String line : verdict) {
                t.draw(cs, line, left + 8, vy, 11, true);
                vy -= 13;
            }
            // each line wrapped inside the column, so none runs into the differential beside it
            float ly = boxTop - boxH - 1;
            String note = ResultWording.suitabilityNote(p);
            if (!note.isEmpty()) {
                ly = paragraph(note, left, colW, 9.5f, true, 12, 0f, ly);
            }
            ly = paragraph("Probability of malignancy (calibrated): " + ResultWording.percent(p.pMalignant())
                    + (p.appliesToImage() ? "" : " \u2014 " + ResultWording.NOT_VALID_FOR_IMAGE), left, colW, 9.5f, true, 12, 0f, ly);
            ly = paragraph(p.adjustedForPatient()
                    ? "From image, age and sex (image alone: " + ResultWording.percent(p.imagePMalignant()) + ")"
                    : "From the image alone", left, colW, 9, false, 12, 0f, ly);
            if (r.hairRemoved()) {
                ly = paragraph(ResultWording.HAIR_REMOVED, left, colW, 9, true, 12, 0f, ly);
            }
            ly = paragraph("Operating threshold: " + ResultWording.percent(p.threshold())
                    + (suspicious ? " (probability at or above it)" : " (probability below it)"), left, colW, 9, false, 12, 0f, ly);
            ly -= 14;
            probabilityBar(left, ly, colW, p);
            float leftBottom = ly - 16;

            float dx = left + colW + GAP;
            sectionTitle("Differential (model probabilities)", dx, top);
            float ry = top - 28;
            if (p.diagnoses().isEmpty()) {
                t.draw(cs, "Not available: this model only separates benign from malignant.", dx, ry, 8.5f, false);
                ry -= 12;
            } else {
                List<Map.Entry<Diagnosis, Double>> dx7 = new ArrayList<>(p.diagnoses().entrySet());
                dx7.sort(Map.Entry.<Diagnosis, Double>comparingByValue(Comparator.reverseOrder()));
                float labelW = 158;
                float barX = dx + labelW;
                float barW = colW - labelW - 40;
                for (Map.Entry<Diagnosis, Double> e : dx7) {
                    Diagnosis d = e.getKey();
                    String name = shorten(d.label(), labelW - 14, 8.5f, d.malignant()) + (d.malignant() ? " *" : "");
                    t.draw(cs, name, dx, ry, 8.5f, d.malignant());
                    cs.setNonStrokingColor(0.35f);
                    cs.addRect(barX, ry - 1, (float) (barW * e.getValue()), 7);
                    cs.fill();
                    black();
                    cs.setLineWidth(0.3f);
                    cs.addRect(barX, ry - 1, barW, 7);
                    cs.stroke();
                    t.drawRight(cs, ResultWording.percent(e.getValue()), right, ry, 8.5f, false);
                    ry -= 11.5f;
                }
                grey(0.35f);
                t.draw(cs, "* counted as malignant in the probability of malignancy", dx, ry, 6.5f, false);
                black();
                ry -= 10;
            }
            y = Math.min(leftBottom, ry) - 2;
        }

        private void probabilityBar(float x, float base, float w, Prediction p) throws IOException {
            float h = 8;
            cs.setNonStrokingColor(0.45f);
            cs.addRect(x, base, (float) (w * p.pMalignant()), h);
            cs.fill();
            black();
            cs.setLineWidth(0.5f);
            cs.addRect(x, base, w, h);
            cs.stroke();
            float tx = (float) (x + w * Math.max(0, Math.min(1, p.threshold())));
            cs.setLineWidth(1.6f);
            cs.moveTo(tx, base - 3);
            cs.lineTo(tx, base + h + 3);
            cs.stroke();
            grey(0.35f);
            t.draw(cs, "0 %", x, base - 9, 6.5f, false);
            t.drawRight(cs, "100 %", x + w, base - 9, 6.5f, false);
            t.draw(cs, "threshold", Math.min(tx + 2, x + w - 60), base - 9, 6.5f, false);
            black();
        }

        private void quality() throws IOException {
            rule(y, 0.4f);
            float top = y - 2;
            sectionTitle("Image quality gate", left, top);
            QualityReport q = r.quality();
            float ly = top - 28;
            if (q == null) {
                t.draw(cs, RetakeWording.NOT_CHECKED, left, ly, 9, false);
                y = ly - 8;
                return;
            }
            String verdict = q.retake() ? RetakeWording.RETAKE_RECOMMENDED : RetakeWording.ACCEPTABLE;
            t.drawRight(cs, verdict, right, top - 12, 10, true);
            float colW = (width - GAP) / 2;
            List<ArtifactKind> kinds = List.of(ArtifactKind.values());
            int perCol = (kinds.size() + 1) / 2;
            for (int i = 0; i < kinds.size(); i++) {
                ArtifactKind k = kinds.get(i);
                float x = i < perCol ? left : left + colW + GAP;
                float rowY = ly - (i % perCol) * 11;
                ArtifactFinding f = q.findings().get(k);
                String mark;
                String what;
                if (f == null) {
                    mark = "\u2013";
                    what = "not checked";
                } else if (f.present()) {
                    mark = "\u25A0"; // filled square: present
                    what = "present, score " + String.format(Locale.ROOT, "%.2f", f.score()) + coverage(f);
                } else {
                    mark = "\u25A1"; // open square: absent
                    what = "not found";
                }
                t.draw(cs, mark, x, rowY, 8.5f, false);
                t.draw(cs, k.label() + ":", x + 11, rowY, 8.5f, f != null && f.present());
                t.draw(cs, shorten(what, colW - 100, 8.5f, false), x + 98, rowY, 8.5f, false);
            }
            ly -= perCol * 11 + 2;
            if (q.retake()) {
                List<String> reasons = q.retakeReasons();
                int shown = 0;
                for (String reason : reasons) {
                    if (shown == 4) {
                        t.draw(cs, "\u2026 and " + (reasons.size() - 4) + " more reason(s)", left + 11, ly, 8.5f, false);
                        ly -= 11;
                        break;
                    }
                    List<String> lines = t.wrap(reason, width - 11, 8.5f, false);
                    t.draw(cs, "\u2022", left + 2, ly, 8.5f, true);
                    for (String line : lines.subList(0, Math.min(2, lines.size()))) {
                        t.draw(cs, line, left + 11, ly, 8.5f, false);
                        ly -= 10.5f;
                    }
                    shown++;
                }
            }
            y = ly - 2;
        }

        private String coverage(ArtifactFinding f) {
            if (Double.isFinite(f.coverageLesion()) && f.coverageLesion() > 0) {
                return String.format(Locale.ROOT, ", %.0f %% of lesion", f.coverageLesion() * 100);
            }
            if (Double.isFinite(f.coverageImage()) && f.coverageImage() > 0) {
                return String.format(Locale.ROOT, ", %.0f %% of image", f.coverageImage() * 100);
            }
            return "";
        }

        /** The classical measurement, said to be no model opinion; sizes as the wording gives them (pixels without a scale). */
        private void measurement() throws IOException {
            rule(y, 0.4f);
            float top = y - 2;
            sectionTitle(MeasurementWording.TITLE, left, top);
            float ly = top - 16;
            if (!measured()) {
                ly = paragraph(MeasurementWording.NOT_MEASURED, left, width, 8, false, 9.8f, 0f, ly);
                y = ly - 2;
                return;
            }
            ly = paragraph(MeasurementWording.BASIS, left, width, 7.5f, false, 9.2f, 0.35f, ly);
            LesionMeasurements m = r.quality().measurements();
            List<String> lines = MeasurementWording.lines(m, r.quality().lesion() != null && r.quality().lesion().touchesBorder(),
                    r.prediction());
            // the short lines run on as one paragraph; the score and its caveat keep a paragraph of their own
            ly = paragraph(String.join(" ", lines.subList(0, lines.size() - 1)), left, width, 8, false, 9.8f, 0f, ly);
            ly = paragraph(lines.get(lines.size() - 1), left, width, 8, false, 9.8f, 0f, ly);
            y = ly - 4;
        }

        private boolean measured() {
            return r.quality() != null && r.quality().measurements() != null;
        }

        private void explanation() throws IOException {
            rule(y, 0.4f);
            float top = y - 2;
            sectionTitle("Explanation quality", left, top);
            Explanation e = r.explanation();
            float ly = top - 16;
            List<String> sentences = e == null ? List.of(ExplanationWording.NOT_EXPLAINED) : ExplanationWording.summary(e);
            for (String s : sentences) {
                ly = paragraph(s, left, width, 8.5f, s.startsWith(ExplanationWording.SHORTCUT_ALARM), 10.5f, 0f, ly);
            }
            y = ly - 2;
        }

        private void model() throws IOException {
            rule(y, 0.4f);
            float top = y - 2;
            sectionTitle("Model and image", left, top);
            ModelInfo m = r.prediction().model();
            float ly = top - 26;
            String name = m == null ? "unknown model" : m.name() + ", version " + m.version();
            ly = paragraph("Model: " + name, left, width, 8.5f, false, 10.5f, 0f, ly + 10.5f);
            if (!validationMetrics.isEmpty()) {
                StringBuilder sb = new StringBuilder("Measured performance: ");
                validationMetrics.forEach((k, v) -> sb.append(k).append(' ').append(v).append(" \u00b7 "));
                sb.setLength(sb.length() - 3);
                ly = paragraph(sb.toString(), left, width, 8.5f, false, 10.5f, 0f, ly);
            } else {
                ly = paragraph("Measured performance: none supplied with this model.", left, width, 8.5f, false, 10.5f, 0f, ly);
            }
            ly = paragraph("Weights SHA-256: " + (m == null || m.sha256() == null ? "unknown" : m.sha256()),
                    left, width, 7.5f, false, 9.5f, 0.25f, ly);
            ly = paragraph("Image SHA-256: " + r.imageSha256() + "   (file " + r.imagePath().getFileName() + ")",
                    left, width, 7.5f, false, 9.5f, 0.25f, ly);
            y = ly - 2;
        }

        private void notes(float limit) throws IOException {
            rule(y, 0.4f);
            float top = y - 2;
            sectionTitle("Reviewer notes", left, top);
            String notes = r.details().reviewerNotes();
            float ly = top - 26;
            float size = 9;
            float leading = 11;
            if (notes == null) {
                grey(0.35f);
                t.draw(cs, "None entered.", left, ly, size, false);
                black();
                y = ly - 6;
                return;
            }
            boolean cut = notes.length() > MAX_NOTE_CHARS;
            List<String> lines = t.wrap(cut ? notes.substring(0, MAX_NOTE_CHARS) : notes, width, size, false);
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
                lines.remove(lines.size() - 1);
            }
            int room = Math.max(1, (int) ((ly - limit) / leading) + 1);
            if (lines.size() > room) {
                lines = new ArrayList<>(lines.subList(0, room - 1));
                cut = true;
            }
            for (String line : lines) {
                t.draw(cs, line, left, ly, size, false);
                ly -= leading;
            }
            if (cut) {
                grey(0.35f);
                t.draw(cs, "\u2026 notes continue: the full text is in the case log.", left, ly, 8, false);
                black();
                ly -= leading;
            }
            y = ly;
        }

        private void footer() throws IOException {
            float base = bottom + 8;
            rule(base + 16, 1.2f);
            t.draw(cs, ResultWording.DISCLAIMER, left, base, 11, true);
            grey(0.35f);
            t.drawRight(cs, "DermDesk \u00b7 page 1 of 1", right, base, 7.5f, false);
            black();
        }

        // ------------------------------------------------------------ helpers

        private void sectionTitle(String title, float x, float top) throws IOException {
            t.draw(cs, title.toUpperCase(Locale.ROOT), x, top - 12, 8.5f, true);
        }

        /** Draws wrapped text starting with the first baseline at {@code base}; returns the next baseline. */
        private float paragraph(String s, float x, float w, float size, boolean isBold, float leading, float greyLevel,
                                float base) throws IOException {
            if (greyLevel > 0) {
                grey(greyLevel);
            }
            float ly = base;
            for (String line : t.wrap(s, w, size, isBold)) {
                ly -= leading;
                t.draw(cs, line, x, ly, size, isBold);
            }
            black();
            return ly;
        }

        /** The text, or as much of it as fits in {@code w} points followed by an ellipsis. */
        private String shorten(String s, float w, float size, boolean isBold) throws IOException {
            boolean cut = s.codePointCount(0, s.length()) > 400; // a pasted page of text: no need to measure all of it
            String c = t.clean(cut ? s.substring(0, s.offsetByCodePoints(0, 400)) : s);
            if (!cut && t.width(c, size, isBold) <= w) {
                return s;
            }
            while (c.length() > 1 && t.width(c + "\u2026", size, isBold) > w) {
                c = c.substring(0, c.length() - Character.charCount(c.codePointBefore(c.length())));
            }
            return c.strip() + "\u2026";
        }

        private void rule(float at, float lineWidth) throws IOException {
            cs.setLineWidth(lineWidth);
            cs.moveTo(left, at);
            cs.lineTo(right, at);
            cs.stroke();
        }

        private void grey(float level) throws IOException {
            cs.setNonStrokingColor(level);
            cs.setStrokingColor(level);
        }

        private void black() throws IOException {
            cs.setNonStrokingColor(0f);
            cs.setStrokingColor(0f);
        }
    }

    static BufferedImage toBuffered(LesionImage img) {
        int w = img.width();
        int h = img.height();
        byte[] rgb = img.rgb();
        int longSide = Math.max(w, h);
        if (longSide > MAX_IMAGE_SIDE) {
            int nw = Math.max(1, Math.round((float) w * MAX_IMAGE_SIDE / longSide));
            int nh = Math.max(1, Math.round((float) h * MAX_IMAGE_SIDE / longSide));
            rgb = Rasters.resizeArea(rgb, w, h, nw, nh);
            w = nw;
            h = nh;
        }
        BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] px = new int[w * h];
        for (int i = 0; i < px.length; i++) {
            px[i] = (rgb[i * 3] & 0xFF) << 16 | (rgb[i * 3 + 1] & 0xFF) << 8 | (rgb[i * 3 + 2] & 0xFF);
        }
        bi.setRGB(0, 0, w, h, px, 0, w);
        return bi;
    }
}
