/** Radflow stats. */
package io.radflow.stats;
