/**
 * Reading and writing Radflow pipelines: XMI files ({@code .radflow}, {@link PipelineFiles},
 * {@link PipelineResourceFactory}), the readable YAML form ({@link PipelineYaml}) and a fluent
 * {@link PipelineBuilder}. Hand-written; the EMF model code lives in {@code src-gen} and is
 * regenerated, never edited (see docs/pipeline-format.md).
 */
package io.radflow.pipeline.model.io;
