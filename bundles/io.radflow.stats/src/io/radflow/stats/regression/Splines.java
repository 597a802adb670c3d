package io.radflow.stats.regression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Interpolation as R's {@code stats::spline(x, y, n, method = "fmm")} and {@code stats::approx(x, y, xout)}
 * (package-private; used for MASS's profile-likelihood intervals).
 *
 * <p>The "fmm" spline (Forsythe, Malcolm and Moler 1977, Computer Methods for Mathematical Computations,
 * {@code spline}) is the interpolating cubic spline whose end third derivatives match those of the cubics
 * through the first four and the last four points. Both functions first sort the points by x and average the
 * y values of tied x ({@code regularize.values(ties = mean)}).
 */
final class Splines {

    private Splines() {
    }

    /** {@code spline(x, y, n = nOut, method = "fmm")}: {xout, yout} at {@code nOut} equally spaced x. */
    static double[][] fmmCurve(double[] x, double[] y, int nOut) {
        double[][] r = regularize(x, y);
        double[] xs = r[0];
        double[] ys = r[1];
        int n = xs.length;
        double[] b = new double[n];
        double[] c = new double[n];
        double[] d = new double[n];
        coefficients(xs, ys, b, c, d);
        double[] xout = new double[nOut];
        double[] yout = new double[nOut];
        double from = xs[0];
        double to = xs[n - 1];
        double by = (to - from) / (nOut - 1);
        int i = 0;
        for (int l = 0; l < nOut; l++) {
            double u = l == nOut - 1 ? to : from + l * by;
            xout[l] = u;
            if (u < xs[i] || (i < n - 1 && xs[i + 1] < u)) {
                i = 0;
                int j = n;
                do {
                    int k = (i + j) / 2;
                    if (u < xs[k]) {
                        j = k;
                    } else {
                        i = k;
                    }
                } while (j > i + 1);
            }
            double dx = u - xs[i];
            yout[l] = ys[i] + dx * (b[i] + dx * (c[i] + dx * d[i]));
        }
        return new double[][] {xout, yout};
    }

    /** The FMM spline coefficients: on [x_i, x_{i+1}], {@code y_i + b_i t + c_i t^2 + d_i t^3}. */
    private static void coefficients(double[] x, double[] y, double[] b, double[] c, double[] d) {
        int n = x.length;
        if (n < 2) {
            return;
        }
        if (n < 3) {
            double t = (y[1] - y[0]) / (x[1] - x[0]);
            b[0] = t;
            b[1] = t;
            return;
        }
        int last = n - 1;
        d[0] = x[1] - x[0];
        c[1] = (y[1] - y[0]) / d[0];
        for (int i = 1; i < last; i++) {
            d[i] = x[i + 1] - x[i];
            b[i] = 2 * (d[i - 1] + d[i]);
            c[i + 1] = (y[i + 1] - y[i]) / d[i];
            c[i] = c[i + 1] - c[i];
        }
        b[0] = -d[0];
        b[last] = -d[last - 1];
        c[0] = 0;
        c[last] = 0;
        if (n > 3) {
            c[0] = c[2] / (x[3] - x[1]) - c[1] / (x[2] - x[0]);
            c[last] = c[last - 1] / (x[last] - x[last - 2]) - c[last - 2] / (x[last - 1] - x[last - 3]);
            c[0] = c[0] * d[0] * d[0] / (x[3] - x[0]);
            c[last] = -c[last] * d[last - 1] * d[last - 1] / (x[last] - x[last - 3]);
        }
        for (int i = 1; i <= last; i++) {
            double t = d[i - 1] / b[i - 1];
            b[i] = b[i] - t * d[i - 1];
            c[i] = c[i] - t * c[i - 1];
        }
        c[last] = c[last] / b[last];
        for (int i = last - 1; i >= 0; i--) {
            c[i] = (c[i] - d[i] * c[i + 1]) / b[i];
        }
        b[last] = (y[last] - y[last - 1]) / d[last - 1] + d[last - 1] * (c[last - 1] + 2 * c[last]);
        for (int i = 0; i < last; i++) {
            b[i] = (y[i + 1] - y[i]) / d[i] - d[i] * (c[i + 1] + 2 * c[i]);
            d[i] = (c[i + 1] - c[i]) / d[i];
            c[i] = 3 * c[i];
        }
        c[last] = 3 * c[last];
        d[last] = d[last - 1];
    }

    /** {@code approx(x, y, xout = v)$y}: linear interpolation, NaN outside the range of x. */
    static double approx(double[] x, double[] y, double v) {
        double[][] r = regularize(x, y);
        double[] xs = r[0];
        double[] ys = r[1];
        int n = xs.length;
        if (Double.isNaN(v) || n == 0 || v < xs[0] || v > xs[n - 1]) {
            return Double.NaN;
        }
        int i = 0;
        int j = n - 1;
        while (i < j - 1) {
            int k = (i + j) / 2;
            if (v < xs[k]) {
                j = k;
            } else {
                i = k;
            }
        }
        if (v == xs[j]) {
            return ys[j];
        }
        if (v == xs[i]) {
            return ys[i];
        }
        return ys[i] + (ys[j] - ys[i]) * ((v - xs[i]) / (xs[j] - xs[i]));
    }

    /** Sorts by x and averages y over tied x (NaN pairs dropped). */
    private static double[][] regularize(double[] x, double[] y) {
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
        List<double[]> out = new ArrayList<>();
        int k = 0;
        while (k < order.length) {
            double xv = x[order[k]];
            double sum = 0;
            int count = 0;
            while (k < order.length && x[order[k]] == xv) {
                sum += y[order[k]];
                count++;
                k++;
            }
            if (!Double.isNaN(xv) && !Double.isNaN(sum)) {
                out.add(new double[] {xv, sum / count});
            }
        }
        double[][] r = new double[2][out.size()];
        for (int i = 0; i < out.size(); i++) {
            r[0][i] = out.get(i)[0];
            r[1][i] = out.get(i)[1];
        }
        return r;
    }
}
