/** Nomograms (points scales) for linear predictors, as R's {@code rms::nomogram}. */
package io.radflow.stats.nomogram;
