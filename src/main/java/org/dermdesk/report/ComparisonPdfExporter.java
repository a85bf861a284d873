package org.dermdesk.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.dermdesk.core.ComparisonWording;
import org.dermdesk.core.FollowUpOverlay;
import org.dermdesk.core.LesionComparison;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.ResultWording;

/**
 * The one-page follow-up comparison PDF: the earlier image, the later one registered onto it, both
 * drawn over each other with their outlines, the verdict, the change table (only for the same lesion,
 * as in the window: {@link LesionComparison#hasChangeReport()}), how the images were aligned and the
 * disclaimer. Readable in greyscale. Thread-safe: each export builds its own document.
 */
public final class ComparisonPdfExporter {

    private static final float MARGIN = 40;
    private static final float GAP = 10;

    private final PageSize pageSize;
    private final ReportFonts fonts;

    public ComparisonPdfExporter(PageSize pageSize, ReportFonts fonts) {
        this.pageSize = Objects.requireNonNull(pageSize, "pageSize");
        this.fonts = Objects.requireNonNull(fonts, "fonts");
    }

    public static ComparisonPdfExporter create(PageSize pageSize) throws IOException {
        return new ComparisonPdfExporter(pageSize, ReportFonts.locate());
    }

    /** Writes the PDF to {@code file}, replacing it only once the new one is complete. */
    public void export(LesionComparison c, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".compare-", ".pdf.part");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                write(c, out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public void write(LesionComparison c, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(pageSize.rectangle());
            doc.addPage(page);
            doc.getDocumentInformation().setTitle("DermDesk follow-up comparison");
            doc.getDocumentInformation().setCreator("DermDesk");
            try (PdfText text = new PdfText(doc, fonts)) {
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    new Layout(doc, cs, text, page.getMediaBox(), c).draw();
                }
                doc.save(out);
            }
        }
    }

    private static final class Layout {
        private final PDDocument doc;
        private final PDPageContentStream cs;
        private final PdfText t;
        private final LesionComparison c;
        private final float left;
        private final float right;
        private final float width;
        private float y;

        Layout(PDDocument doc, PDPageContentStream cs, PdfText t, PDRectangle box, LesionComparison c) {
            this.doc = doc;
            this.cs = cs;
            this.t = t;
            this.c = c;
            this.left = MARGIN;
            this.right = box.getWidth() - MARGIN;
            this.width = right - left;
            this.y = box.getHeight() - MARGIN;
        }

        void draw() throws IOException {
            float base = y - 18;
            t.draw(cs, "DermDesk", left, base, 20, true);
            t.draw(cs, "Follow-up comparison", left + t.width("DermDesk", 20, true) + 10, base, 11, false);
            y = base - 10;
            rule(y, 1.5f);
            y -= 14;
            t.draw(cs, "Earlier: " + c.before().name(), left, y, 9, false);
            t.drawRight(cs, "Later: " + c.after().name(), right, y, 9, false);
            y -= 8;
            images();
            verdict();
            if (c.hasChangeReport()) {
                table();
                changeNotes();
            }
            y = paragraph("Compare only images of the same lesion, taken with the same dermatoscope.", 8, false, y - 4);
            footer();
        }

        private void images() throws IOException {
            float colW = (width - 2 * GAP) / 3;
            LesionImage[] imgs = {beforeImage(), c.registration().registered(), overlay()};
            String[] labels = {"Earlier image", "Later image, registered", "Both: earlier outline white, later black"};
            float h = colW * imgs[0].height() / imgs[0].width();
            float top = y - 12;
            for (int i = 0; i < 3; i++) {
                float x = left + i * (colW + GAP);
                t.draw(cs, labels[i], x, top, 8, true);
                PDImageXObject xo = JPEGFactory.createFromImage(doc, PdfReportExporter.toBuffered(imgs[i]), 0.9f);
                cs.drawImage(xo, x, top - 4 - h, colW, h);
                cs.setLineWidth(0.5f);
                cs.addRect(x, top - 4 - h, colW, h);
                cs.stroke();
            }
            y = top - 4 - h - 8;
            y = paragraph(ComparisonWording.registration(c.registration()), 8, false, y);
        }

        private LesionImage beforeImage() {
            return c.before().image();
        }

        private LesionImage overlay() {
            return FollowUpOverlay.draw(c.before().image(), c.measuredBeforeOutline(), c.registration().registered(),
                    c.measuredAfterOutline(), 0.5);
        }

        private void verdict() throws IOException {
            y -= 10;
            boolean alert = !c.sameLesion() || c.changed();
            List<String> lines = t.wrap(c.verdict(), width - 16, 12, true);
            // each reason wrapped to the box, its continuation lines indented under the bullet's text
            List<String> reasons = new ArrayList<>();
            for (String r : c.sameLesion() ? c.changes() : c.differentReasons()) {
                List<String> wrapped = t.wrap(r, width - 32, 9, false);
                for (int i = 0; i < wrapped.size(); i++) reasons.add((i == 0 ? "\u2022 " : "   ") + wrapped.get(i));
            }
            float h = 12 + lines.size() * 15 + reasons.size() * 12;
            if (alert) {
                cs.setNonStrokingColor(0.88f);
                cs.addRect(left, y - h, width, h);
                cs.fill();
                cs.setNonStrokingColor(0f);
            }
            cs.setLineWidth(alert ? 2.2f : 0.8f);
            cs.addRect(left, y - h, width, h);
            cs.stroke();
            float ly = y - 4;
            for (String l : lines) {
                ly -= 15;
                t.draw(cs, l, left + 8, ly, 12, true);
            }
            for (String r : reasons) {
                ly -= 12;
                t.draw(cs, r, left + 12, ly, 9, false);
            }
            y -= h + 8;
        }

        private void table() throws IOException {
            float[] cols = {left, left + 130, left + 250, left + 370};
            String[] head = {"", "Earlier", "Later", "Change"};
            y -= 12;
            for (int i = 0; i < 4; i++) t.draw(cs, head[i], cols[i], y, 9, true);
            y -= 4;
            rule(y, 0.8f);
            float[] widths = {cols[1] - cols[0] - 6, cols[2] - cols[1] - 6, cols[3] - cols[2] - 6, right - cols[3]};
            for (ComparisonWording.Row r : ComparisonWording.rows(c)) {
                String[] cells = {r.label(), r.before(), r.after(), r.change()};
                int lines = 1;
                y -= 13;
                // a long cell (several colours) wraps within its column instead of running off the page
                for (int i = 0; i < 4; i++) {
                    List<String> wrapped = t.wrap(cells[i], widths[i], 9, i == 0);
                    for (int k = 0; k < wrapped.size(); k++) {
                        t.draw(cs, wrapped.get(k), cols[i], y - 11 * k, 9, i == 0);
                    }
                    lines = Math.max(lines, wrapped.size());
                }
                y -= 11 * (lines - 1);
            }
            y -= 5;
            rule(y, 0.5f);
            y -= 4;
        }

        /** What the change table's numbers mean; without the table they would explain nothing. */
        private void changeNotes() throws IOException {
            y = paragraph(c.scaleNote(), 9, false, y);
            y = paragraph(ComparisonWording.thresholds(), 8, false, y - 4);
            y = paragraph("The model's probability is shown for both images; it is not part of the change verdict.",
                    8, false, y - 4);
        }

        private void footer() throws IOException {
            float base = MARGIN + 8;
            rule(base + 16, 1.2f);
            t.draw(cs, ResultWording.DISCLAIMER, left, base, 11, true);
            t.drawRight(cs, "DermDesk \u00b7 page 1 of 1", right, base, 7.5f, false);
        }

        private float paragraph(String s, float size, boolean bold, float base) throws IOException {
            float ly = base;
            for (String line : t.wrap(s, width, size, bold)) {
                ly -= size + 3;
                t.draw(cs, line, left, ly, size, bold);
            }
            return ly;
        }

        private void rule(float at, float lineWidth) throws IOException {
            cs.setLineWidth(lineWidth);
            cs.moveTo(left, at);
            cs.lineTo(right, at);
            cs.stroke();
        }
    }
}
