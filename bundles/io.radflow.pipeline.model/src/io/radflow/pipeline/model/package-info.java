/** Radflow pipeline.model. */
package io.radflow.pipeline.model;
