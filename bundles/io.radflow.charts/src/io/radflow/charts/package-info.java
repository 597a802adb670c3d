/** Radflow charts. */
package io.radflow.charts;
