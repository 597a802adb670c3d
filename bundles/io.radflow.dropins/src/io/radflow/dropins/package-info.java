/**
 * Third-party bundles from the {@code dropins} folder of the installation (or the folder named by the system
 * property {@code radflow.dropins}): {@link DropinsInstaller} installs, updates and removes them at start-up and on
 * "reload extensions", and reports every jar it cannot use ({@link Dropin}) without stopping the product.
 */
package io.radflow.dropins;
