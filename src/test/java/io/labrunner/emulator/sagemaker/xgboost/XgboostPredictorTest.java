package io.labrunner.emulator.sagemaker.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.emulator.sagemaker.algorithms.AlgorithmException;
import io.labrunner.emulator.sagemaker.algorithms.Predictor;
import io.labrunner.emulator.sagemaker.algorithms.TrainedModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch Transform's view of the model: records in, one line per record out, as the serving container writes. */
class XgboostPredictorTest {

    @TempDir
    Path dir;

    private final XgboostAlgorithm xgboost = new XgboostAlgorithm();

    @Test
    void binaryLogisticGivesOneProbabilityPerRecordInPythonsSpelling() throws Exception {
        Datasets.Table data = Datasets.binary(600, 4, 31);
        Predictor predictor = xgboost.load(train(Map.of("num_round", "10", "objective", "binary:logistic"), data).files());
        List<String> out = predictor.predict(data.csvRecords().subList(0, 50), "text/csv", "text/csv");
        assertThat(out).hasSize(50).allMatch(line -> line.matches("0\\.\\d+(e-\\d\\d)?|[0-9]\\.\\d+e-\\d\\d"));
        long agreeing = java.util.stream.IntStream.range(0, 50)
                .filter(i -> (Double.parseDouble(out.get(i)) > 0.5) == (data.labels()[i] == 1)).count();
        assertThat(agreeing).isGreaterThan(40);
        // The same model predicts the same from LIBSVM records (with or without a label in front).
        List<String> libsvm = data.slice(0, 50).libsvm().lines().toList();
        assertThat(predictor.predict(libsvm, "text/libsvm", "text/csv")).isEqualTo(out);
        assertThat(predictor.predict(libsvm, null, null)).isEqualTo(out);
    }

    @Test
    void multiClassProbabilitiesComeAsAPythonListPerRecord() throws Exception {
        Datasets.Table data = Datasets.classes(600, 4, 3, 32);
        Predictor predictor = xgboost.load(train(Map.of("num_round", "5", "objective", "multi:softprob",
                "num_class", "3"), data).files());
        List<String> out = predictor.predict(data.csvRecords().subList(0, 5), "text/csv", "application/json");
        assertThat(out).hasSize(5).allMatch(line -> line.matches("\\[\\S+, \\S+, \\S+\\]"));
        for (String line : out) {
            double sum = java.util.Arrays.stream(line.replaceAll("[\\[\\]]", "").split(", "))
                    .mapToDouble(Double::parseDouble).sum();
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        }
        Predictor softmax = xgboost.load(train(Map.of("num_round", "5", "objective", "multi:softmax",
                "num_class", "3"), data).files());
        assertThat(softmax.predict(data.csvRecords().subList(0, 20), "text/csv", "text/csv"))
                .allMatch(line -> line.matches("[012]\\.0"));
    }

    @Test
    void regressionGivesTheValue() throws Exception {
        Datasets.Table data = Datasets.regression(500, 3, 33);
        Predictor predictor = xgboost.load(train(Map.of("num_round", "40"), data).files());
        List<String> out = predictor.predict(data.csvRecords().subList(0, 30), "text/csv", "text/csv");
        double squaredError = 0;
        for (int i = 0; i < 30; i++) {
            squaredError += Math.pow(Double.parseDouble(out.get(i)) - data.labels()[i], 2);
        }
        assertThat(Math.sqrt(squaredError / 30)).isLessThan(1.5);
        // An empty field is a missing value, as the serving container reads it.
        assertThat(predictor.predict(List.of(",0.5,"), "text/csv", "text/csv")).hasSize(1);
    }

    @Test
    void recordsTheContainerCannotReadAreRefusedWithItsWording() throws Exception {
        Datasets.Table data = Datasets.binary(300, 3, 34);
        Predictor predictor = xgboost.load(train(Map.of("num_round", "3", "objective", "binary:logistic"), data).files());
        assertThatThrownBy(() -> predictor.predict(List.of("1.0,abc,2"), "text/csv", "text/csv"))
                .isInstanceOf(AlgorithmException.class)
                .hasMessage("ClientError: Loading csv data failed with Exception, please ensure data is in csv format:\n"
                        + " <class 'ValueError'>\n could not convert string to float: 'abc'");
        assertThatThrownBy(() -> predictor.predict(List.of("1,2,3", "1,2"), "text/csv", "text/csv"))
                .hasMessageContaining("inhomogeneous shape");
        assertThatThrownBy(() -> predictor.predict(List.of("1,2,3,4,5,6,7"), "text/csv", "text/csv"))
                .hasMessageStartingWith("ClientError: Unable to evaluate payload provided: ")
                .hasMessageNotContaining("Stack trace");
        assertThatThrownBy(() -> predictor.predict(List.of("1,2,3"), "text/csv", "text/html"))
                .hasMessage("ClientError: Accept type text/html is not supported. Please use supported accept types: "
                        + "['application/json', 'application/jsonlines', 'application/x-recordio-protobuf', 'text/csv'].");
        assertThatThrownBy(() -> predictor.predict(List.of("1,2,3"), "application/x-parquet", "text/csv"))
                .hasMessage("ClientError: Content-type application/x-parquet is not supported.");
    }

    @Test
    void aModelFileThatIsNotXgboostIsRefused() {
        assertThatThrownBy(() -> xgboost.load(Map.of("xgboost-model", "not a model".getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .isInstanceOf(AlgorithmException.class)
                .hasMessageStartingWith("ClientError: Unable to load model: Model xgboost-model cannot be loaded:");
    }

    private TrainedModel train(Map<String, String> hyperparameters, Datasets.Table data) throws AlgorithmException {
        Path file = Datasets.write(dir.resolve("train" + System.nanoTime()), "train.csv", data.csv());
        return xgboost.train(Datasets.input(hyperparameters, Datasets.channel("train", "text/csv", file)), line -> { });
    }
}
