package io.radflow.cli;

/**
 * While open, Ctrl-C (JVM shutdown) cancels the run of {@code monitor} and waits up to 30 s for it to stop at its next
 * check and write its manifest. Used by {@code run} and {@code apply}.
 */
final class CancelOnShutdown implements AutoCloseable {

    private final Thread hook;

    CancelOnShutdown(ConsoleMonitor monitor) {
        Thread main = Thread.currentThread();
        hook = new Thread(() -> {
            monitor.cancel();
            try {
                main.join(30_000);
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
