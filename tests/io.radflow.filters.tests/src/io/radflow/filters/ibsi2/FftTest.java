package io.radflow.filters.ibsi2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The transform against the defining sum, for power-of-two, mixed-radix and Bluestein (prime factor > 7) lengths. */
class FftTest {

    @Test
    void forwardEqualsTheDefiningSumAndInverseRestoresTheInput() {
        Random random = new Random(7);
        for (int n : new int[] {1, 2, 3, 8, 12, 17, 60, 64, 97, 201, 204}) {
            double[] re = random.doubles(n, -1, 1).toArray();
            double[] im = random.doubles(n, -1, 1).toArray();
            double[] fr = re.clone();
            double[] fi = im.clone();
            Fft fft = Fft.of(n);
            fft.forward(fr, fi);
            for (int k = 0; k < n; k++) {
                double sr = 0;
                double si = 0;
                for (int j = 0; j < n; j++) {
                    double angle = -2 * Math.PI * ((long) j * k % n) / n;
                    sr += re[j] * Math.cos(angle) - im[j] * Math.sin(angle);
                    si += re[j] * Math.sin(angle) + im[j] * Math.cos(angle);
                }
                assertEquals(sr, fr[k], 1e-9 * n, "n = " + n + ", Re X[" + k + "]");
                assertEquals(si, fi[k], 1e-9 * n, "n = " + n + ", Im X[" + k + "]");
            }
            fft.inverse(fr, fi);
            for (int j = 0; j < n; j++) {
                assertEquals(re[j], fr[j], 1e-12 * n, "n = " + n + ", inverse");
                assertEquals(im[j], fi[j], 1e-12 * n, "n = " + n + ", inverse");
            }
        }
    }
}
