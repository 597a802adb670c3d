/**
 * The fitted-model port type {@code radflow.model}: {@link io.radflow.study.model.FittedModel} (terms, coefficients,
 * scaling, formula text, cut-points, Cox baseline hazard; JSON) and its {@link io.radflow.study.model.ModelPortType}.
 */
package io.radflow.study.model;
