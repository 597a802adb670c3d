/** Radflow demo. */
package io.radflow.demo;
