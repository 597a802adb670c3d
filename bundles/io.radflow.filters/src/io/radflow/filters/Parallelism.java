package io.radflow.filters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * How many threads a filter may use. Work is split into independent items (slices, lines) that write disjoint
 * parts of the output, so results are bit-for-bit the same for any thread count.
 *
 * @param threads at least 1
 */
public record Parallelism(int threads) {

    public Parallelism {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** One thread per available processor. */
    public static Parallelism allCores() {
        return new Parallelism(Runtime.getRuntime().availableProcessors());
    }

    /** Everything on the calling thread. */
    public static Parallelism single() {
        return new Parallelism(1);
    }

    /**
     * Runs {@code body} for every item {@code 0 .. count-1}, on up to {@link #threads()} threads (the calling
     * thread is one of them); returns when all are done. {@code body} must only write what item {@code i} owns.
     *
     * @throws RuntimeException the first exception an item threw (the others still finish)
     */
    public void forEach(int count, IntConsumer body) {
        int workers = Math.min(threads, count);
        if (workers <= 1) {
            for (int i = 0; i < count; i++) {
                body.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable work = () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                try {
                    body.accept(i);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }
        };
        List<Thread> helpers = new ArrayList<>();
        for (int w = 1; w < workers; w++) {
            Thread t = new Thread(work, "radflow-filter-" + w);
            t.setDaemon(true);
            t.start();
            helpers.add(t);
        }
        work.run();
        boolean interrupted = false;
        for (Thread t : helpers) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }
}
