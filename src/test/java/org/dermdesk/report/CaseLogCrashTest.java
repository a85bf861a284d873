package org.dermdesk.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writer process mid-stream, repeatedly, and checks after each kill that every committed row
 * is intact and in order, that no earlier byte changed, and that half rows are only reported.
 *
 * <p>A SIGKILL cannot interrupt a write(2) to a regular file half way, so the child also leaves torn
 * rows on purpose (what a power cut can leave) to exercise recovery under real kills.
 */
class CaseLogCrashTest {

    @TempDir
    Path dir;

    @Test
    void killedWritersNeverCorruptEarlierRows() throws Exception {
        Path file = dir.resolve("cases.csv");
        Random rnd = new Random(2026);
        List<Integer> expectedIds = new ArrayList<>();
        int rounds = 10;
        int tornTotalBound = 0;
        byte[] before = new byte[0];
        for (int round = 1; round <= rounds; round++) {
            double tornRate = round % 3 == 0 ? 0.0 : 0.2;
            // the child's stdout goes to a file, not a pipe: a pipe can lose the last lines when the child is killed
            Path progress = file.resolveSibling("progress-" + round + ".txt");
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx64m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                    "-cp", System.getProperty("java.class.path"), CaseLogCrashWriter.class.getName(),
                    file.toString(), Integer.toString(round), Double.toString(tornRate))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectOutput(progress.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(progress).contains("ready")) {
                assertTrue(System.nanoTime() < deadline, "writer did not start");
                Thread.sleep(10);
            }
            Thread.sleep(50 + rnd.nextInt(1500));
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "writer did not die");
            List<Integer> committed = new ArrayList<>();
            for (String line : Files.readAllLines(progress)) {
                if (line.startsWith("committed ")) {
                    committed.add(Integer.parseInt(line.substring(10)));
                }
            }

            byte[] after = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
            assertArrayEquals(before, Arrays.copyOf(after, before.length), "round " + round + ": earlier bytes changed");
            before = after;

            CaseLog.Contents read = CaseLog.read(file);
            // a torn row cut only in its line ending is whole and readable: those are the TORN sentinel ids
            List<Integer> ids = read.entries().stream().map(e -> Integer.parseInt(e.caseId().substring(5)))
                    .filter(id -> id % 100_000 != 99_999).toList();
            // all committed rows, in order; the row being appended at the kill may or may not have landed
            List<Integer> thisRound = ids.subList(Math.min(expectedIds.size(), ids.size()), ids.size());
            assertEquals(expectedIds, ids.subList(0, Math.min(expectedIds.size(), ids.size())), "round " + round);
            assertTrue(thisRound.size() == committed.size() || thisRound.size() == committed.size() + 1,
                    "round " + round + ": committed " + committed.size() + ", read " + thisRound.size());
            assertEquals(committed, thisRound.subList(0, committed.size()));
            for (int k = 0; k < thisRound.size(); k++) {
                assertEquals(round * 100_000 + k, thisRound.get(k));
            }
            expectedIds.addAll(thisRound);
            for (var e : read.entries()) {
                assertEquals(CaseLogCrashWriter.entry(Integer.parseInt(e.caseId().substring(5))), e);
            }
            tornTotalBound += committed.size() + 2;
            assertTrue(read.problems().size() <= tornTotalBound, "too many problems: " + read.problems());
            for (String problem : read.problems()) {
                assertTrue(problem.startsWith("line "), problem);
            }
            System.out.printf("round %d: %d rows committed, %d rows in log, %d half rows reported, %d bytes%n",
                    round, committed.size(), ids.size(), read.problems().size(), after.length);
        }
        assertTrue(expectedIds.size() > rounds, "the writers wrote too little to test anything");
    }
}
