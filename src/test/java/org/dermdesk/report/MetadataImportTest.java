package org.dermdesk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dermdesk.core.CaseDetails;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class MetadataImportTest {

    private static final Path DATA = Path.of("..", "shared", "data");

    @Test
    void readsHam10000Metadata() throws IOException {
        Path csv = DATA.resolve("ham10000/metadata.csv");
        Assumptions.assumeTrue(Files.exists(csv), "HAM10000 metadata not present at " + csv.toAbsolutePath());
        MetadataImport.Result r = MetadataImport.read(csv);
        assertEquals(10_015, r.size(), r.problems().toString());
        CaseDetails d = r.find(Path.of("/somewhere/ISIC_0027419.jpg")).orElseThrow();
        assertEquals(80, d.age());
        assertEquals("male", d.sex());
        assertEquals("scalp", d.bodySite());
        assertEquals("HAM_0000118", d.lesionId(), "HAM10000 names the lesion, shared by its re-takes");
        assertEquals("HAM_0000118", r.find(Path.of("ISIC_0025030.jpg")).orElseThrow().lesionId());
        assertEquals(null, d.patientId(), "HAM10000 has no patient column");
        // HAM10000 has a few rows with no age: those are read with the age not recorded, not reported
        assertTrue(r.problems().isEmpty(), r.problems().toString());
    }

    @Test
    void readsIsic2017Labels() throws IOException {
        Path csv = DATA.resolve("isic2017/labels.csv");
        Assumptions.assumeTrue(Files.exists(csv), "ISIC 2017 labels not present at " + csv.toAbsolutePath());
        MetadataImport.Result r = MetadataImport.read(csv);
        assertEquals(1_929, r.size(), r.problems().toString());
        CaseDetails d = r.find(Path.of("ISIC_0000002.JPG")).orElseThrow();
        assertEquals(60, d.age());
        assertEquals("female", d.sex());
        assertEquals(null, d.bodySite());
    }

    @Test
    void skipsAndReportsBadRowsByLineNumber() throws IOException {
        String csv = "\uFEFFimage_name,age_approx,sex,anatom_site_general_challenge,extra\n"
                + "ISIC_1.jpg,45,female,torso,x\n"           // line 2 ok, extension stripped
                + ",50,male,head/neck,x\n"                    // line 3 no id
                + "ISIC_3,forty,male,torso,x\n"               // line 4 bad age
                + "ISIC_4,200,male,torso,x\n"                 // line 5 out of range
                + "ISIC_5,30,male\n"                          // line 6 short row
                + "\"ISIC_6\",\"unknown\",\"\",\"lower extremity\",\"a,b\"\n" // line 7 ok, quoted
                + "ISIC_1,46,female,torso,x\n"                // line 8 repeated
                + "ISIC_8,NA,unknown,unknown,x\n";            // line 9 ok, nothing recorded
        MetadataImport.Result r = MetadataImport.read(new StringReader(csv));
        assertEquals(3, r.size());
        assertEquals(List.of(3L, 4L, 5L, 6L, 8L), r.problems().stream().map(MetadataImport.Problem::line).toList(),
                r.problems().toString());
        assertEquals(new CaseDetails(45, "female", "torso", null), r.find(Path.of("isic_1.png")).orElseThrow());
        assertEquals(new CaseDetails(null, null, "lower extremity", null), r.find(Path.of("ISIC_6.jpg")).orElseThrow());
        assertEquals(CaseDetails.none(), r.find(Path.of("ISIC_8.jpg")).orElseThrow());
        assertTrue(r.find(Path.of("ISIC_3.jpg")).isEmpty());
    }

    @Test
    void readsThePatientAndLesionColumns() throws IOException {
        String csv = "image_id,patient_id,lesion_id,age,sex\n"
                + "img1,IP_7279968,L1,45,female\n"
                + "img2, IP_7279968 ,\"left shoulder, upper\",45,female\n"
                + "img3,unknown,,50,male\n"
                + "img4,=cmd(),L2,,\n";
        MetadataImport.Result r = MetadataImport.read(new StringReader(csv));
        assertEquals(List.of(), r.problems());
        assertEquals(new CaseDetails(45, "female", null, null, "IP_7279968", "L1"), r.find(Path.of("img1.jpg")).orElseThrow());
        CaseDetails two = r.find(Path.of("img2.png")).orElseThrow();
        assertEquals("IP_7279968", two.patientId(), "outer spaces trimmed");
        assertEquals("left shoulder, upper", two.lesionId());
        CaseDetails three = r.find(Path.of("img3.png")).orElseThrow();
        assertEquals(null, three.patientId(), "unknown counts as not recorded");
        assertEquals(null, three.lesionId());
        assertEquals("=cmd()", r.find(Path.of("img4.png")).orElseThrow().patientId(), "kept as written (the case log guards it)");
        assertTrue(r.find(Path.of("img1.jpg")).orElseThrow().identifiesLesion());
        assertTrue(!r.find(Path.of("img3.jpg")).orElseThrow().identifiesLesion());
    }

    @Test
    void aFileWithoutIdentityColumnsGivesNone() throws IOException {
        CaseDetails d = MetadataImport.read(new StringReader("image_id,age\nx,3\n")).find(Path.of("x.jpg")).orElseThrow();
        assertEquals(null, d.patientId());
        assertEquals(null, d.lesionId());
    }

    @Test
    void multiLineQuotedFieldsKeepLineNumbersRight() throws IOException {
        String csv = "image_id,age,sex,localization\n"
                + "a,1,male,\"back\nand more\"\n"   // lines 2-3
                + "b,xx,male,back\n";               // line 4
        MetadataImport.Result r = MetadataImport.read(new StringReader(csv));
        assertEquals(1, r.size());
        assertEquals(4L, r.problems().get(0).line(), r.problems().toString());
    }

    @Test
    void reportsAFileWithoutAnIdColumnOrWithBrokenQuoting() throws IOException {
        MetadataImport.Result noId = MetadataImport.read(new StringReader("name,age\nx,3\n"));
        assertEquals(0, noId.size());
        assertEquals(1L, noId.problems().get(0).line());

        MetadataImport.Result broken = MetadataImport.read(new StringReader(
                "image_id,age\nok,3\nbad,\"4\nnever closed,5\n"));
        assertEquals(1, broken.size());
        assertEquals(3L, broken.problems().get(0).line(), broken.problems().toString());

        assertEquals(1, MetadataImport.read(new StringReader("")).problems().size());
    }

    private static final String NAMES = "image_id,age,sex,localization\n"
            + "ISIC_1,45,female,\u00e9paule\n"   // épaule: not ASCII, so the encoding matters
            + "ISIC_2,60,male,R\u00fccken\n";

    private static MetadataImport.Result readBytes(Path dir, byte[] bytes) throws IOException {
        Path f = dir.resolve("meta.csv");
        Files.write(f, bytes);
        return MetadataImport.read(f);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void readsUtf8WithAndWithoutByteOrderMarkUtf16AndLatin1(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("UTF-8", NAMES.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        files.put("UTF-8 with BOM", concat(bom, NAMES.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        files.put("UTF-16 (BOM, little-endian)",
                concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, NAMES.getBytes(java.nio.charset.StandardCharsets.UTF_16LE)));
        files.put("UTF-16 (BOM, big-endian)", NAMES.getBytes(java.nio.charset.StandardCharsets.UTF_16)); // Java writes FE FF
        files.put("UTF-16LE without BOM", NAMES.getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        files.put("Latin-1", NAMES.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        for (var e : files.entrySet()) {
            MetadataImport.Result r = readBytes(dir, e.getValue());
            assertEquals(2, r.size(), e.getKey() + ": " + r.problems());
            assertTrue(r.problems().isEmpty(), e.getKey() + ": " + r.problems());
            assertEquals(new CaseDetails(45, "female", "\u00e9paule", null), r.find(Path.of("ISIC_1.jpg")).orElseThrow(), e.getKey());
            assertEquals("R\u00fccken", r.find(Path.of("ISIC_2.jpg")).orElseThrow().bodySite(), e.getKey());
        }
        assertEquals("UTF-8", readBytes(dir, files.get("UTF-8 with BOM")).encoding());
        assertEquals("UTF-16", readBytes(dir, files.get("UTF-16LE without BOM")).encoding());
        assertTrue(readBytes(dir, files.get("Latin-1")).encoding().contains("Latin-1"));
    }

    @Test
    void refusesAgesThatAreNotPlainNumbersOfYears() throws IOException {
        String csv = "image_id,age\n"
                + "A,1e2\n" + "B,0x40\n" + "C,45d\n" + "D,45f\n" + "E,Infinity\n" + "F,-0\n" + "G, 1E1\n"
                + "H,45.0\n" + "I,7\n";
        MetadataImport.Result r = MetadataImport.read(new StringReader(csv));
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L, 7L, 8L), r.problems().stream().map(MetadataImport.Problem::line).toList(),
                r.problems().toString());
        assertEquals(45, r.find(Path.of("H.jpg")).orElseThrow().age());
        assertEquals(7, r.find(Path.of("I.jpg")).orElseThrow().age());
        assertTrue(r.problems().get(0).message().contains("'1e2'"), r.problems().get(0).message());
    }
}
