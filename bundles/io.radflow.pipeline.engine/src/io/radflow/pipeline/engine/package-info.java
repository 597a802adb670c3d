/** Radflow pipeline.engine. */
package io.radflow.pipeline.engine;
