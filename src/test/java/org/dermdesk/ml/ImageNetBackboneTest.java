package org.dermdesk.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dermdesk.core.Checksums;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The imported ImageNet MobileNetV2 reproduces the original TF.js model's activations. */
class ImageNetBackboneTest {

    private static final Path REFERENCE = Path.of("..", "shared", "docs", "mobilenet_v2_reference.json");
    private static final double TOLERANCE = 1e-3;

    @Test
    void committedBackboneReproducesReferenceActivations() throws IOException {
        assertMatchesReference(ImageNetBackbone.SHIPPED_DIR);
    }

    @Test
    void importFromNpmPackageGivesTheCommittedWeights(@TempDir Path tmp) throws Exception {
        Path tarball = npmPack(tmp);
        Path out = tmp.resolve("imported");
        ImageNetBackbone.importFrom(tarball, out);
        assertMatchesReference(out);
        assertEquals(Checksums.sha256(ImageNetBackbone.SHIPPED_DIR.resolve(ImageNetBackbone.PARAMS_FILE)),
                Checksums.sha256(out.resolve(ImageNetBackbone.PARAMS_FILE)), "import is not reproducible");
    }

    @Test
    void refusesATarballWithAnotherChecksum(@TempDir Path tmp) throws IOException {
        Path fake = tmp.resolve("nsfwjs-4.4.0.tgz");
        Files.write(fake, new byte[] {0x1f, (byte) 0x8b, 8, 0});
        IOException e = assertThrows(IOException.class, () -> ImageNetBackbone.importFrom(fake, tmp.resolve("out")));
        assertTrue(e.getMessage().contains("not the expected package"), e.getMessage());
        assertTrue(Files.notExists(tmp.resolve("out")));
    }

    @Test
    void javascriptObjectLiteralBecomesStrictJson() throws IOException {
        JsonNode n = new ObjectMapper().readTree(TfjsBundle.strictJson("{a:!0,b:[!1,.5,-.25],c_d:\"x\",e:{f:1e-3}}"));
        assertTrue(n.get("a").asBoolean());
        assertEquals(false, n.get("b").get(0).asBoolean());
        assertEquals(0.5, n.get("b").get(1).asDouble());
        assertEquals(-0.25, n.get("b").get(2).asDouble());
        assertEquals("x", n.get("c_d").asText());
        assertEquals(1e-3, n.get("e").get("f").asDouble());
    }

    private static void assertMatchesReference(Path backboneDir) throws IOException {
        assumeTrue(Files.isRegularFile(REFERENCE), "reference activations not found at " + REFERENCE.toAbsolutePath() + ": test skipped");
        JsonNode layers = new ObjectMapper().readTree(REFERENCE.toFile()).get("layers");
        List<String> names = new ArrayList<>();
        layers.fieldNames().forEachRemaining(k -> names.add(k.replace("@224", "")));
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            MobileNetV2 net = ImageNetBackbone.load(backboneDir, names, manager);
            NDArray out = net.forward(new ParameterStore(manager, false), new NDList(referenceInput(manager)), false).singletonOrThrow();
            float[] pooled = out.toFloatArray();
            int offset = 0;
            for (int t = 0; t < names.size(); t++) {
                JsonNode ref = layers.get(names.get(t) + "@224");
                int channels = net.pooledChannels().get(t);
                double sum = 0;
                double absSum = 0;
                for (int c = 0; c < channels; c++) {
                    float v = pooled[offset + c];
                    if (c < 8) {
                        assertEquals(ref.get("pooled_first8").get(c).asDouble(), v, TOLERANCE, names.get(t) + " channel " + c);
                    }
                    sum += v;
                    absSum += Math.abs(v);
                }
                assertEquals(ref.get("pooled_sum").asDouble(), sum, TOLERANCE * channels, names.get(t) + " sum");
                assertEquals(ref.get("pooled_abs_sum").asDouble(), absSum, TOLERANCE * channels, names.get(t) + " abs sum");
                offset += channels;
            }
        }
    }

    /** The reference file's input: x[row][col][c] = 0.5 + 0.3 sin(col/9 + c) cos(row/13), as NCHW. */
    private static NDArray referenceInput(NDManager manager) {
        int size = 224;
        float[] x = new float[3 * size * size];
        for (int c = 0; c < 3; c++) {
            for (int row = 0; row < size; row++) {
                for (int col = 0; col < size; col++) {
                    x[(c * size + row) * size + col] = (float) (0.5 + 0.3 * Math.sin(col / 9.0 + c) * Math.cos(row / 13.0));
                }
            }
        }
        return manager.create(x, new Shape(1, 3, size, size));
    }

    /** {@code npm pack nsfwjs@4.4.0} into {@code dir}; skips the test when npm or the registry is unavailable. */
    private static Path npmPack(Path dir) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("npm", "pack", ImageNetBackbone.NPM_PACKAGE, "--pack-destination", dir.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "npm is not installed: import test skipped");
            throw e;
        }
        String log = new String(p.getInputStream().readAllBytes());
        boolean finished = p.waitFor(180, TimeUnit.SECONDS);
        Path tarball = dir.resolve("nsfwjs-4.4.0.tgz");
        assumeTrue(finished && p.exitValue() == 0 && Files.isRegularFile(tarball),
                "npm pack " + ImageNetBackbone.NPM_PACKAGE + " failed (registry unreachable?): import test skipped\n" + log);
        return tarball;
    }
}
