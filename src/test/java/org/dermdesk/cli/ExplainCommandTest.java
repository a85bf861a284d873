package org.dermdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.dermdesk.core.ExplanationVerdicts;
import org.dermdesk.core.LesionClassifier;
import org.dermdesk.core.LesionImage;
import org.dermdesk.core.ModelInfo;
import org.dermdesk.core.Prediction;
import org.dermdesk.explain.SyntheticModels;
import org.dermdesk.testsupport.SyntheticLesions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExplainCommandTest {

    /** A classifier that looks only at texture in the lower right of the image. */
    static LesionClassifier fake() {
        Function<List<LesionImage>, double[]> f = SyntheticModels.textureIn(0.6, 0.55, 0.95, 0.95, 15);
        ModelInfo info = new ModelInfo("fake", "0", "none");
        return new LesionClassifier() {
            public ModelInfo info() {
                return info;
            }

            public double threshold() {
                return 0.5;
            }

            public List<Prediction> predictBatch(List<LesionImage> images) {
                return java.util.Arrays.stream(f.apply(images)).mapToObj(p -> new Prediction(p, 0.5, Map.of(), info)).toList();
            }

            public void close() {
            }
        };
    }

    @Test
    void writesHeatmapAndJsonWithTheDocumentedFields(@TempDir Path dir) throws Exception {
        Path image = dir.resolve("noise.png");
        BufferedImage bi = new BufferedImage(240, 180, BufferedImage.TYPE_INT_RGB);
        java.util.Random r = new java.util.Random(1);
        for (int y = 0; y < 180; y++) {
            for (int x = 0; x < 240; x++) {
                int v = 100 + r.nextInt(60);
                bi.setRGB(x, y, (v << 16) | ((v + 10) << 8) | (v + 20));
            }
        }
        ImageIO.write(bi, "png", image.toFile());
        Path out = dir.resolve("heat.png");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream old = System.out;
        int rc;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            rc = new CommandLine(new ExplainCommand(dir2 -> fake())).execute(image.toString(), "--out", out.toString(),
                    "--samples", "200", "--seed", "3", "--json", "--stability");
        } finally {
            System.setOut(old);
        }
        assertEquals(0, rc);
        JsonNode json = new ObjectMapper().readTree(buf.toString(StandardCharsets.UTF_8));
        for (String field : List.of("segments", "weights", "intercept", "r2", "deletion_auc", "insertion_auc",
                "stability", "artifact_share", "outside_lesion_share", "timings_ms")) {
            assertTrue(json.has(field), "missing " + field + " in " + json);
        }
        assertEquals(json.get("segments").asInt(), json.get("weights").size());
        assertTrue(json.get("timings_ms").has("total"));
        // the verdicts are the window's and the PDF's, from the same thresholds
        double gain = json.get("insertion_auc").asDouble() - json.get("deletion_auc").asDouble()
                - (json.get("random_insertion_auc").asDouble() - json.get("random_deletion_auc").asDouble());
        assertEquals(ExplanationVerdicts.Faithfulness.ofGain(gain).code(), json.get("faithfulness_verdict").asText());
        assertEquals(ExplanationVerdicts.Stability.of(json.get("stability").asDouble()).code(), json.get("stability_verdict").asText());
        // without mask files the quality gate supplies the masks: shares are fractions, or null where it found none
        for (String share : List.of("artifact_share", "outside_lesion_share")) {
            JsonNode v = json.get(share);
            assertTrue(v.isNull() || (v.asDouble() >= 0 && v.asDouble() <= 1), share + " = " + v);
        }
        assertTrue(json.get("insertion_auc").asDouble() > json.get("deletion_auc").asDouble());
        BufferedImage heat = ImageIO.read(out.toFile());
        assertEquals(240, heat.getWidth());
        assertEquals(180, heat.getHeight());
    }

    @Test
    void removeHairExplainsTheImageTheModelSawAfterHairRemoval(@TempDir Path dir) throws Exception {
        BufferedImage img = SyntheticLesions.draw(400, 300, 6);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(new java.awt.Color(40, 28, 22));
        g.setStroke(new java.awt.BasicStroke(2));
        for (int i = 0; i < 8; i++) { // dark hairs, also through the region the fake model looks at
            g.drawLine(20 + i * 50, 5, 80 + i * 45, 295);
        }
        g.dispose();
        Path hairy = dir.resolve("hairy.png");
        ImageIO.write(img, "png", hairy.toFile());
        JsonNode asRead = explainJson(hairy, dir.resolve("a.png"));
        JsonNode cleaned = explainJson(hairy, dir.resolve("b.png"), "--remove-hair");
        assertEquals(false, asRead.get("hair_removed").asBoolean());
        assertEquals(true, cleaned.get("hair_removed").asBoolean());
        assertTrue(asRead.get("model_prediction").asDouble() != cleaned.get("model_prediction").asDouble(),
                "the model saw the same pixels both times: " + asRead.get("model_prediction"));
        BufferedImage heat = ImageIO.read(dir.resolve("b.png").toFile());
        assertEquals(400, heat.getWidth(), "the heatmap is drawn over the original");
    }

    private static JsonNode explainJson(Path image, Path out, String... extra) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream old = System.out;
        List<String> args = new java.util.ArrayList<>(List.of(image.toString(), "--out", out.toString(), "--samples", "50", "--json"));
        args.addAll(List.of(extra));
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            assertEquals(0, new CommandLine(new ExplainCommand(d -> fake())).execute(args.toArray(String[]::new)));
        } finally {
            System.setOut(old);
        }
        return new ObjectMapper().readTree(buf.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aMissingImageIsOneClearMessage(@TempDir Path dir) {
        int rc = new CommandLine(new ExplainCommand(d -> fake())).execute(dir.resolve("nope.jpg").toString(),
                "--out", dir.resolve("h.png").toString());
        assertEquals(2, rc);
        assertTrue(Files.notExists(dir.resolve("h.png")));
    }
}
