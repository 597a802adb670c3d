package io.radflow.cli;

/**
 * While open, Ctrl-C (JVM shutdown) runs a cancel action and waits a while for the command's thread to stop at its
 * next check (and write what it must, e.g. the run manifest). Used by {@code run}, {@code apply} and {@code extract}.
 */
final class CancelOnShutdown implements AutoCloseable {

    private final Thread hook;

    /** Cancels the run of {@code monitor} and waits up to 30 s. */
    CancelOnShutdown(ConsoleMonitor monitor) {
        this(monitor::cancel, 30_000);
    }

    /** Runs {@code cancel} and waits up to {@code waitMillis} for the thread that opened this to finish. */
    CancelOnShutdown(Runnable cancel, long waitMillis) {
        Thread main = Thread.currentThread();
        hook = new Thread(() -> {
            cancel.run();
            try {
                main.join(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "radflow-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: Ctrl-C
        }
    }
}
