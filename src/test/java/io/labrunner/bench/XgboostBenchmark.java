package io.labrunner.bench;

import io.labrunner.emulator.sagemaker.algorithms.ChannelData;
import io.labrunner.emulator.sagemaker.algorithms.TrainedModel;
import io.labrunner.emulator.sagemaker.algorithms.TrainingInput;
import io.labrunner.emulator.sagemaker.xgboost.XgboostAlgorithm;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;

/**
 * Built-in XGBoost through the emulator's algorithm next to the same training done directly with xgboost4j
 * in the same JVM: 100,000 rows × 20 features (plus 20,000 validation rows), 100 rounds, binary:logistic with
 * eval_metric auc, read from CSV files. The direct side loads the files with XGBoost's own CSV reader and
 * calls {@code XGBoost.train} with the same parameters the container's defaults resolve to. Medians of
 * alternating runs; the load-time runs come first and warm both paths up. Not a test: nothing here fails.
 *
 * <pre>
 * mvn -o -q -Pbench -DskipTests verify -Dbench=XgboostBenchmark
 * </pre>
 * {@code -Druns=N} (default 3); {@code -Dmethods=exact,hist} the tree methods to time (default both: exact is
 * what the 1.7-1 container's {@code auto} picks at this size, hist what a learner sets for speed).
 */
public final class XgboostBenchmark {
    private static final int ROWS = 100_000;
    private static final int VALIDATION_ROWS = 20_000;
    private static final int FEATURES = 20;
    private static final int ROUNDS = 100;

    private XgboostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("runs", 3);
        List<String> methods = Arrays.asList(System.getProperty("methods", "exact,hist").split(","));
        Path dir = Files.createTempDirectory("xgboost-bench-");
        Path train = write(dir.resolve("train"), ROWS, 1);
        Path validation = write(dir.resolve("validation"), VALIDATION_ROWS, 2);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"data: " + ROWS + " + " + VALIDATION_ROWS + " rows × " + FEATURES + " features (CSV)",
                String.format(Locale.ROOT, "%.1f MB", (Files.size(train) + Files.size(validation)) / 1e6), ""});
        double[] loads = loadTimes(train, validation, runs + 2);
        rows.add(new String[] {"load CSV: emulator's reader → DMatrix (+ 1 hist round of depth 1)", fmt(loads[0]) + " s", ""});
        rows.add(new String[] {"load CSV: XGBoost's own reader (URI)", fmt(loads[1]) + " s", ""});
        for (String method : methods) {
            Map<String, String> hyperparameters = new HashMap<>(Map.of("num_round", Integer.toString(ROUNDS),
                    "objective", "binary:logistic", "eval_metric", "auc"));
            if (!method.equals("exact")) {
                hyperparameters.put("tree_method", method);
            }
            List<Double> algorithm = new ArrayList<>();
            List<Double> direct = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                algorithm.add(viaAlgorithm(hyperparameters, train, validation));
                direct.add(direct(method, train, validation));
            }
            double ours = median(algorithm);
            double theirs = median(direct);
            rows.add(new String[] {"train " + ROUNDS + " rounds, tree_method " + method + ": through XgboostAlgorithm",
                    fmt(ours) + " s", ""});
            rows.add(new String[] {"train " + ROUNDS + " rounds, tree_method " + method + ": xgboost4j directly",
                    fmt(theirs) + " s", ""});
            rows.add(new String[] {"  ratio (algorithm ÷ direct), tree_method " + method, fmt(ours / theirs) + " ×",
                    "≤ 1.2 ×"});
        }
        print(rows);
    }

    private static double viaAlgorithm(Map<String, String> hyperparameters, Path train, Path validation)
            throws Exception {
        Map<String, ChannelData> channels = new LinkedHashMap<>();
        channels.put("train", new ChannelData("train", "text/csv", List.of(train)));
        channels.put("validation", new ChannelData("validation", "text/csv", List.of(validation)));
        long start = System.nanoTime();
        TrainedModel model = new XgboostAlgorithm().train(new TrainingInput(hyperparameters, channels, () -> false),
                line -> { });
        double seconds = (System.nanoTime() - start) / 1e9;
        if (model.files().get("xgboost-model").length == 0) {
            throw new IllegalStateException("no model");
        }
        return seconds;
    }

    /** The same training as a Java developer writes it with xgboost4j, parameters as the container resolves them. */
    private static double direct(String method, Path train, Path validation) throws Exception {
        long start = System.nanoTime();
        DMatrix trainMatrix = new DMatrix(train + "?format=csv&label_column=0");
        DMatrix validationMatrix = new DMatrix(validation + "?format=csv&label_column=0");
        Map<String, Object> params = new HashMap<>();
        params.put("objective", "binary:logistic");
        params.put("eval_metric", "auc");
        params.put("base_score", "0.5");
        params.put("tree_method", method);
        params.put("verbosity", "0");
        Map<String, DMatrix> watches = new LinkedHashMap<>();
        watches.put("train", trainMatrix);
        watches.put("validation", validationMatrix);
        Booster booster = XGBoost.train(trainMatrix, params, ROUNDS, watches, null, null);
        byte[] model = booster.toByteArray("ubj");
        double seconds = (System.nanoTime() - start) / 1e9;
        booster.dispose();
        trainMatrix.dispose();
        validationMatrix.dispose();
        if (model.length == 0) {
            throw new IllegalStateException("no model");
        }
        return seconds;
    }

    /** Median seconds to read both files into matrices: through the algorithm's reader (no rounds), and XGBoost's. */
    private static double[] loadTimes(Path train, Path validation, int runs) throws Exception {
        List<Double> ours = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        Map<String, String> oneRound = Map.of("num_round", "1", "objective", "binary:logistic", "tree_method", "hist",
                "max_depth", "1");
        for (int i = 0; i < runs; i++) {
            ours.add(viaAlgorithm(oneRound, train, validation));
            long start = System.nanoTime();
            DMatrix a = new DMatrix(train + "?format=csv&label_column=0");
            DMatrix b = new DMatrix(validation + "?format=csv&label_column=0");
            theirs.add((System.nanoTime() - start) / 1e9);
            a.dispose();
            b.dispose();
        }
        return new double[] {median(ours), median(theirs)};
    }

    private static Path write(Path dir, int rows, long seed) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("data.csv");
        Random random = new Random(seed);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            float[] row = new float[FEATURES];
            for (int i = 0; i < rows; i++) {
                double score = 0;
                for (int j = 0; j < FEATURES; j++) {
                    row[j] = (float) random.nextGaussian();
                    score += (j < 5 ? 1.0 / (j + 1) : 0) * row[j];
                }
                out.write(score + random.nextGaussian() > 0 ? "1" : "0");
                for (float value : row) {
                    out.write(',');
                    out.write(String.format(Locale.ROOT, "%.5f", value));
                }
                out.write('\n');
            }
        }
        return file;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static void print(List<String[]> rows) {
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(40);
        System.out.println();
        for (String[] row : rows) {
            System.out.printf(Locale.ROOT, "%-" + width + "s  %12s  %s%n", row[0], row[1], row[2]);
        }
    }
}
