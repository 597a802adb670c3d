package io.radflow.features.texture;

import io.radflow.features.FeatureFamily;
import io.radflow.features.FeatureSettings;
import io.radflow.features.Roi;
import io.radflow.features.Setting;
import io.radflow.image.Image3D;
import io.radflow.image.Mask;
import io.radflow.image.io.ImageFiles;
import io.radflow.testsupport.ConformanceReport;
import io.radflow.testsupport.IbsiCtConfiguration;
import io.radflow.testsupport.ReferenceData;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reference inputs of the GLCM/GLRLM tests: PyRadiomics cases and settings, IBSI phantoms, .npy matrices. */
final class GlcmGlrlmTestData {

    /** The table of every texture matrix comparison (written after each test class that adds to it). */
    static final ConformanceReport REPORT = new ConformanceReport("texture-matrices",
            "Texture matrices against PyRadiomics' .npy baselines (GLCM, GLRLM, GLSZM, GLDM, NGTDM)");

    private GlcmGlrlmTestData() {
    }

    static Image3D read(String relative) throws IOException {
        return ImageFiles.read(ReferenceData.file(relative));
    }

    /**
     * The settings of a baseline column, read from its {@code diagnostics_Configuration_Settings} cell: every
     * setting the family declares that the cell gives a (non-None) value.
     */
    static FeatureSettings baselineSettings(FeatureFamily family, Map<String, Map<String, String>> baseline,
            String column) {
        @SuppressWarnings("unchecked")
        Map<String, Object> config = (Map<String, Object>) ReferenceData.parsePython(
                baseline.get("diagnostics_Configuration_Settings").get(column));
        FeatureSettings settings = FeatureSettings.defaults();
        for (Setting<?> setting : family.settings()) {
            Object value = config.get(setting.key());
            if (value != null) {
                settings = settings.with(setting, value);
            }
        }
        return settings;
    }

    /** The ROI {@code label} of a PyRadiomics case (no preprocessing). */
    static Roi pyradiomicsRoi(String testCase, FeatureSettings settings) throws IOException {
        Image3D image = read("pyradiomics/" + testCase + "_image.nrrd");
        return Roi.of(image, Mask.ofLabel(read("pyradiomics/" + testCase + "_label.nrrd"), settings.label()));
    }

    /** The IBSI-1 digital phantom (its values are its grey levels). */
    static Roi digitalPhantom() throws IOException {
        Image3D image = read("ibsi/ibsi_1_digital_phantom/nifti/image/phantom.nii.gz");
        return Roi.of(image, Mask.ofLabel(read("ibsi/ibsi_1_digital_phantom/nifti/mask/mask.nii.gz"), 1));
    }

    /**
     * Fixed bin size 1 from lower bound 1 in the IBSI convention: the identity on the phantom's integer grey
     * levels (bin = floor(x - 1) + 1 = x).
     */
    static FeatureSettings digitalPhantomSettings() {
        return FeatureSettings.defaults().with(FeatureSettings.CONVENTION, "ibsi").withBinWidth(1)
                .with(FeatureSettings.RESEGMENT_RANGE, "[1]");
    }

    /** The IBSI-1 CT phantom in configuration A ({@link IbsiCtConfiguration#A}). */
    static Roi ctPhantomConfigA() throws IOException {
        IbsiCtConfiguration.Stage stage = IbsiCtConfiguration.A.preprocess(IbsiCtConfiguration.readImage(),
                IbsiCtConfiguration.readMask()).resegmented();
        return new Roi(stage.image(), stage.morphological(), stage.intensity());
    }

    static FeatureSettings ctConfigASettings() {
        return FeatureSettings.defaults().with(FeatureSettings.CONVENTION, "ibsi").withBinWidth(25)
                .with(FeatureSettings.RESEGMENT_RANGE, "[-500, 400]");
    }

    /** A float64 numpy array (.npy version 1 or 2, little-endian, C order). */
    record NpyArray(int[] shape, double[] data) {

        /** The entry at {@code index} (one index per axis). */
        double get(int... index) {
            int flat = 0;
            for (int a = 0; a < shape.length; a++) {
                flat = flat * shape[a] + index[a];
            }
            return data[flat];
        }
    }

    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    static NpyArray readNpy(Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[6];
        buffer.get(magic);
        if (magic[0] != (byte) 0x93 || !new String(magic, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw new IOException(file + " is not a .npy file");
        }
        int major = buffer.get();
        buffer.get();
        int headerLength = major == 1 ? Short.toUnsignedInt(buffer.getShort()) : buffer.getInt();
        byte[] headerBytes = new byte[headerLength];
        buffer.get(headerBytes);
        String header = new String(headerBytes, StandardCharsets.US_ASCII);
        if (!header.contains("'descr': '<f8'") || !header.contains("'fortran_order': False")) {
            throw new IOException(file + ": only little-endian float64 in C order is supported, header " + header);
        }
        Matcher m = SHAPE.matcher(header);
        if (!m.find()) {
            throw new IOException(file + ": no shape in header " + header);
        }
        int[] shape = Arrays.stream(m.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
        int n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        double[] data = new double[n];
        buffer.asDoubleBuffer().get(data);
        return new NpyArray(shape, data);
    }
}
