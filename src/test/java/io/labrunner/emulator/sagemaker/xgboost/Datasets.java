package io.labrunner.emulator.sagemaker.xgboost;

import io.labrunner.emulator.sagemaker.algorithms.ChannelData;
import io.labrunner.emulator.sagemaker.algorithms.TrainingInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** Made-up data with a real signal, written as a channel's files, for the XGBoost tests. */
final class Datasets {

    private Datasets() {
    }

    /** Rows of features; the label is the class the first features point at (noisy), or a noisy value. */
    record Table(float[][] features, float[] labels) {

        /** CSV with the label first and no header. */
        String csv() {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < labels.length; i++) {
                text.append(number(labels[i]));
                for (float value : features[i]) {
                    text.append(',').append(number(value));
                }
                text.append('\n');
            }
            return text.toString();
        }

        /** CSV records without the label, as Batch Transform sends them. */
        List<String> csvRecords() {
            List<String> records = new ArrayList<>();
            for (float[] row : features) {
                StringBuilder line = new StringBuilder();
                for (int j = 0; j < row.length; j++) {
                    line.append(j == 0 ? "" : ",").append(number(row[j]));
                }
                records.add(line.toString());
            }
            return records;
        }

        /** LIBSVM, zero-based indices. */
        String libsvm() {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < labels.length; i++) {
                text.append(number(labels[i]));
                for (int j = 0; j < features[i].length; j++) {
                    text.append(' ').append(j).append(':').append(number(features[i][j]));
                }
                text.append('\n');
            }
            return text.toString();
        }

        Table slice(int from, int to) {
            return new Table(java.util.Arrays.copyOfRange(features, from, to),
                    java.util.Arrays.copyOfRange(labels, from, to));
        }
    }

    static String number(float value) {
        return String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    static Table binary(int rows, int columns, long seed) {
        return classes(rows, columns, 2, seed);
    }

    /** {@code classes} classes: the label is the arg-max of the first {@code classes} features plus noise. */
    static Table classes(int rows, int columns, int classes, long seed) {
        Random random = new Random(seed);
        float[][] features = new float[rows][columns];
        float[] labels = new float[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                features[i][j] = (float) random.nextGaussian();
            }
            int best = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                double score = (classes == 2 ? (k == 1 ? features[i][0] + features[i][1] : 0) : features[i][k])
                        + 0.5 * random.nextGaussian();
                if (score > bestScore) {
                    bestScore = score;
                    best = k;
                }
            }
            labels[i] = best;
        }
        return new Table(features, labels);
    }

    static Table regression(int rows, int columns, long seed) {
        Random random = new Random(seed);
        float[][] features = new float[rows][columns];
        float[] labels = new float[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                features[i][j] = (float) random.nextGaussian();
            }
            labels[i] = (float) (3 * features[i][0] - 2 * features[i][1] + random.nextGaussian());
        }
        return new Table(features, labels);
    }

    static Path write(Path dir, String name, String text) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ChannelData channel(String name, String contentType, Path... files) {
        return new ChannelData(name, contentType, List.of(files));
    }

    static TrainingInput input(Map<String, String> hyperParameters, ChannelData... channels) {
        Map<String, ChannelData> byName = new HashMap<>();
        for (ChannelData channel : channels) {
            byName.put(channel.name(), channel);
        }
        return new TrainingInput(hyperParameters, byName, () -> false);
    }
}
