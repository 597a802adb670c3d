/**
 * A lab's Radflow extension: a median filter ({@link org.example.radflowlab.MedianFilterNode}), a feature family
 * (fractal dimension, {@link org.example.radflowlab.FractalDimensionFeatures}) and a model (leave-one-out k-NN,
 * {@link org.example.radflowlab.KnnNode}). The node types are declared in {@code plugin.xml}.
 */
package org.example.radflowlab;
