package io.labrunner.emulator.sagemaker.linearlearner;

import io.labrunner.emulator.sagemaker.algorithms.ChannelData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** CSV channels (label first, no header) with a known linear signal, written to a test's folder. */
final class SyntheticData {
    private SyntheticData() {
    }

    /** Label 1 when 2·x0 − x1 + 0.5·x2 + noise > 0.3; x3 and x4 are noise. x1 is in the thousands. */
    static String binary(int rows, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            double[] x = features(random, 5);
            x[1] *= 1000;
            double signal = 2 * x[0] - x[1] / 1000 + 0.5 * x[2] + random.nextGaussian() * 0.1;
            csv.append(signal > 0.3 ? 1 : 0);
            append(csv, x);
        }
        return csv.toString();
    }

    /** y = 3·x0 − 2·x1/100 + 5 + noise(0.1); x1 is in the hundreds. */
    static String regression(int rows, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            double[] x = features(random, 4);
            x[1] *= 100;
            double y = 3 * x[0] - 2 * x[1] / 100 + 5 + random.nextGaussian() * 0.1;
            csv.append(String.format(Locale.ROOT, "%.6f", y));
            append(csv, x);
        }
        return csv.toString();
    }

    /** Three classes around centres (−2,0), (2,0), (0,3) in the first two features; a third is noise. */
    static String multiclass(int rows, long seed) {
        Random random = new Random(seed);
        double[][] centres = {{-2, 0}, {2, 0}, {0, 3}};
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            int label = random.nextInt(3);
            double[] x = {centres[label][0] + random.nextGaussian() * 0.7, centres[label][1] + random.nextGaussian() * 0.7,
                random.nextGaussian()};
            csv.append(label);
            append(csv, x);
        }
        return csv.toString();
    }

    private static double[] features(Random random, int dim) {
        double[] x = new double[dim];
        for (int j = 0; j < dim; j++) {
            x[j] = random.nextGaussian();
        }
        return x;
    }

    private static void append(StringBuilder csv, double[] x) {
        for (double v : x) {
            csv.append(',').append(String.format(Locale.ROOT, "%.6f", v));
        }
        csv.append('\n');
    }

    static ChannelData channel(Path dir, String name, String contentType, String csv) {
        try {
            Path folder = Files.createTempDirectory(dir, name);
            Path file = folder.resolve("part-0.csv");
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            return new ChannelData(name, contentType, List.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
