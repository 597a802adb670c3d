package io.radflow.demo;

/**
 * One simulated patient of the demo cohort: its clinical record, the ground truth that drove the
 * simulation (heterogeneity and linear predictor of the hazard) and the parameters from which its
 * images are rendered. Immutable; produced by {@link DemoCohortGenerator#patients()}.
 *
 * @param id                 patient id, {@code P001}, {@code P002} ...
 * @param centre             recruiting centre, {@code A}, {@code B} or {@code C}
 * @param age                age in years
 * @param sex                {@code M} or {@code F}
 * @param afp                alpha-fetoprotein in ng/mL, {@code NaN} when missing (probability 0.12)
 * @param bclc               Barcelona Clinic Liver Cancer stage, {@code 0}, {@code A}, {@code B} or {@code C}
 * @param timeMonths         follow-up time in months (event or censoring), rounded to 0.1
 * @param event              whether death was observed at {@code timeMonths} (otherwise censored)
 * @param heterogeneity      latent tumour heterogeneity in [0, 1] (scales the tumour noise and texture)
 * @param linearPredictor    log relative hazard of the simulation, {@code beta_h (h - 1/2) + beta_r (r - r0)}
 * @param body               the body outline (an elliptic cylinder)
 * @param liver              the liver
 * @param tumour             the tumour, inside the liver
 * @param tumourArterialHu   mean tumour attenuation in the arterial phase (hyper-enhancing)
 * @param tumourPortalHu     mean tumour attenuation in the portal phase (washed out below the liver)
 * @param tumourNoiseHu      standard deviation of the voxel-wise tumour heterogeneity (HU)
 * @param tumourTextureHu    amplitude of the smooth tumour texture (HU)
 * @param imageSeed          seed of the image noise and texture of this patient
 * @param grade              pathology grade 1 to 3, rising with the heterogeneity
 * @param mvi                microvascular invasion (more likely with heterogeneity and size)
 * @param tumourReader2      the tumour as a second reader outlines it (shifted and scaled slightly)
 */
public record DemoPatient(String id, String centre, int age, String sex, double afp, String bclc,
        double timeMonths, boolean event, double heterogeneity, double linearPredictor,
        Ellipsoid body, Ellipsoid liver, Ellipsoid tumour, double tumourArterialHu, double tumourPortalHu,
        double tumourNoiseHu, double tumourTextureHu, long imageSeed, int grade, boolean mvi, Ellipsoid tumourReader2) {

    /** Longest tumour diameter in mm, rounded to 0.1 mm, as in the clinical table. */
    public double tumourSizeMm() {
        return Math.round(tumour.longestDiameter() * 10) / 10.0;
    }

    /** Whether the AFP value is missing. */
    public boolean afpMissing() {
        return Double.isNaN(afp);
    }
}
