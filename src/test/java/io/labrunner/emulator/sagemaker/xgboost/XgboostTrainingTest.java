package io.labrunner.emulator.sagemaker.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.emulator.sagemaker.algorithms.AlgorithmException;
import io.labrunner.emulator.sagemaker.algorithms.ChannelData;
import io.labrunner.emulator.sagemaker.algorithms.MetricDefinition;
import io.labrunner.emulator.sagemaker.algorithms.TrainedModel;
import io.labrunner.emulator.sagemaker.algorithms.TrainedModel.FinalMetric;
import io.labrunner.emulator.sagemaker.algorithms.TrainingInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XgboostTrainingTest {
    private static final Pattern ROUND = Pattern.compile("\\[(\\d+)\\]((?:#011[a-z]+-[a-z@0-9._-]+:-?\\d+\\.\\d{5})+)");

    @TempDir
    Path dir;

    private final XgboostAlgorithm xgboost = new XgboostAlgorithm();
    private final List<String> log = new ArrayList<>();

    @Test
    void csvTrainingPrintsEachRoundAsTheContainerAndReportsTheLastValues() throws Exception {
        Datasets.Table data = Datasets.binary(1200, 6, 1);
        TrainedModel model = train(Map.of("num_round", "20", "objective", "binary:logistic", "eval_metric", "auc"),
                csv("train", data.slice(0, 1000)), csv("validation", data.slice(1000, 1200)));

        List<String> rounds = roundLines();
        assertThat(rounds).hasSize(20);
        assertThat(rounds.get(0)).matches("\\[0\\]#011train-auc:0\\.\\d{5}#011validation-auc:0\\.\\d{5}");
        assertThat(log).anyMatch(line -> line.matches("\\[\\d{4}-\\d\\d-\\d\\d:\\d\\d:\\d\\d:\\d\\d:INFO\\] "
                + "Train matrix has 1000 rows and 6 columns"));
        Map<String, Double> lastPrinted = printed(rounds.get(19));
        assertThat(metrics(model)).containsOnlyKeys("train:auc", "validation:auc");
        assertThat(metrics(model).get("validation:auc")).isCloseTo(lastPrinted.get("validation-auc"),
                org.assertj.core.data.Offset.offset(5e-6)).isGreaterThan(0.85);
        assertThat(model.files()).containsOnlyKeys("xgboost-model");
        Booster booster = XGBoost.loadModel(model.files().get("xgboost-model"));
        assertThat(booster.getNumBoostedRound()).isEqualTo(20);
        booster.dispose();
    }

    @Test
    void libsvmAndCsvOfTheSameRowsTrainTheSameModel() throws Exception {
        Datasets.Table data = Datasets.regression(600, 4, 2);
        Map<String, String> hyperparameters = Map.of("num_round", "10", "max_depth", "3");
        TrainedModel fromCsv = train(hyperparameters, csv("train", data));
        Path libsvm = Datasets.write(dir.resolve("libsvm"), "train.libsvm", data.libsvm());
        TrainedModel fromLibsvm = train(hyperparameters, Datasets.channel("train", "text/libsvm", libsvm));
        assertThat(metrics(fromCsv)).containsOnlyKeys("train:rmse");
        assertThat(metrics(fromLibsvm)).isEqualTo(metrics(fromCsv));
    }

    @Test
    void parquetTrainsLikeTheSameRowsInCsv() throws Exception {
        Datasets.Table data = Datasets.regression(400, 3, 13);
        TrainedModel fromCsv = train(Map.of("num_round", "5"), csv("train", data));
        Path csvFile = Datasets.write(dir.resolve("for-parquet"), "rows.csv", data.csv());
        Path parquet = dir.resolve("parquet").resolve("part-0.parquet");
        java.nio.file.Files.createDirectories(parquet.getParent());
        try (java.sql.Connection duck = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                java.sql.Statement sql = duck.createStatement()) {
            sql.execute("COPY (SELECT * FROM read_csv('" + csvFile + "', header = false)) TO '" + parquet
                    + "' (FORMAT parquet)");
            TrainedModel fromParquet = train(Map.of("num_round", "5"),
                    Datasets.channel("train", "application/x-parquet", parquet));
            assertThat(metrics(fromParquet)).isEqualTo(metrics(fromCsv));

            Path words = dir.resolve("parquet-words").resolve("part-0.parquet");
            java.nio.file.Files.createDirectories(words.getParent());
            sql.execute("COPY (SELECT 1 AS label, 'gold' AS plan) TO '" + words + "' (FORMAT parquet)");
            assertThatThrownBy(() -> train(Map.of("num_round", "5"), Datasets.channel("train", "parquet", words)))
                    .hasMessage("ClientError: Failed to load parquet data with exception:\ncolumn 'plan' holds "
                            + "non-numeric values (VARCHAR); XGBoost reads numbers only");
        }
    }

    @Test
    void eachObjectiveDefaultsToTheMetricXgboostPicksForIt() throws Exception {
        Datasets.Table binary = Datasets.binary(400, 4, 3);
        assertThat(metrics(train(Map.of("num_round", "3", "objective", "binary:logistic"),
                csv("train", binary), csv("validation", binary)))).containsOnlyKeys("train:logloss", "validation:logloss");
        assertThat(metrics(train(Map.of("num_round", "3"), csv("train", Datasets.regression(300, 3, 4)))))
                .containsOnlyKeys("train:rmse");
        assertThat(metrics(train(Map.of("num_round", "3", "objective", "multi:softprob", "num_class", "3"),
                csv("train", Datasets.classes(300, 4, 3, 5))))).containsOnlyKeys("train:mlogloss");
    }

    @Test
    void severalEvalMetricsArePrintedInOrderPerDataSet() throws Exception {
        Datasets.Table data = Datasets.binary(500, 4, 6);
        train(Map.of("num_round", "2", "objective", "binary:logistic", "eval_metric", "error,auc"),
                csv("train", data.slice(0, 400)), csv("validation", data.slice(400, 500)));
        assertThat(roundLines().get(1)).matches("\\[1\\]#011train-error:\\S+#011train-auc:\\S+"
                + "#011validation-error:\\S+#011validation-auc:\\S+");
    }

    @Test
    void earlyStoppingStopsOnTheLastEvalMetricAndKeepsTheBestRound() throws Exception {
        // A tiny, noisy validation set and a large step overfit fast: validation loss turns up early.
        Datasets.Table data = Datasets.binary(700, 8, 7);
        TrainedModel model = train(Map.of("num_round", "200", "objective", "binary:logistic", "eta", "0.9",
                "max_depth", "8", "eval_metric", "auc,logloss", "early_stopping_rounds", "5"),
                csv("train", data.slice(0, 500)), csv("validation", data.slice(500, 700)));

        List<String> rounds = roundLines();
        assertThat(rounds.size()).isLessThan(200);
        int best = 0;
        double bestLoss = Double.MAX_VALUE;
        for (int i = 0; i < rounds.size(); i++) {
            double loss = printed(rounds.get(i)).get("validation-logloss");
            if (loss < bestLoss) {
                bestLoss = loss;
                best = i;
            }
        }
        assertThat(rounds.size() - 1).isEqualTo(best + 5);
        Booster booster = XGBoost.loadModel(model.files().get("xgboost-model"));
        assertThat(booster.getNumBoostedRound()).isEqualTo(best + 1);
        assertThat(booster.getAttr("best_iteration")).isEqualTo(Integer.toString(best));
        booster.dispose();
    }

    @Test
    void earlyStoppingRoundsWithoutAnEvalMetricDoesNotStopAsInTheContainer() throws Exception {
        Datasets.Table data = Datasets.binary(400, 8, 8);
        train(Map.of("num_round", "40", "objective", "binary:logistic", "eta", "0.9", "max_depth", "8",
                "early_stopping_rounds", "2"), csv("train", data.slice(0, 300)), csv("validation", data.slice(300, 400)));
        assertThat(roundLines()).hasSize(40);
    }

    @Test
    void aStopRequestEndsTrainingAtTheNextRound() throws Exception {
        Datasets.Table data = Datasets.regression(300, 3, 9);
        AtomicInteger checks = new AtomicInteger();
        TrainingInput input = new TrainingInput(Map.of("num_round", "100"), Map.of("train", csv("train", data)),
                () -> checks.incrementAndGet() > 4);
        assertThatThrownBy(() -> xgboost.train(input, log::add))
                .isInstanceOfSatisfying(AlgorithmException.class, e -> assertThat(e.isStop()).isTrue());
        assertThat(roundLines()).hasSize(3);
    }

    @Test
    void multiClassReportsMulticlassMetrics() throws Exception {
        Datasets.Table data = Datasets.classes(900, 5, 3, 10);
        TrainedModel model = train(Map.of("num_round", "15", "objective", "multi:softmax", "num_class", "3",
                "eval_metric", "mlogloss,merror"), csv("train", data.slice(0, 700)), csv("validation", data.slice(700, 900)));
        assertThat(metrics(model)).containsOnlyKeys("train:mlogloss", "train:merror", "validation:mlogloss",
                "validation:merror");
        assertThat(metrics(model).get("validation:merror")).isLessThan(0.3);
    }

    @Test
    void containerComputedMetricsAgreeWithThePredictions() throws Exception {
        Datasets.Table data = Datasets.binary(800, 5, 11);
        Datasets.Table validation = data.slice(600, 800);
        TrainedModel model = train(Map.of("num_round", "10", "objective", "binary:logistic",
                "eval_metric", "accuracy,f1_binary"), csv("train", data.slice(0, 600)), csv("validation", validation));
        assertThat(roundLines().get(0)).matches("\\[0\\]#011train-logloss:\\S+#011train-accuracy:\\S+#011train-f1_binary:"
                + "\\S+#011validation-logloss:\\S+#011validation-accuracy:\\S+#011validation-f1_binary:\\S+");

        List<String> predicted = xgboost.load(model.files()).predict(validation.csvRecords(), "text/csv", "text/csv");
        int correct = 0;
        int truePositive = 0;
        int predictedPositive = 0;
        int positive = 0;
        for (int i = 0; i < predicted.size(); i++) {
            int label = Double.parseDouble(predicted.get(i)) > 0.5 ? 1 : 0;
            correct += label == validation.labels()[i] ? 1 : 0;
            truePositive += label == 1 && validation.labels()[i] == 1 ? 1 : 0;
            predictedPositive += label;
            positive += validation.labels()[i] == 1 ? 1 : 0;
        }
        double precision = (double) truePositive / predictedPositive;
        double recall = (double) truePositive / positive;
        assertThat(metrics(model).get("validation:accuracy")).isCloseTo((double) correct / predicted.size(),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(metrics(model).get("validation:f1_binary")).isCloseTo(2 * precision * recall / (precision + recall),
                org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aChannelsFilesAreReadOneAfterTheOther() throws Exception {
        Datasets.Table data = Datasets.regression(500, 3, 12);
        Map<String, String> hyperparameters = Map.of("num_round", "5");
        TrainedModel whole = train(hyperparameters, csv("train", data));
        Path first = Datasets.write(dir.resolve("split"), "part-1.csv", data.slice(0, 200).csv());
        Path second = Datasets.write(dir.resolve("split"), "part-2.csv", data.slice(200, 500).csv());
        TrainedModel parts = train(hyperparameters, Datasets.channel("train", "text/csv", first, second));
        assertThat(metrics(parts)).isEqualTo(metrics(whole));
    }

    @Test
    void metricDefinitionsNameEveryMetricForBothChannelsWithItsDirection() {
        List<MetricDefinition> definitions = xgboost.metrics();
        assertThat(definitions).contains(new MetricDefinition("validation:auc", true),
                new MetricDefinition("train:auc", true), new MetricDefinition("validation:rmse", false),
                new MetricDefinition("validation:logloss", false), new MetricDefinition("validation:f1", true),
                new MetricDefinition("validation:merror", false), new MetricDefinition("train:mlogloss", false));
        assertThat(xgboost.repository()).isEqualTo("sagemaker-xgboost");
    }

    private ChannelData csv(String channel, Datasets.Table table) {
        Path file = Datasets.write(dir.resolve(channel + "-" + System.nanoTime()), channel + ".csv", table.csv());
        return Datasets.channel(channel, "text/csv", file);
    }

    private TrainedModel train(Map<String, String> hyperparameters, ChannelData... channels) throws AlgorithmException {
        log.clear();
        return xgboost.train(Datasets.input(hyperparameters, channels), log::add);
    }

    private List<String> roundLines() {
        return log.stream().filter(line -> ROUND.matcher(line).matches()).toList();
    }

    private static Map<String, Double> printed(String line) {
        Map<String, Double> values = new HashMap<>();
        Matcher matcher = Pattern.compile("#011([a-z]+-[a-z@0-9._-]+):(-?\\d+\\.\\d+)").matcher(line);
        while (matcher.find()) {
            values.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
        }
        return values;
    }

    private static Map<String, Double> metrics(TrainedModel model) {
        Map<String, Double> byName = new HashMap<>();
        for (FinalMetric metric : model.metrics()) {
            byName.put(metric.name(), metric.value());
        }
        return byName;
    }
}
