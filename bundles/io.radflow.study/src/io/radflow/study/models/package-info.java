/**
 * Model nodes: logistic and Cox models, Rad-score, combined clinical + Rad-score model, nomogram and risk groups by a
 * training cut-point. Fitted on training rows, applied to every row; models travel as
 * {@link io.radflow.study.model.FittedModel}.
 */
package io.radflow.study.models;
