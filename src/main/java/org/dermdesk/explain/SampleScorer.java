package org.dermdesk.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.IntConsumer;
import org.dermdesk.core.Cancellation;
import org.dermdesk.core.LesionImage;

/**
 * Scores perturbation samples in batches, on one thread or several. Each worker builds a batch and
 * runs the model on it, so on a machine with idle cores the model passes of different batches overlap
 * (one libtorch thread per caller does not spin-wait the way intra-op threads do on a busy core).
 * Batches are the same whatever the number of workers, and every score lands at its sample's index,
 * so the result does not depend on the worker count.
 */
final class SampleScorer {

    /** Time spent building images and in the model, summed over workers. */
    record Scores(double[] values, long buildNs, long modelNs) {
    }

    /**
     * Helper threads shared by all scorers and kept alive: native code (the C allocator's per-thread
     * arenas, libtorch's per-thread state) holds memory per thread, and a fresh thread per explanation
     * made the resident size grow with every explanation. Queued tasks wait, so two explanations at
     * once are still both served, and more workers than helpers only means the caller does more batches.
     */
    private static final ExecutorService HELPERS = Executors.newFixedThreadPool(helperThreads(), r -> {
        Thread t = new Thread(r, "explanation-worker");
        t.setDaemon(true);
        return t;
    });

    private final int batchSize;
    private final int workers;

    /** One helper per further core (a fixed pool starts a new thread per task until it is full, so no spares). */
    private static int helperThreads() {
        return Math.max(1, Math.min(LimeExplainer.MAX_WORKERS, Runtime.getRuntime().availableProcessors()) - 1);
    }

    SampleScorer(int batchSize, int workers) {
        this.batchSize = batchSize;
        this.workers = workers;
    }

    /**
     * Scores samples 0..n-1.
     *
     * @param image    builds sample i's image (called from any worker)
     * @param model    the batch function; thread-safe when there is more than one worker
     * @param progress told the number of samples scored so far, on the calling thread only
     */
    Scores score(int n, IntFunction<LesionImage> image, Function<List<LesionImage>, double[]> model,
                 Cancellation cancellation, IntConsumer progress) {
        Work work = new Work(n, image, model, cancellation);
        int threads = Math.min(workers, (n + batchSize - 1) / batchSize);
        if (threads <= 1) {
            work.run(progress);
            return work.scores();
        }
        List<Future<?>> helpers = new ArrayList<>();
        for (int i = 0; i < threads - 1; i++) {
            helpers.add(HELPERS.submit(() -> work.run(done -> { })));
        }
        try {
            work.run(progress);
        } finally {
            // the calling thread ran out of batches or failed: either way the helpers finish theirs
            for (Future<?> f : helpers) {
                join(f, work);
            }
        }
        progress.accept(n);
        return work.scores();
    }

    private static void join(Future<?> f, Work work) {
        try {
            f.get();
        } catch (InterruptedException e) {
            work.stop.set(true);
            Thread.currentThread().interrupt();
            throw new Cancellation.CancelledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** The shared queue of batches: each worker takes the next batch until none is left or one fails. */
    private final class Work {
        final int n;
        final IntFunction<LesionImage> image;
        final Function<List<LesionImage>, double[]> model;
        final Cancellation cancellation;
        final double[] values;
        final AtomicInteger nextBatch = new AtomicInteger();
        final AtomicInteger scored = new AtomicInteger();
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicLong buildNs = new AtomicLong();
        final AtomicLong modelNs = new AtomicLong();

        Work(int n, IntFunction<LesionImage> image, Function<List<LesionImage>, double[]> model, Cancellation cancellation) {
            this.n = n;
            this.image = image;
            this.model = model;
            this.cancellation = cancellation;
            this.values = new double[n];
        }

        void run(IntConsumer progress) {
            try {
                for (int b = nextBatch.getAndIncrement() * batchSize; b < n && !stop.get();
                     b = nextBatch.getAndIncrement() * batchSize) {
                    cancellation.check();
                    int end = Math.min(n, b + batchSize);
                    long t0 = System.nanoTime();
                    List<LesionImage> batch = new ArrayList<>(end - b);
                    for (int i = b; i < end; i++) {
                        batch.add(image.apply(i));
                    }
                    long t1 = System.nanoTime();
                    double[] out = model.apply(batch);
                    long t2 = System.nanoTime();
                    if (out.length != batch.size()) {
                        throw new IllegalStateException("the model returned " + out.length + " outputs for " + batch.size() + " images");
                    }
                    // distinct workers write disjoint ranges; Future.get() publishes them to the caller
                    System.arraycopy(out, 0, values, b, out.length);
                    buildNs.addAndGet(t1 - t0);
                    modelNs.addAndGet(t2 - t1);
                    progress.accept(scored.addAndGet(out.length));
                }
            } catch (RuntimeException | Error e) {
                stop.set(true);
                throw e;
            }
        }

        Scores scores() {
            return new Scores(values, buildNs.get(), modelNs.get());
        }
    }
}
