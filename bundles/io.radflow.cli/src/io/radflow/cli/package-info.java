/** Radflow cli. */
package io.radflow.cli;
