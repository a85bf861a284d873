package org.dermdesk.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.dermdesk.core.Cancellation;
import org.dermdesk.core.LesionImage;
import org.junit.jupiter.api.Test;

class SampleScorerTest {

    /** Sample i is a 1x1 image whose red value is i mod 256; the "model" returns red + 1000 * batch size. */
    static LesionImage sample(int i) {
        return new LesionImage("s" + i, 1, 1, new byte[] {(byte) i, 0, 0});
    }

    static final Function<List<LesionImage>, double[]> RED = batch ->
            batch.stream().mapToDouble(img -> (img.rgb()[0] & 0xFF) + 1000.0 * batch.size()).toArray();

    @Test
    void scoresLandAtTheirSampleWhateverTheWorkerCount() {
        double[] one = new SampleScorer(7, 1).score(100, SampleScorerTest::sample, RED, Cancellation.none(), d -> { }).values();
        double[] four = new SampleScorer(7, 4).score(100, SampleScorerTest::sample, RED, Cancellation.none(), d -> { }).values();
        assertArrayEquals(one, four);
        assertEquals(5 + 7000, one[5]);
        // the last batch holds samples 98 and 99 only: batches are the same whatever the worker count
        assertEquals(99 + 2000, four[99]);
    }

    @Test
    void severalWorkersReallyCallTheModelAtOnce() {
        CountDownLatch bothInside = new CountDownLatch(2);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Function<List<LesionImage>, double[]> meeting = batch -> {
            threads.add(Thread.currentThread().getName());
            bothInside.countDown();
            try {
                // only returns early when another worker is inside the model at the same time
                assertTrue(bothInside.await(10, TimeUnit.SECONDS), "no second worker came");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return RED.apply(batch);
        };
        new SampleScorer(10, 2).score(20, SampleScorerTest::sample, meeting, Cancellation.none(), d -> { });
        assertEquals(2, threads.size());
    }

    @Test
    void aFailingBatchFailsTheWholeScoringWithItsOwnException() {
        Function<List<LesionImage>, double[]> failing = batch -> {
            if ((batch.get(0).rgb()[0] & 0xFF) == 30) {
                throw new IllegalStateException("model broke");
            }
            return RED.apply(batch);
        };
        for (int workers : new int[] {1, 3}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () ->
                    new SampleScorer(10, workers).score(100, SampleScorerTest::sample, failing, Cancellation.none(), d -> { }));
            assertEquals("model broke", e.getMessage());
        }
    }

    @Test
    void cancellationStopsEveryWorker() {
        Cancellation cancel = Cancellation.none();
        AtomicInteger batches = new AtomicInteger();
        Function<List<LesionImage>, double[]> cancelling = batch -> {
            if (batches.incrementAndGet() == 3) {
                cancel.cancel();
            }
            return RED.apply(batch);
        };
        assertThrows(Cancellation.CancelledException.class, () ->
                new SampleScorer(10, 2).score(1000, SampleScorerTest::sample, cancelling, cancel, d -> { }));
        assertTrue(batches.get() < 10, "workers went on after the cancellation: " + batches.get() + " batches");
    }

    @Test
    void progressIsReportedOnTheCallingThreadUpToTheLastSample() {
        Thread caller = Thread.currentThread();
        AtomicInteger last = new AtomicInteger();
        new SampleScorer(8, 3).score(50, SampleScorerTest::sample, RED, Cancellation.none(), done -> {
            assertEquals(caller, Thread.currentThread());
            last.set(done);
        });
        assertEquals(50, last.get());
    }
}
