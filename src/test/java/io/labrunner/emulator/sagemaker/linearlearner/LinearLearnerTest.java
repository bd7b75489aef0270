package io.labrunner.emulator.sagemaker.linearlearner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.sagemaker.algorithms.AlgorithmException;
import io.labrunner.emulator.sagemaker.algorithms.ChannelData;
import io.labrunner.emulator.sagemaker.algorithms.Predictor;
import io.labrunner.emulator.sagemaker.algorithms.TrainedModel;
import io.labrunner.emulator.sagemaker.algorithms.TrainingInput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The linear learner trained in-process on CSV with a known signal, and refusing what the container refuses. */
class LinearLearnerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LinearLearner algorithm = new LinearLearner();
    private final List<String> log = new ArrayList<>();

    @TempDir
    Path dir;

    private TrainedModel train(Map<String, String> hyperParameters, Map<String, ChannelData> channels)
            throws AlgorithmException {
        return algorithm.train(new TrainingInput(hyperParameters, channels, () -> false), log::add);
    }

    private Map<String, ChannelData> csv(String train, String validation) {
        Map<String, ChannelData> channels = new HashMap<>();
        channels.put("train", SyntheticData.channel(dir, "train", "text/csv", train));
        if (validation != null) {
            channels.put("validation", SyntheticData.channel(dir, "validation", "text/csv", validation));
        }
        return channels;
    }

    private static Map<String, Double> metrics(TrainedModel model) {
        return model.metrics().stream().collect(Collectors.toMap(TrainedModel.FinalMetric::name,
                TrainedModel.FinalMetric::value));
    }

    private static double majorityRate(String csv) {
        long ones = csv.lines().filter(l -> l.startsWith("1,")).count();
        long all = csv.lines().count();
        return Math.max(ones, all - ones) / (double) all;
    }

    @Test
    void aBinaryClassifierLearnsALinearSignalFarBeyondTheMajorityBaseline() throws Exception {
        String validation = SyntheticData.binary(1000, 2);

        TrainedModel model = train(Map.of("predictor_type", "binary_classifier", "feature_dim", "5"),
                csv(SyntheticData.binary(5000, 1), validation));

        Map<String, Double> m = metrics(model);
        assertThat(m.get("validation:binary_classification_accuracy")).isGreaterThan(0.95)
                .isGreaterThan(majorityRate(validation) + 0.3);
        assertThat(m.get("validation:roc_auc_score")).isGreaterThan(0.98);
        assertThat(m.get("validation:binary_f_beta")).isGreaterThan(0.9);
        assertThat(m.get("validation:objective_loss")).isLessThan(0.3).isLessThan(Math.log(2));
        assertThat(m.get("train:objective_loss")).isLessThan(0.3);
        assertThat(m).containsKeys("validation:precision", "validation:recall");
        assertThat(log).anyMatch(l -> l.matches("\\[\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d:\\d\\d INFO \\d+] #quality_metric: "
                + "host=algo-1, epoch=0, train binary_classification_cross_entropy_objective <loss>=[0-9.E-]+"));
        assertThat(log).anyMatch(l -> l.endsWith("#quality_metric: host=algo-1, validation binary_f_1.000 <score>="
                + m.get("validation:binary_f_beta")));
        assertThat(log).anyMatch(l -> l.contains("#validation_score (algo-1) : ('roc_auc_score', "));
    }

    @Test
    void aRealTimeRequestGetsOneDocumentWithAPredictionPerRecord() throws Exception {
        TrainedModel model = train(Map.of("predictor_type", "binary_classifier"),
                csv(SyntheticData.binary(3000, 3), SyntheticData.binary(500, 4)));
        Predictor predictor = algorithm.load(model.files());

        var csvAnswer = predictor.invoke("3,0,0,0,0\n-3,0,0,0,0".getBytes(StandardCharsets.UTF_8), "text/csv", null);
        assertThat(csvAnswer.contentType()).isEqualTo("application/json");
        JsonNode predictions = JSON.readTree(csvAnswer.body()).path("predictions");
        assertThat(predictions).hasSize(2);
        assertThat(predictions.get(0).path("predicted_label").asInt()).isEqualTo(1);
        assertThat(predictions.get(1).path("predicted_label").asInt()).isZero();
        var jsonAnswer = predictor.invoke(("{\"instances\": [{\"features\": [3,0,0,0,0]}, {\"features\": "
                + "[-3,0,0,0,0]}]}").getBytes(StandardCharsets.UTF_8), "application/json", "application/json");
        assertThat(JSON.readTree(jsonAnswer.body()).path("predictions")).isEqualTo(predictions);
        assertThatThrownBy(() -> predictor.invoke("1,2".getBytes(StandardCharsets.UTF_8), "text/csv", null))
                .hasMessageContaining("Feature size of csv inference data 2");
    }

    @Test
    void theArtifactIsTheDocumentedJsonAndServesTheContainersResponseShapes() throws Exception {
        TrainedModel model = train(Map.of("predictor_type", "binary_classifier"),
                csv(SyntheticData.binary(3000, 3), SyntheticData.binary(500, 4)));
        JsonNode artifact = JSON.readTree(model.files().get("model_algo-1"));
        assertThat(artifact.path("format").asText()).isEqualTo("labrunner-linear-learner-1");
        assertThat(artifact.path("weights").get(0)).hasSize(5);
        // The learnt direction: x0 pushes towards 1, x1 (in thousands) away from it, x3 and x4 hardly matter.
        JsonNode w = artifact.path("weights").get(0);
        assertThat(w.get(0).asDouble()).isPositive();
        assertThat(w.get(1).asDouble()).isNegative();
        assertThat(Math.abs(w.get(3).asDouble())).isLessThan(Math.abs(w.get(0).asDouble()) / 5);

        Predictor predictor = algorithm.load(model.files());
        List<String> json = predictor.predict(List.of("3,0,0,0,0", "-3,0,0,0,0"), "text/csv", "application/json");
        JsonNode positive = JSON.readTree(json.get(0)).path("predictions").get(0);
        assertThat(positive.path("predicted_label").asInt()).isEqualTo(1);
        assertThat(positive.path("score").asDouble()).isGreaterThan(0.9);
        assertThat(JSON.readTree(json.get(1)).at("/predictions/0/predicted_label").asInt()).isZero();
        List<String> lines = predictor.predict(List.of("{\"features\":[3,0,0,0,0]}"), "application/jsonlines",
                "application/jsonlines");
        assertThat(JSON.readTree(lines.get(0)).fieldNames()).toIterable().containsExactly("score", "predicted_label");

        assertThatThrownBy(() -> predictor.predict(List.of("1,2,3"), "text/csv", "application/json"))
                .hasMessage("ClientError: Unable to evaluate payload provided: Feature size of csv inference data 3 is"
                        + " not consistent with feature size of trained model 5.");
        assertThat(JSON.readTree(predictor.predict(List.of("3,0,0,0,0"), "text/csv", "text/csv").get(0))
                .at("/predictions/0/predicted_label").asDouble()).isEqualTo(1.0);
        assertThatThrownBy(() -> algorithm.load(Map.of("model_algo-1", "not json".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(AlgorithmException.class).hasMessageStartingWith("ClientError: The model artifact is not");
    }

    @Test
    void aRegressorRecoversTheCoefficientsAcrossFeatureScales() throws Exception {
        String validation = SyntheticData.regression(1000, 6);
        TrainedModel model = train(Map.of("predictor_type", "regressor", "epochs", "30"),
                csv(SyntheticData.regression(5000, 5), validation));

        Map<String, Double> m = metrics(model);
        double[] labels = validation.lines().mapToDouble(l -> Double.parseDouble(l.split(",")[0])).toArray();
        double mean = java.util.Arrays.stream(labels).average().orElseThrow();
        double variance = java.util.Arrays.stream(labels).map(y -> (y - mean) * (y - mean)).average().orElseThrow();
        assertThat(m.get("validation:mse")).isLessThan(0.05).isLessThan(variance / 50);
        assertThat(m.get("validation:absolute_loss")).isLessThan(0.2);
        assertThat(m.get("validation:objective_loss")).isEqualTo(m.get("validation:mse"));
        JsonNode w = JSON.readTree(algorithm.load(model.files()).predict(List.of("1,100,0,0"), "text/csv",
                "application/jsonlines").get(0));
        assertThat(w.path("score").asDouble()).isCloseTo(3 - 2 + 5, within(0.15));
        assertThat(w.has("predicted_label")).isFalse();
        assertThat(log).anyMatch(l -> l.contains("#quality_metric: host=algo-1, epoch=0, train mse_objective <loss>="));
    }

    @Test
    void everyMetricIsFoundInTheLogByTheRegexItsDefinitionGivesSageMaker() throws Exception {
        List<TrainedModel.FinalMetric> reported = new ArrayList<>();
        reported.addAll(train(Map.of("predictor_type", "binary_classifier", "feature_dim", "5", "epochs", "3"),
                csv(SyntheticData.binary(600, 1), SyntheticData.binary(200, 2))).metrics());
        reported.addAll(train(Map.of("predictor_type", "multiclass_classifier", "num_classes", "3", "epochs", "3"),
                csv(SyntheticData.multiclass(600, 7), SyntheticData.multiclass(200, 8))).metrics());
        Map<String, java.util.regex.Pattern> regexes = algorithm.metrics().stream().collect(Collectors.toMap(
                io.labrunner.emulator.sagemaker.algorithms.MetricDefinition::name,
                d -> java.util.regex.Pattern.compile(d.regex())));
        for (TrainedModel.FinalMetric metric : reported) {
            assertThat(regexes).as(metric.name()).containsKey(metric.name());
            List<Double> found = log.stream().map(regexes.get(metric.name())::matcher).filter(java.util.regex.Matcher::find)
                    .map(matcher -> Double.parseDouble(matcher.group(1))).toList();
            if (metric.name().endsWith(":objective_loss")) {
                // AWS's regex for these takes the per-epoch line: one value per epoch of each of the two jobs.
                assertThat(found).as(metric.name()).hasSize(6);
            } else {
                assertThat(found).as(metric.name()).contains(metric.value());
            }
        }
    }

    @Test
    void aMulticlassClassifierSeparatesThreeClusters() throws Exception {
        TrainedModel model = train(Map.of("predictor_type", "multiclass_classifier", "num_classes", "3"),
                csv(SyntheticData.multiclass(4000, 7), SyntheticData.multiclass(800, 8)));

        Map<String, Double> m = metrics(model);
        assertThat(m.get("validation:multiclass_accuracy")).isGreaterThan(0.9);
        assertThat(m.get("validation:multiclass_top_k_accuracy")).isEqualTo(1.0);
        assertThat(m.get("validation:macro_f_beta")).isGreaterThan(0.9);
        assertThat(m.get("validation:dcg")).isGreaterThan(0.9).isLessThanOrEqualTo(1.0);
        JsonNode prediction = JSON.readTree(algorithm.load(model.files()).predict(List.of("0,3,0"), "text/csv",
                "application/json").get(0)).at("/predictions/0");
        assertThat(prediction.path("predicted_label").asInt()).isEqualTo(2);
        assertThat(prediction.path("score")).hasSize(3);
        double sum = 0;
        for (JsonNode p : prediction.path("score")) {
            sum += p.asDouble();
        }
        assertThat(sum).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void theThresholdFollowsTheModelSelectionCriterion() throws Exception {
        String train = SyntheticData.binary(3000, 9);
        String validation = SyntheticData.binary(1000, 10);

        Map<String, Double> highPrecision = metrics(train(Map.of("predictor_type", "binary_classifier",
                "binary_classifier_model_selection_criteria", "recall_at_target_precision", "target_precision",
                "0.99"), csv(train, validation)));
        Map<String, Double> highRecall = metrics(train(Map.of("predictor_type", "binary_classifier",
                "binary_classifier_model_selection_criteria", "precision_at_target_recall", "target_recall",
                "0.99"), csv(train, validation)));

        assertThat(highPrecision.get("validation:precision")).isGreaterThanOrEqualTo(0.99);
        assertThat(highRecall.get("validation:recall")).isGreaterThanOrEqualTo(0.99);
        assertThat(highPrecision.get("validation:recall")).isLessThan(highRecall.get("validation:recall"));
    }

    @Test
    void earlyStoppingEndsTrainingWhenTheLossStopsImproving() throws Exception {
        train(Map.of("predictor_type", "regressor", "epochs", "50", "early_stopping_patience", "1",
                "early_stopping_tolerance", "0.5"), csv(SyntheticData.regression(2000, 11), null));

        assertThat(log).anyMatch(l -> l.endsWith("Early stop condition met. Stopping training."));
        assertThat(log.stream().filter(l -> l.contains("train mse_objective <loss>=")).count()).isLessThan(50);
    }

    @Test
    void aStopRequestEndsTrainingAsStopped() {
        int[] polls = {0};
        TrainingInput input = new TrainingInput(Map.of("predictor_type", "binary_classifier", "mini_batch_size", "10"),
                csv(SyntheticData.binary(2000, 12), null), () -> ++polls[0] > 5);

        assertThatThrownBy(() -> algorithm.train(input, log::add))
                .isInstanceOfSatisfying(AlgorithmException.class, e -> assertThat(e.isStop()).isTrue());
        assertThat(polls[0]).isEqualTo(6);
    }

    @Test
    void hyperparametersAreValidatedAsTheContainerWordsIt() {
        Map<String, ChannelData> data = csv(SyntheticData.binary(100, 13), null);
        assertRefused(Map.of(), data, "ClientError: No value(s) were specified for 'predictor_type' which are required"
                + " hyperparameter(s) (caused by ValidationError)");
        assertRefused(Map.of("predictor_type", "classifier"), data, "ClientError: Hyperparameter 'predictor_type': "
                + "'classifier' is not one of ['binary_classifier', 'multiclass_classifier', 'regressor'] (caused by"
                + " ValidationError)");
        assertRefused(Map.of("predictor_type", "multiclass_classifier"), data, "ClientError: No value(s) were "
                + "specified for 'num_classes' which are required hyperparameter(s) (caused by ValidationError)");
        assertRefused(Map.of("predictor_type", "multiclass_classifier", "num_classes", "2"), data, "ClientError: "
                + "Hyperparameter 'num_classes': 2 is less than the minimum of 3 (caused by ValidationError)");
        assertRefused(Map.of("predictor_type", "binary_classifier", "epochs", "0"), data, "ClientError: "
                + "Hyperparameter 'epochs': 0 is less than the minimum of 1 (caused by ValidationError)");
        assertRefused(Map.of("predictor_type", "binary_classifier", "mini_batch_size", "big"), data, "ClientError: "
                + "Hyperparameter 'mini_batch_size': 'big' is not of type 'integer' (caused by ValidationError)");
        assertRefused(Map.of("predictor_type", "binary_classifier", "loss", "squared_loss"), data, "ClientError: Loss"
                + " 'squared_loss' is not supported for predictor_type 'binary_classifier'; use one of ['logistic',"
                + " 'hinge_loss'] (caused by ValidationError)");
        assertRefused(Map.of("predictor_type", "binary_classifier", "learning_rate", "0"), data, "ClientError: "
                + "Hyperparameter 'learning_rate': 0 is less than or equal to the minimum of 0.0 (caused by"
                + " ValidationError)");
        assertRefused(Map.of("predictor_type", "binary_classifier", "eta", "0.1"), data, "ClientError: Additional "
                + "hyperparameters are not allowed ('eta' was unexpected) (caused by ValidationError)");
        assertRefused(Map.of("predictor_type", "binary_classifier", "feature_dim", "7"), data, "ClientError: The data"
                + " in channel 'train' has 5 features per record, which does not match feature_dim=7.");
    }

    @Test
    void badDataIsAClientErrorThatSaysWhatIsWrong() {
        Map<String, String> binary = Map.of("predictor_type", "binary_classifier");
        assertRefused(binary, Map.of("train", SyntheticData.channel(dir, "train", "text/csv", "label,x\n1,2\n")),
                "ClientError: Unable to parse the value 'label' in column 1 of record 1 of part-0.csv in channel"
                        + " 'train' as a number; CSV data must be numeric, with no header.");
        assertRefused(binary, Map.of("train", SyntheticData.channel(dir, "train", "text/csv", "1,0.5\n2,0.1\n")),
                "ClientError: Record 2 in channel 'train' has label 2.0; binary_classifier labels must be 0 or 1.");
        assertRefused(binary, Map.of("train", SyntheticData.channel(dir, "train", "text/csv", "1,0.5,1\n0,0.1\n")),
                "ClientError: Record 2 has 1 features but the records before it have 2; every record needs the same"
                        + " number of columns.");
        assertRefused(binary, Map.of("train", SyntheticData.channel(dir, "train", "application/x-recordio-protobuf",
                "x")), "ClientError: Channel 'train' is application/x-recordio-protobuf, which this emulator does not"
                + " read. The embedded emulator reads CSV (label in the first column, no header): set the channel's"
                + " ContentType to text/csv.");
        assertRefused(binary, Map.of("train", SyntheticData.channel(dir, "train", null, "1,0\n")), "ClientError: Channel"
                + " 'train' is application/x-recordio-protobuf (linear-learner's default when no ContentType is"
                + " given), which this emulator does not read. The embedded emulator reads CSV (label in the first"
                + " column, no header): set the channel's ContentType to text/csv.");
        assertRefused(binary, Map.of("train", SyntheticData.channel(dir, "train", "text/libsvm", "1 1:0\n")),
                "ClientError: No iterator has been registered for ContentType ('text/libsvm', '1.0'). The embedded"
                        + " emulator reads CSV (label in the first column, no header): set the channel's ContentType"
                        + " to text/csv.");
        assertRefused(binary, Map.of("validation", SyntheticData.channel(dir, "validation", "text/csv", "1,0\n")),
                "ClientError: No 'train' channel was provided; linear-learner requires one.");
        assertRefused(binary, Map.of("train", SyntheticData.channel(dir, "train", "text/csv", "1,0\n0,1\n"),
                "validation", SyntheticData.channel(dir, "validation", "text/csv", "1,0,0\n")), "ClientError: The data in"
                + " channel 'validation' has 2 features per record, which does not match the 'train' channel's 1.");
        assertRefused(binary, Map.of("train", SyntheticData.channel(dir, "train", "text/csv", "\n\n")), "ClientError: No"
                + " training data found in channel 'train'; the channel's files hold no records.");
    }

    private void assertRefused(Map<String, String> hyperParameters, Map<String, ChannelData> channels, String reason) {
        assertThatThrownBy(() -> train(hyperParameters, channels))
                .isInstanceOfSatisfying(AlgorithmException.class, e -> assertThat(e.isStop()).isFalse())
                .hasMessage(reason);
    }
}
