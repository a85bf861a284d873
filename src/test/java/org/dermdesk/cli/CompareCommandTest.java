package org.dermdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.dermdesk.core.LesionImage;
import org.dermdesk.ml.ModelLocator;
import org.dermdesk.testsupport.FollowUpScenes;
import org.dermdesk.testsupport.FollowUpScenes.Shot;
import org.dermdesk.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CompareCommandTest {

    @TempDir
    Path dir;

    private static Path writePng(LesionImage img, Path file) throws Exception {
        BufferedImage bi = new BufferedImage(img.width(), img.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                bi.setRGB(x, y, img.channel(x, y, 0) << 16 | img.channel(x, y, 1) << 8 | img.channel(x, y, 2));
            }
        }
        ImageIO.write(bi, "png", file.toFile());
        return file;
    }

    @Test
    void reportsAGrownLesionAsOneJsonObjectAndWritesThePdf() throws Exception {
        Path model = SharedData.shippedModel(ModelLocator.DEFAULT_MODEL);
        FollowUpScenes scene = new FollowUpScenes(5);
        Shot base = Shot.plain(400, 300);
        Path before = writePng(scene.image(base), dir.resolve("before.png"));
        Path after = writePng(scene.image(base.moved(15, -10, 10, 1.0).grown(1.35)), dir.resolve("after.png"));
        Path pdf = dir.resolve("compare.pdf");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = new CommandLine(new CompareCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8)))
                .execute("--json", "--model", model.toString(), "--pdf", pdf.toString(), before.toString(), after.toString());

        assertEquals(0, exit);
        String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(1, lines.length, "one JSON object, nothing else on stdout");
        JsonNode j = new ObjectMapper().readTree(lines[0]);
        assertTrue(j.get("same_lesion").asBoolean(), j.toString());
        assertFalse(j.get("may_be_same_lesion").asBoolean(), "only for images that could not be aligned: " + j);
        assertTrue(j.get("changed").asBoolean(), j.toString());
        assertEquals(35, j.get("area_change_percent").asDouble(), 6, j.toString());
        assertTrue(j.get("diameter_change_mm").isNull(), "no scale in drawn images");
        assertTrue(j.get("colours_added").isArray());
        assertTrue(j.get("colours_lost").isArray());
        for (String p : new String[] {"p_malignant_before", "p_malignant_after"}) {
            double v = j.get(p).asDouble();
            assertTrue(v >= 0 && v <= 1, p);
        }
        JsonNode r = j.get("registration");
        assertTrue(r.get("success").asBoolean());
        assertTrue(r.get("method").asText().startsWith("moments+ecc"), r.toString());
        assertTrue(r.get("residual").asDouble() < 0.4);
        assertTrue(r.has("skin_residual"), "skin_residual: a number or null");
        assertTrue(Files.size(pdf) > 1000);
    }

    @Test
    void aMissingImageIsNamedAndFailsWithExitCodeOne() throws Exception {
        Path model = SharedData.shippedModel(ModelLocator.DEFAULT_MODEL);
        Path before = writePng(new FollowUpScenes(1).image(Shot.plain(300, 225)), dir.resolve("before.png"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = new CommandLine(new CompareCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8)))
                .execute("--json", "--model", model.toString(), before.toString(), dir.resolve("later.png").toString());
        assertEquals(1, exit);
        assertFalse(bytes.toString(StandardCharsets.UTF_8).contains("{"), "no half result on stdout");
    }

    @Test
    void aDeviceScaleGivesTheChangeInMillimetres() throws Exception {
        Path model = SharedData.shippedModel(ModelLocator.DEFAULT_MODEL);
        FollowUpScenes scene = new FollowUpScenes(5);
        Shot base = Shot.plain(400, 300);
        Path before = writePng(scene.image(base), dir.resolve("before.png"));
        Path after = writePng(scene.image(base.grown(1.35)), dir.resolve("after.png"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = new CommandLine(new CompareCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8)))
                .execute("--json", "--model", model.toString(), "--px-per-mm", "20", before.toString(), after.toString());
        assertEquals(0, exit);
        JsonNode j = new ObjectMapper().readTree(bytes.toString(StandardCharsets.UTF_8).strip());
        assertTrue(j.get("diameter_change_mm").isNumber(), j.toString());
        assertTrue(j.get("diameter_change_mm").asDouble() > 0, j.toString());
    }

    @Test
    void aDeviceScaleThatCannotFitTheImagesNamesTheFile() throws Exception {
        Path model = SharedData.shippedModel(ModelLocator.DEFAULT_MODEL);
        FollowUpScenes scene = new FollowUpScenes(5);
        Path before = writePng(scene.image(Shot.plain(400, 300)), dir.resolve("before.png"));
        Path after = writePng(scene.image(Shot.plain(400, 300)), dir.resolve("after.png"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stderr = System.err; // the command writes its one message there
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            exit = new CommandLine(new CompareCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8)))
                    .execute("--model", model.toString(), "--px-per-mm", "2",
                            before.toString(), after.toString());
        } finally {
            System.setErr(stderr);
        }
        assertEquals(1, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("before.png: --px-per-mm 2 does not fit this 400x300 image:"
                + " at this scale the picture would be 200 mm across"), err.toString(StandardCharsets.UTF_8));
    }
}
