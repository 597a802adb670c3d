package io.radflow.filters.pyradiomics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.features.FeatureFamily;
import io.radflow.features.FirstOrderFeatures;
import io.radflow.features.extraction.ExtractionParameters;
import io.radflow.features.extraction.FeatureExtractor;
import io.radflow.features.extraction.ImageType;
import io.radflow.features.shape.ShapeFeatures;
import io.radflow.features.texture.GlcmFeatures;
import io.radflow.features.texture.GldmFeatures;
import io.radflow.features.texture.GlrlmFeatures;
import io.radflow.features.texture.GlszmFeatures;
import io.radflow.features.texture.NgtdmFeatures;
import io.radflow.image.Image3D;
import io.radflow.image.io.ImageFiles;
import io.radflow.testsupport.ReferenceData;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The HCC studies' PyRadiomics settings on brain1: binWidth 25; Original, LoG sigma [1, 3, 5] mm, Wavelet (coif1,
 * 8 bands), Square, SquareRoot, Logarithm, Exponential, Gradient and LBP3D (3 images): 20 images. The feature keys
 * are exactly PyRadiomics' names {@code <image>_<family>_<Feature>}, shape on the original only.
 *
 * Images are first resampled to 1 x 1 x 1 mm with B-spline (PyRadiomics' cropped grid). With PyRadiomics' seven
 * families this is 107 features on the original image (14 shape + 93 first-order and texture: firstorder 18,
 * glcm 24, glrlm 16, glszm 16, gldm 14, ngtdm 5) plus 93 on each of the 19 filtered images: 1,874.
 */
class HccExtractionTest {

    /** PyRadiomics' derived image names for these settings, in its order. */
    static final List<String> IMAGE_TYPES = List.of("original", "log-sigma-1-0-mm-3D", "log-sigma-3-0-mm-3D",
            "log-sigma-5-0-mm-3D", "wavelet-LLH", "wavelet-LHL", "wavelet-LHH", "wavelet-HLL", "wavelet-HLH", "wavelet-HHL",
            "wavelet-HHH", "wavelet-LLL", "square", "squareroot", "logarithm", "exponential", "gradient", "lbp-3D-m1",
            "lbp-3D-m2", "lbp-3D-k");

    @Test
    void hccSettingsYieldPyRadiomicsNamesOnTwentyImages() throws IOException {
        Map<String, Map<String, Object>> imageTypes = new LinkedHashMap<>();
        imageTypes.put("Original", Map.of());
        imageTypes.put("LoG", Map.of("sigma", List.of(1.0, 3.0, 5.0)));
        imageTypes.put("Wavelet", Map.of());
        for (String t : List.of("Square", "SquareRoot", "Logarithm", "Exponential", "Gradient", "LBP3D")) {
            imageTypes.put(t, Map.of());
        }
        List<FeatureFamily> families = List.of(new ShapeFeatures(), new FirstOrderFeatures(), new GlcmFeatures(),
                new GlrlmFeatures(), new GlszmFeatures(), new GldmFeatures(), new NgtdmFeatures());
        Map<String, List<String>> classes = new LinkedHashMap<>();
        families.forEach(f -> classes.put(f.key(), List.of()));
        ExtractionParameters p = new ExtractionParameters(imageTypes, classes, Map.of("binWidth", 25, "label", 1,
                "resampledPixelSpacing", List.of(1.0, 1.0, 1.0), "interpolator", "sitkBSpline"), Map.of());
        List<ImageType> available = new ArrayList<>(PyRadiomicsImageType.all());
        FeatureExtractor extractor = new FeatureExtractor(families, available, p, null);

        List<String> expected = new ArrayList<>();
        for (String name : families.get(0).featureNames(extractor.settings())) {
            expected.add("original_shape_" + name);
        }
        for (String image : IMAGE_TYPES) {
            for (FeatureFamily f : families.subList(1, families.size())) {
                for (String name : f.featureNames(extractor.settings())) {
                    expected.add(image + "_" + f.key() + "_" + name);
                }
            }
        }
        assertEquals(expected, extractor.featureKeys());
        assertEquals(14 + 93 * 20, expected.size());
        assertEquals(1874, extractor.featureKeys().size());

        Image3D image = ImageFiles.read(ReferenceData.file("pyradiomics/brain1_image.nrrd"));
        Image3D labels = ImageFiles.read(ReferenceData.file("pyradiomics/brain1_label.nrrd"));
        FeatureExtractor.Result result = extractor.extract(image, labels);
        assertEquals(expected, List.copyOf(result.features().keySet()));
        List<String> notFinite = new ArrayList<>();
        result.features().forEach((k, v) -> {
            if (!Double.isFinite(v)) {
                notFinite.add(k + " = " + v);
            }
        });
        assertTrue(notFinite.isEmpty(), String.join("\n", notFinite));
        // the original image's features do not depend on the filters: the same as an extraction of Original alone
        ExtractionParameters originalOnly = new ExtractionParameters(Map.of("Original", Map.of()), classes, p.settings(),
                Map.of());
        Map<String, Double> alone = new FeatureExtractor(families, available, originalOnly, null).extract(image, labels)
                .features();
        alone.forEach((k, v) -> assertEquals(v, result.features().get(k), 0.0, k));
    }
}
