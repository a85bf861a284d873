package org.dermdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import org.dermdesk.core.ResultWording;

/** The human-readable form of {@code analyze}: one aligned row per image. */
final class ResultTable {

    private final PrintStream out;
    private boolean headerPrinted;

    ResultTable(PrintStream out) {
        this.out = out;
    }

    void print(JsonNode row) {
        if (!headerPrinted) {
            out.printf("%-32s %-6s %11s %9s  %-15s %-7s %s%n", "image", "status", "p_malignant", "threshold", "verdict", "retake", "notes");
            headerPrinted = true;
        }
        String name = java.nio.file.Path.of(row.get("image").asText()).getFileName().toString();
        if (!"ok".equals(row.get("status").asText())) {
            out.printf("%-32s %-6s %11s %9s  %-15s %-7s %s%n", clip(name), "error", "-", "-", "-", "-", row.get("error").asText());
            return;
        }
        boolean retake = row.path("retake").asBoolean(false);
        boolean dermoscopic = row.path("dermoscopic").asBoolean(true);
        StringBuilder notes = new StringBuilder();
        if (!dermoscopic) {
            notes.append(ResultWording.NOT_DERMOSCOPIC).append(' ');
        } else if (row.path("unfamiliar").asBoolean(false)) {
            notes.append(ResultWording.UNFAMILIAR).append(' ');
        }
        row.path("retake_reasons").forEach(reason -> notes.append(reason.asText()).append(' '));
        String verdict = dermoscopic ? ResultWording.verdictCode(row.get("malignant").asBoolean()) : ResultWording.CODE_NOT_DERMOSCOPIC;
        out.printf("%-32s %-6s %11.3f %9.3f  %-15s %-7s %s%n", clip(name), "ok", row.get("p_malignant").asDouble(),
                row.get("threshold").asDouble(), verdict, retake ? "RETAKE" : "no", notes.toString().trim());
    }

    private static String clip(String s) {
        return s.length() <= 32 ? s : "..." + s.substring(s.length() - 29);
    }
}
