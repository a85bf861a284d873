package org.dermdesk.report;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** The paper sizes a report can be laid out for. */
public enum PageSize {
    A4(PDRectangle.A4),
    US_LETTER(PDRectangle.LETTER);

    private final PDRectangle rectangle;

    PageSize(PDRectangle rectangle) {
        this.rectangle = rectangle;
    }

    PDRectangle rectangle() {
        return rectangle;
    }
}
