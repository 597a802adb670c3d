/**
 * Study data nodes: clinical-table loader, feature-table joiner, train/test split (the {@code Set} column), row
 * selection by set and the training-only z-score; {@link io.radflow.study.data.StudyData} aligns feature and clinical
 * tables with their train/test marks for every fitting node, {@link io.radflow.study.data.Outcome} reads a binary or
 * survival outcome.
 */
package io.radflow.study.data;
