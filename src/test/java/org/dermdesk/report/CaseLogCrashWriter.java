package org.dermdesk.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * A child process for {@link CaseLogCrashTest}: appends rows to a case log in a loop, printing
 * "committed ID" after each append returns, until it is killed. Some appends are preceded by a torn
 * write (a random prefix of a row), the on-disk state a power cut or kernel crash can leave behind.
 */
public final class CaseLogCrashWriter {

    private CaseLogCrashWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int child = Integer.parseInt(args[1]);
        double tornRate = Double.parseDouble(args[2]);
        CaseLog log = new CaseLog(file);
        Random rnd = new Random(child * 7919L);
        System.out.println("ready");
        System.out.flush();
        for (int i = 0; ; i++) {
            if (rnd.nextDouble() < tornRate) {
                byte[] row = CaseLog.encodeRow(entry(child * 100_000 + 99_999));
                int cut = 1 + rnd.nextInt(row.length - 1);
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                    ch.write(ByteBuffer.wrap(row, 0, cut));
                    ch.force(true);
                }
            }
            int id = child * 100_000 + i;
            log.append(entry(id));
            System.out.println("committed " + id);
            System.out.flush();
        }
    }

    /** The deterministic row for an id: hostile text, sometimes long. */
    static CaseLogEntry entry(int id) {
        Random r = new Random(id);
        String[] bits = {",", "\"", "\"\"", "\r\n", "\n", "\r", "=SUM(A1)", "'", "caf\u00e9", "\u03b1\u03b2\u03b3",
            "\u75c5\u53d8", "\uD83D\uDE00", " ", "#", "-", "@", "\t", "plain words "};
        StringBuilder notes = new StringBuilder();
        int n = r.nextInt(10) == 0 ? 2000 : r.nextInt(30);
        for (int k = 0; k < n; k++) {
            notes.append(bits[r.nextInt(bits.length)]);
        }
        double imageOnly = r.nextInt(10_000) / 10_000.0;
        boolean adjusted = r.nextBoolean();
        double shown = adjusted ? r.nextInt(10_000) / 10_000.0 : imageOnly;
        return new CaseLogEntry(Instant.ofEpochSecond(1_770_000_000L + id), "case-" + id, "/img/" + id + ".jpg",
                String.format("%064x", id), r.nextInt(90), r.nextBoolean() ? "female" : "male", "back",
                shown, imageOnly, adjusted, r.nextBoolean(), "suspicious", 0.35, r.nextBoolean(),
                List.of("Blur, \"quoted\"", "Hair"), "model", "1.0", "ab".repeat(32), notes.toString());
    }
}
