package org.dermdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dermdesk.ml.ModelLocator;
import org.dermdesk.testsupport.SharedData;
import org.dermdesk.testsupport.SyntheticLesions;
import org.dermdesk.testsupport.SyntheticRulers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AnalyzeCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsOneJsonLinePerImageAndFailsOnlyTheBadOne() throws Exception {
        Path model = SharedData.shippedModel(ModelLocator.DEFAULT_MODEL);
        Path good = SyntheticLesions.writeJpeg(dir.resolve("good.jpg"), 600, 450, 3);
        Path bad = Files.writeString(dir.resolve("bad.jpg"), "not really a jpeg");
        Path missing = dir.resolve("missing.png");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = new CommandLine(new AnalyzeCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8)))
                .execute("--json", "--model", model.toString(), bad.toString(), good.toString(), missing.toString());

        String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(3, lines.length, "one line per image, nothing else on stdout");
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines[0]);
        JsonNode second = json.readTree(lines[1]);
        JsonNode third = json.readTree(lines[2]);
        assertEquals("error", first.get("status").asText());
        assertTrue(first.get("error").asText().startsWith("bad.jpg: not an image"), first.toString());
        assertEquals(64, first.get("sha256").asText().length(), "readable files still get their checksum");
        assertEquals("ok", second.get("status").asText());
        double p = second.get("p_malignant").asDouble();
        assertTrue(p >= 0 && p <= 1);
        assertEquals(p >= second.get("threshold").asDouble(), second.get("malignant").asBoolean());
        assertEquals(ModelLocator.DEFAULT_MODEL, second.get("model").get("name").asText());
        assertEquals(64, second.get("model").get("sha256").asText().length());
        assertTrue(second.get("timings_ms").has("total"));
        assertFalse(second.get("error").isTextual());
        for (String artifact : new String[] {"hair", "ruler", "ink", "dark_corner", "gel_bubble", "blur", "exposure"}) {
            JsonNode a = second.get("artifacts").get(artifact);
            assertTrue(a.get("present").isBoolean(), artifact);
            double score = a.get("score").asDouble();
            assertTrue(score >= 0 && score <= 1, artifact + " score " + score);
        }
        assertTrue(second.get("lesion").get("area").asInt() > 0, "the drawn lesion is found");
        assertTrue(second.get("retake").isBoolean());
        assertTrue(second.get("retake_reasons").isArray());
        assertEquals("missing.png: file not found", third.get("error").asText());
        assertEquals(1, exit, "non-zero exit when any image failed");
    }

    @Test
    void measurementsGiveMillimetresFromADrawnRulerAndStayInPixelsWithoutOne() throws Exception {
        Path model = SharedData.shippedModel(ModelLocator.DEFAULT_MODEL);
        Path ruler = SyntheticRulers.writePng(dir.resolve("ruler.png"), 25, 10, 7);
        Path plain = SyntheticLesions.writeJpeg(dir.resolve("plain.jpg"), 600, 450, 3);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = new CommandLine(new AnalyzeCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8)))
                .execute("--json", "--model", model.toString(), ruler.toString(), plain.toString());
        assertEquals(0, exit);
        String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
        ObjectMapper json = new ObjectMapper();
        JsonNode m = json.readTree(lines[0]).get("measurements");
        assertEquals("ruler", m.get("scale_source").asText());
        assertEquals(25, m.get("scale_px_per_mm").asDouble(), 0.5);
        assertEquals(10, m.get("diameter_mm").asDouble(), 0.5, m.toString());
        assertEquals(7, m.get("perpendicular_diameter_mm").asDouble(), 0.4, m.toString());
        assertEquals(Math.PI * 5 * 3.5, m.get("area_mm2").asDouble(), 0.1 * Math.PI * 5 * 3.5);
        assertEquals(250, m.get("diameter_px").asDouble(), 12.5);
        assertEquals(0, m.get("asymmetry").asInt());
        assertEquals(8, m.get("border_sectors").asInt());
        assertEquals("[\"dark_brown\"]", m.get("colours").toString(), "a brown 33 L* darker than the skin");
        assertEquals(1.3 * 0 + 0.1 * 8 + 0.5 * 1, m.get("tds").asDouble(), 1e-9);
        assertTrue(m.get("tds_omits_differential_structures").asBoolean());
        JsonNode none = json.readTree(lines[1]).get("measurements");
        assertEquals("unknown", none.get("scale_source").asText());
        for (String field : new String[] {"scale_px_per_mm", "diameter_mm", "perpendicular_diameter_mm", "area_mm2"}) {
            assertTrue(none.get(field).isNull(), field + " must be null without a scale: " + none);
        }
        assertTrue(none.get("diameter_px").asDouble() > 100);
        for (String field : new String[] {"asymmetry", "border_sectors", "colours", "tds"}) {
            assertTrue(none.has(field), field);
        }
    }

    @Test
    void metadataWithAnAgeAdjustsTheProbabilityAndKeepsTheImageOnlyFigure() throws Exception {
        Path model = SharedData.shippedModel(ModelLocator.DEFAULT_MODEL);
        Path young = SyntheticLesions.writeJpeg(dir.resolve("young.jpg"), 400, 300, 4);
        Path old = Files.copy(young, dir.resolve("old.jpg"));
        Path unknown = Files.copy(young, dir.resolve("unknown.jpg"));
        Path csv = Files.writeString(dir.resolve("meta.csv"), "image_id,age,sex,localization\nyoung,25,female,back\nold,85,male,face\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = new CommandLine(new AnalyzeCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8)))
                .execute("--json", "--model", model.toString(), "--metadata", csv.toString(),
                        young.toString(), old.toString(), unknown.toString());
        assertEquals(0, exit);
        String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
        ObjectMapper json = new ObjectMapper();
        JsonNode y = json.readTree(lines[0]);
        JsonNode o = json.readTree(lines[1]);
        JsonNode u = json.readTree(lines[2]);
        assertTrue(y.get("adjusted_for_age_and_sex").asBoolean());
        assertEquals(y.get("p_malignant_image_only").asDouble(), o.get("p_malignant_image_only").asDouble(), 1e-9, "same image");
        assertTrue(o.get("p_malignant").asDouble() > y.get("p_malignant").asDouble(), "risk grows with age: " + o + " vs " + y);
        assertFalse(u.get("adjusted_for_age_and_sex").asBoolean(), "no metadata row: image only");
        assertEquals(u.get("p_malignant_image_only").asDouble(), u.get("p_malignant").asDouble(), 1e-9);
    }

    @Test
    void hairRemovalIsOffByDefaultAndReportedInTheJson() throws Exception {
        Path model = SharedData.shippedModel(ModelLocator.DEFAULT_MODEL);
        java.awt.image.BufferedImage img = SyntheticLesions.draw(600, 450, 6);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(new java.awt.Color(40, 28, 22));
        g.setStroke(new java.awt.BasicStroke(3));
        for (int i = 0; i < 6; i++) { // dark hairs across the lesion
            g.drawLine(40 + i * 90, 10, 120 + i * 70, 440);
        }
        g.dispose();
        Path hairy = dir.resolve("hairy.png");
        javax.imageio.ImageIO.write(img, "png", hairy.toFile());
        ObjectMapper json = new ObjectMapper();

        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        assertEquals(0, new CommandLine(new AnalyzeCommand(new PrintStream(plain, true, StandardCharsets.UTF_8)))
                .execute("--json", "--model", model.toString(), hairy.toString()));
        JsonNode asRead = json.readTree(plain.toString(StandardCharsets.UTF_8).strip());
        assertFalse(asRead.get("hair_removed").asBoolean(), asRead.toString());
        assertFalse(asRead.get("timings_ms").has("hair_removal"));
        assertTrue(asRead.get("artifacts").get("hair").get("present").asBoolean(), "the drawn hair is detected: " + asRead);

        ByteArrayOutputStream removed = new ByteArrayOutputStream();
        assertEquals(0, new CommandLine(new AnalyzeCommand(new PrintStream(removed, true, StandardCharsets.UTF_8)))
                .execute("--json", "--remove-hair", "--model", model.toString(), hairy.toString()));
        JsonNode cleaned = json.readTree(removed.toString(StandardCharsets.UTF_8).strip());
        assertTrue(cleaned.get("hair_removed").asBoolean(), cleaned.toString());
        assertTrue(cleaned.get("timings_ms").has("hair_removal"));
        assertEquals(asRead.get("artifacts"), cleaned.get("artifacts"), "the quality gate judged the image as read");
        assertTrue(asRead.get("p_malignant_image_only").asDouble() != cleaned.get("p_malignant_image_only").asDouble(),
                "the model saw another image: " + asRead.get("p_malignant_image_only") + " both times");
    }

    @Test
    void exitsZeroWhenAllImagesAreGoodAndPrintsATableWithoutJson() throws Exception {
        Path model = SharedData.shippedModel(ModelLocator.DEFAULT_MODEL);
        Path good = SyntheticLesions.writeJpeg(dir.resolve("fine.jpg"), 400, 300, 5);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = new CommandLine(new AnalyzeCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8)))
                .execute("--model", model.toString(), good.toString());
        String table = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit);
        assertTrue(table.startsWith("image"), table);
        assertTrue(table.contains("fine.jpg"), table);
    }

    @Test
    void aDeviceScaleMeasuresWhereNoRulerIsFoundAndFailsAnImageItCannotFit() throws Exception {
        Path model = SharedData.shippedModel(ModelLocator.DEFAULT_MODEL);
        Path ruler = SyntheticRulers.writePng(dir.resolve("ruler.png"), 25, 10, 7);
        Path plain = SyntheticRulers.writePng(dir.resolve("plain.png"), 25, 10, 7, false);
        Path tiny = SyntheticLesions.writeJpeg(dir.resolve("tiny.jpg"), 120, 100, 3);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = new CommandLine(new AnalyzeCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8)))
                .execute("--json", "--model", model.toString(), "--px-per-mm", "30", ruler.toString(), tiny.toString(),
                        plain.toString());
        assertEquals(1, exit, "the image the scale cannot fit fails");
        String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
        ObjectMapper json = new ObjectMapper();
        JsonNode fromRuler = json.readTree(lines[0]).get("measurements");
        assertEquals("ruler", fromRuler.get("scale_source").asText(), "a ruler in the image comes before the device scale");
        assertEquals(25, fromRuler.get("scale_px_per_mm").asDouble(), 0.5);
        JsonNode failed = json.readTree(lines[1]);
        assertEquals("error", failed.get("status").asText());
        assertEquals("tiny.jpg: --px-per-mm 30 does not fit this 120x100 image: at this scale the picture would be 4.0 mm"
                + " across, and a dermatoscope shows 5 to 50 mm; check the value, or leave this image out",
                failed.get("error").asText());
        JsonNode device = json.readTree(lines[2]).get("measurements");
        assertEquals("device_profile", device.get("scale_source").asText());
        assertEquals(30, device.get("scale_px_per_mm").asDouble(), 1e-9);
        assertEquals(250 / 30.0, device.get("diameter_mm").asDouble(), 0.4, device.toString());
        assertEquals(device.get("diameter_px").asDouble() / 30, device.get("diameter_mm").asDouble(), 0.01);
    }

    @Test
    void aBadDeviceScaleIsAUsageErrorInPlainWords() {
        for (String bad : new String[] {"0", "-2", "abc", "NaN", "1e999"}) {
            java.io.StringWriter err = new java.io.StringWriter();
            int exit = new CommandLine(new AnalyzeCommand(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                    .setErr(new java.io.PrintWriter(err, true)).execute("--px-per-mm", bad, "image.jpg");
            assertEquals(2, exit, bad);
            assertTrue(err.toString().startsWith("--px-per-mm: '" + bad + "' is not a number of pixels per millimetre;"
                    + " give a positive number such as 12.5"), err.toString());
            assertFalse(err.toString().contains("Exception"), err.toString());
        }
    }
}
