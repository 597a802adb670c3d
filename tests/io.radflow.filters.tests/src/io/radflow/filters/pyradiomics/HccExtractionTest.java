package io.radflow.filters.pyradiomics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radflow.features.FeatureFamily;
import io.radflow.features.FirstOrderFeatures;
import io.radflow.features.extraction.ExtractionParameters;
import io.radflow.features.extraction.FeatureExtractor;
import io.radflow.features.extraction.ImageType;
import io.radflow.features.texture.GlcmFeatures;
import io.radflow.features.texture.GlrlmFeatures;
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
 * <p>With all PyRadiomics families this is 14 shape + 93 x 20 = 1,874 features. This branch has firstorder (18),
 * glcm (24) and glrlm (16): 58 x 20 = 1,160; shape, glszm, gldm and ngtdm are merged elsewhere. The HCC setting
 * resampledPixelSpacing [1, 1, 1] is not applied: the extractor has no resampling yet.
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
        List<FeatureFamily> families = List.of(new FirstOrderFeatures(), new GlcmFeatures(), new GlrlmFeatures());
        Map<String, List<String>> classes = new LinkedHashMap<>();
        families.forEach(f -> classes.put(f.key(), List.of()));
        ExtractionParameters p = new ExtractionParameters(imageTypes, classes, Map.of("binWidth", 25, "label", 1), Map.of());
        List<ImageType> available = new ArrayList<>(PyRadiomicsImageType.all());
        FeatureExtractor extractor = new FeatureExtractor(families, available, p, null);

        List<String> expected = new ArrayList<>();
        for (String image : IMAGE_TYPES) {
            for (FeatureFamily f : families) {
                for (String name : f.featureNames(extractor.settings())) {
                    expected.add(image + "_" + f.key() + "_" + name);
                }
            }
        }
        assertEquals(expected, extractor.featureKeys());
        int perImage = 18 + 24 + 16;
        assertEquals(20 * perImage, expected.size());

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
        // the original image's first-order features do not depend on the filters
        assertEquals(Double.parseDouble(ReferenceData.baseline("firstorder").get("original_firstorder_Mean").get("brain1")),
                result.features().get("original_firstorder_Mean"), 1e-6 * 1000);
    }
}
