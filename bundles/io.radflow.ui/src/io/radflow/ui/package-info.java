/** Radflow ui. */
package io.radflow.ui;
