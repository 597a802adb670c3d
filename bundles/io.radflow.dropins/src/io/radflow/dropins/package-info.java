/**
 * Third-party bundles from the dropins folder ({@link DropinsFolder}: the system property {@code radflow.dropins},
 * else the studio's preference "Extensions folder", else {@code dropins} in the installation):
 * {@link DropinsInstaller} installs, updates and removes them at start-up and on "reload extensions", and reports
 * every jar ({@link Dropin}) and folder it cannot use without stopping the product.
 */
package io.radflow.dropins;
