package org.dermdesk.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.dermdesk.core.ResultWording;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    private static ObjectNode row(String image, boolean malignant) {
        ObjectNode n = AnalysisJson.MAPPER.createObjectNode();
        n.put("image", image);
        n.put("status", "ok");
        n.put("p_malignant", malignant ? 0.8 : 0.1);
        n.put("threshold", 0.35);
        n.put("malignant", malignant);
        n.put("retake", false);
        n.putArray("retake_reasons");
        return n;
    }

    @Test
    void saysSuspiciousOrNotSuspiciousAsTheCaseLogDoesNeverBenign() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ResultTable table = new ResultTable(new PrintStream(buf, true, StandardCharsets.UTF_8));
        table.print(row("a.jpg", true));
        table.print(row("b.jpg", false));
        String[] lines = buf.toString(StandardCharsets.UTF_8).split("\\R");
        assertTrue(lines[1].contains(" " + ResultWording.CODE_SUSPICIOUS + " "), lines[1]);
        assertTrue(lines[2].contains(" " + ResultWording.CODE_NOT_SUSPICIOUS + " "), lines[2]);
        assertTrue(!buf.toString(StandardCharsets.UTF_8).contains("benign"));
    }
}
