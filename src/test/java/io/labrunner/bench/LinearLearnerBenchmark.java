package io.labrunner.bench;

import io.labrunner.emulator.sagemaker.algorithms.ChannelData;
import io.labrunner.emulator.sagemaker.algorithms.Predictor;
import io.labrunner.emulator.sagemaker.algorithms.TrainedModel;
import io.labrunner.emulator.sagemaker.algorithms.TrainingInput;
import io.labrunner.emulator.sagemaker.linearlearner.LinearLearner;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The in-process linear learner's numbers: training time on 100,000 × 20 CSV records (binary
 * classification and regression, 15 epochs, mini-batches of 1,000) and prediction throughput. Run with
 * {@code mvn -q -Pbench -DskipTests verify -Dbench=LinearLearnerBenchmark}. Not a test: nothing here fails.
 */
public final class LinearLearnerBenchmark {
    private static final int ROWS = 100_000;
    private static final int FEATURES = 20;

    private LinearLearnerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("lab-bench-linear-learner-");
        Path binary = write(dir.resolve("binary.csv"), true);
        Path regression = write(dir.resolve("regression.csv"), false);
        LinearLearner algorithm = new LinearLearner();
        List<String[]> rows = new ArrayList<>();
        for (String type : List.of("binary_classifier", "regressor")) {
            Path file = type.equals("regressor") ? regression : binary;
            TrainingInput input = new TrainingInput(Map.of("predictor_type", type, "epochs", "15",
                    "mini_batch_size", "1000", "early_stopping_patience", "100"),
                    Map.of("train", new ChannelData("train", "text/csv", List.of(file))), () -> false);
            algorithm.train(input, line -> { });
            double[] seconds = new double[3];
            double[] cpuSeconds = new double[3];
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            TrainedModel model = null;
            for (int run = 0; run < seconds.length; run++) {
                long start = System.nanoTime();
                long cpuStart = threads.getCurrentThreadCpuTime();
                model = algorithm.train(input, line -> { });
                seconds[run] = (System.nanoTime() - start) / 1e9;
                cpuSeconds[run] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            }
            // Training runs on the calling thread: its CPU time is the job's cost on a machine shared with others.
            rows.add(new String[] {"train " + type + ", " + ROWS + " x " + FEATURES + ", 15 epochs (median of 3)",
                Benchmarks.fmt(Benchmarks.median(seconds)) + " s wall, " + Benchmarks.fmt(Benchmarks.median(cpuSeconds))
                    + " s CPU", finalMetric(model)});
            Predictor predictor = algorithm.load(model.files());
            List<String> records = Files.readAllLines(file).subList(0, 10_000).stream()
                    .map(l -> l.substring(l.indexOf(',') + 1)).toList();
            long start = System.nanoTime();
            predictor.predict(records, "text/csv", "application/jsonlines");
            double predictSeconds = (System.nanoTime() - start) / 1e9;
            rows.add(new String[] {"predict " + type + ", 10,000 CSV records to JSON lines",
                Benchmarks.fmt(10_000 / predictSeconds) + " records/s", ""});
        }
        Benchmarks.print(rows);
    }

    private static String finalMetric(TrainedModel model) {
        return model.metrics().stream().map(m -> String.format(Locale.ROOT, "%s=%.4f", m.name(), m.value()))
                .reduce((a, b) -> a + " " + b).orElse("");
    }

    private static Path write(Path file, boolean binary) throws Exception {
        Random random = new Random(1);
        double[] coefficients = new double[FEATURES];
        for (int j = 0; j < FEATURES; j++) {
            coefficients[j] = random.nextGaussian();
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < ROWS; i++) {
                double[] x = new double[FEATURES];
                double signal = 0;
                for (int j = 0; j < FEATURES; j++) {
                    x[j] = random.nextGaussian();
                    signal += coefficients[j] * x[j];
                }
                signal += random.nextGaussian() * 0.5;
                StringBuilder line = new StringBuilder(binary ? (signal > 0 ? "1" : "0")
                        : String.format(Locale.ROOT, "%.5f", signal));
                for (double v : x) {
                    line.append(',').append(String.format(Locale.ROOT, "%.5f", v));
                }
                out.write(line.append('\n').toString());
            }
        }
        return file;
    }
}
