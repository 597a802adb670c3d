package io.radflow.filters.ibsi2;

/**
 * The discrete Fourier transform of one length, {@code X[k] = sum_j x[j] e^{-2 pi i j k / n}}, in place on separate
 * real and imaginary arrays; the inverse is {@code x[j] = (1/n) sum_k X[k] e^{+2 pi i j k / n}}. Powers of two use
 * the iterative radix-2 algorithm (bit-reversed order, then log2 n butterfly passes); other lengths whose prime
 * factors are all at most 7 use mixed-radix Cooley-Tukey (decimation in time, O(n sum of factors)); other lengths use
 * Bluestein's chirp-z identity {@code jk = (j^2 + k^2 - (k - j)^2) / 2}, a convolution done with a power-of-two
 * transform. Immutable and thread-safe.
 */
final class Fft {

    private static final int LARGEST_RADIX = 7;

    private final int n;
    private final double[] cos;
    private final double[] sin;
    private final int[] factors;
    private final int[] bitReversed;
    // Bluestein (null for smooth lengths)
    private final Fft convolution;
    private final double[] chirpRe;
    private final double[] chirpIm;
    private final double[] chirpFftRe;
    private final double[] chirpFftIm;

    private Fft(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a Fourier transform needs a length of at least 1, got " + n);
        }
        this.n = n;
        int[] f = factor(n);
        if (Integer.bitCount(n) == 1) {
            int bits = Integer.numberOfTrailingZeros(n);
            bitReversed = new int[n];
            for (int i = 0; i < n; i++) {
                bitReversed[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
            }
        } else {
            bitReversed = null;
        }
        if (f != null) {
            factors = f;
            cos = new double[n];
            sin = new double[n];
            for (int k = 0; k < n; k++) {
                double angle = -2 * Math.PI * k / n;
                cos[k] = Math.cos(angle);
                sin[k] = Math.sin(angle);
            }
            convolution = null;
            chirpRe = chirpIm = chirpFftRe = chirpFftIm = null;
        } else {
            factors = null;
            cos = sin = null;
            int m = Integer.highestOneBit(2 * n - 1) << 1;
            convolution = new Fft(m);
            chirpRe = new double[n];
            chirpIm = new double[n];
            for (int j = 0; j < n; j++) {
                // e^{i pi j^2 / n}, with j^2 reduced mod 2n for accuracy
                double angle = Math.PI * ((long) j * j % (2L * n)) / n;
                chirpRe[j] = Math.cos(angle);
                chirpIm[j] = Math.sin(angle);
            }
            chirpFftRe = new double[m];
            chirpFftIm = new double[m];
            for (int j = 0; j < n; j++) {
                chirpFftRe[j] = chirpRe[j];
                chirpFftIm[j] = chirpIm[j];
                if (j > 0) {
                    chirpFftRe[m - j] = chirpRe[j];
                    chirpFftIm[m - j] = chirpIm[j];
                }
            }
            convolution.forward(chirpFftRe, chirpFftIm);
        }
    }

    /** The transform of length {@code n}. */
    static Fft of(int n) {
        return new Fft(n);
    }

    int length() {
        return n;
    }

    /** The smallest power of two {@code >= minimum} (the fastest lengths of this class). */
    static int powerOfTwo(int minimum) {
        return minimum <= 1 ? 1 : Integer.highestOneBit(minimum - 1) << 1;
    }

    /** Forward transform of the first {@code n} elements, in place. */
    void forward(double[] re, double[] im) {
        if (bitReversed != null) {
            radix2(re, im);
            return;
        }
        if (convolution != null) {
            bluestein(re, im);
            return;
        }
        double[] outRe = new double[n];
        double[] outIm = new double[n];
        transform(re, im, 0, 1, outRe, outIm, 0, n, 0, new double[2 * LARGEST_RADIX]);
        System.arraycopy(outRe, 0, re, 0, n);
        System.arraycopy(outIm, 0, im, 0, n);
    }

    /** Inverse transform (with the 1/n factor) of the first {@code n} elements, in place. */
    void inverse(double[] re, double[] im) {
        for (int k = 0; k < n; k++) {
            im[k] = -im[k];
        }
        forward(re, im);
        double scale = 1.0 / n;
        for (int k = 0; k < n; k++) {
            re[k] *= scale;
            im[k] *= -scale;
        }
    }

    /** Iterative radix-2 decimation in time for a power-of-two length. */
    private void radix2(double[] re, double[] im) {
        for (int i = 0; i < n; i++) {
            int j = bitReversed[i];
            if (j > i) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int half = 1; half < n; half <<= 1) {
            int step = n / (2 * half);
            for (int start = 0; start < n; start += 2 * half) {
                for (int k = 0, t = 0; k < half; k++, t += step) {
                    int a = start + k;
                    int b = a + half;
                    double wr = cos[t];
                    double wi = sin[t];
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }

    /** Mixed-radix decimation in time: out[0..m) = DFT_m of in[offset + stride * j], j < m. */
    private void transform(double[] inRe, double[] inIm, int offset, int stride, double[] outRe, double[] outIm,
            int outOffset, int m, int factorIndex, double[] scratch) {
        if (m == 1) {
            outRe[outOffset] = inRe[offset];
            outIm[outOffset] = inIm[offset];
            return;
        }
        int p = factors[factorIndex];
        int q = m / p;
        for (int r = 0; r < p; r++) {
            transform(inRe, inIm, offset + r * stride, stride * p, outRe, outIm, outOffset + r * q, q,
                    factorIndex + 1, scratch);
        }
        int twiddleStep = n / m; // W_m^t = W_n^(t n / m)
        for (int k = 0; k < q; k++) {
            for (int r = 0; r < p; r++) {
                int t = (r * k * twiddleStep) % n;
                double yr = outRe[outOffset + r * q + k];
                double yi = outIm[outOffset + r * q + k];
                scratch[2 * r] = yr * cos[t] - yi * sin[t];
                scratch[2 * r + 1] = yr * sin[t] + yi * cos[t];
            }
            for (int s = 0; s < p; s++) {
                double sr = 0;
                double si = 0;
                for (int r = 0; r < p; r++) {
                    int t = ((r * s) % p) * (n / p);
                    sr += scratch[2 * r] * cos[t] - scratch[2 * r + 1] * sin[t];
                    si += scratch[2 * r] * sin[t] + scratch[2 * r + 1] * cos[t];
                }
                outRe[outOffset + k + q * s] = sr;
                outIm[outOffset + k + q * s] = si;
            }
        }
    }

    /** X[k] = conj(w_k) sum_j (x_j conj(w_j)) w_(k-j) with w_j = e^{i pi j^2 / n}. */
    private void bluestein(double[] re, double[] im) {
        int m = convolution.n;
        double[] aRe = new double[m];
        double[] aIm = new double[m];
        for (int j = 0; j < n; j++) {
            aRe[j] = re[j] * chirpRe[j] + im[j] * chirpIm[j];
            aIm[j] = im[j] * chirpRe[j] - re[j] * chirpIm[j];
        }
        convolution.forward(aRe, aIm);
        for (int k = 0; k < m; k++) {
            double r = aRe[k] * chirpFftRe[k] - aIm[k] * chirpFftIm[k];
            double i = aRe[k] * chirpFftIm[k] + aIm[k] * chirpFftRe[k];
            aRe[k] = r;
            aIm[k] = i;
        }
        convolution.inverse(aRe, aIm);
        for (int k = 0; k < n; k++) {
            re[k] = aRe[k] * chirpRe[k] + aIm[k] * chirpIm[k];
            im[k] = aIm[k] * chirpRe[k] - aRe[k] * chirpIm[k];
        }
    }

    /** The prime factors of {@code n} (4 merged from 2 x 2), or null when one exceeds {@value #LARGEST_RADIX}. */
    private static int[] factor(int n) {
        java.util.List<Integer> f = new java.util.ArrayList<>();
        int rest = n;
        while (rest % 4 == 0) {
            f.add(4);
            rest /= 4;
        }
        for (int p = 2; p <= LARGEST_RADIX; p++) {
            while (rest % p == 0) {
                f.add(p);
                rest /= p;
            }
        }
        if (rest != 1) {
            return null;
        }
        return f.stream().mapToInt(Integer::intValue).toArray();
    }
}
