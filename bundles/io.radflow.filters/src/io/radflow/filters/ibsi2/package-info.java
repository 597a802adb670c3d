/**
 * The IBSI-2 convolutional filters (Image Biomarker Standardisation Initiative, chapter 2: reference manual
 * arXiv:2006.05470; Whybra et al., Radiology 2024;310(2):e231319), each an immutable
 * {@link io.radflow.filters.ibsi2.ConvolutionalFilter}:
 * <ul>
 * <li>{@link io.radflow.filters.ibsi2.MeanFilter} (manual: mean filter),</li>
 * <li>{@link io.radflow.filters.ibsi2.LaplacianOfGaussianFilter} (manual: Laplacian of Gaussian),</li>
 * <li>{@link io.radflow.filters.ibsi2.LawsFilter} with rotation pooling and the energy map (Laws kernels),</li>
 * <li>{@link io.radflow.filters.ibsi2.GaborFilter} with orientation pooling, in-plane or in 3 orthogonal planes (Gabor kernels),</li>
 * <li>{@link io.radflow.filters.ibsi2.SeparableWaveletFilter}, undecimated, with rotation-invariant averaging (separable wavelets),</li>
 * <li>{@link io.radflow.filters.ibsi2.SimoncelliWaveletFilter}, the non-separable wavelet (non-separable wavelets),</li>
 * <li>{@link io.radflow.filters.ibsi2.RieszTransformFilter} of the LoG or Simoncelli response (Riesz transform).</li>
 * </ul>
 * Boundary conditions are {@link io.radflow.filters.Padding} (manual: boundary conditions); 2D filters act in the i-j plane
 * of each k slice ({@link io.radflow.filters.ibsi2.FilterDimensions}); rotation invariance uses the 24 right-angle
 * rotations of the grid or the 4 in-plane ones ({@link io.radflow.filters.ibsi2.AxisRotation},
 * {@link io.radflow.filters.ibsi2.Pooling}). Separable kernels run as 1D passes on primitive arrays, parallel over
 * slices; Gabor, Simoncelli and Riesz use a discrete Fourier transform of this package (radix-2, mixed radix, and
 * Bluestein for other lengths). Conventions that the manual leaves open (kernel centre of even-length wavelet
 * filters, the a trous upsampling, the Simoncelli frequency grid) are those that reproduce the IBSI-2 phase 1
 * consensus response maps; each is stated in the class that uses it.
 */
package io.radflow.filters.ibsi2;
