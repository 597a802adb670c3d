/** Radflow features. */
package io.radflow.features;
