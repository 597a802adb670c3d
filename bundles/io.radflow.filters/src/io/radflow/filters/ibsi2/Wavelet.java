package io.radflow.filters.ibsi2;

import java.util.Locale;

/**
 * Orthogonal wavelets for the IBSI-2 separable wavelet filters (reference manual, section "Separable wavelets"), by their PyWavelets
 * names, with PyWavelets' decomposition filters. The low-pass filter {@code dec_lo} is given; the high-pass filter
 * is its quadrature mirror {@code dec_hi[n] = (-1)^(n+1) dec_lo[L - 1 - n]}. Coefficients: Daubechies, Ten Lectures
 * on Wavelets (SIAM 1992), chapters 6 and 8, as PyWavelets lists them (reversed to decomposition order).
 */
public enum Wavelet {

    /** Haar ({@code haar}, {@code db1}). */
    HAAR("haar", 0.7071067811865476, 0.7071067811865476),

    /** Daubechies 2 ({@code db2}), 4 taps. */
    DB2("db2", -0.12940952255092145, 0.22414386804185735, 0.836516303737469, 0.48296291314469025),

    /** Daubechies 3 ({@code db3}), 6 taps. */
    DB3("db3", 0.03522629188570953, -0.08544127388202666, -0.13501102001025458, 0.45987750211849154,
            0.8068915093110925, 0.33267055295008263),

    /** Coiflet 1 ({@code coif1}), 6 taps. */
    COIF1("coif1", -0.01565572813546454, -0.0727326195128539, 0.38486484686420286, 0.8525720202122554,
            0.3378976624578092, -0.0727326195128539);

    private final String pyWaveletsName;
    private final double[] decLo;

    Wavelet(String pyWaveletsName, double... decLo) {
        this.pyWaveletsName = pyWaveletsName;
        this.decLo = decLo;
    }

    /** The PyWavelets name ({@code db2}, {@code coif1}, {@code haar}). */
    public String pyWaveletsName() {
        return pyWaveletsName;
    }

    /** The low-pass decomposition filter {@code dec_lo}. */
    public double[] lowPass() {
        return decLo.clone();
    }

    /** The high-pass decomposition filter {@code dec_hi[n] = (-1)^(n+1) dec_lo[L - 1 - n]}. */
    public double[] highPass() {
        int n = decLo.length;
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            hi[i] = (i % 2 == 0 ? -1 : 1) * decLo[n - 1 - i];
        }
        return hi;
    }

    /** The wavelet by its PyWavelets name ({@code haar}/{@code db1}, {@code db2}, {@code db3}, {@code coif1}). */
    public static Wavelet parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("db1")) {
            return HAAR;
        }
        for (Wavelet w : values()) {
            if (w.pyWaveletsName.equals(n)) {
                return w;
            }
        }
        throw new IllegalArgumentException("wavelet '" + name + "' is unknown; known: haar (db1), db2, db3, coif1");
    }
}
