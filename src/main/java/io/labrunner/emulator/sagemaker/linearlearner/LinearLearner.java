package io.labrunner.emulator.sagemaker.linearlearner;

import io.labrunner.emulator.sagemaker.algorithms.Algorithm;
import io.labrunner.emulator.sagemaker.algorithms.AlgorithmException;
import io.labrunner.emulator.sagemaker.algorithms.ChannelData;
import io.labrunner.emulator.sagemaker.algorithms.MetricDefinition;
import io.labrunner.emulator.sagemaker.algorithms.Predictor;
import io.labrunner.emulator.sagemaker.algorithms.TrainedModel;
import io.labrunner.emulator.sagemaker.algorithms.TrainingInput;
import io.labrunner.emulator.sagemaker.algorithms.TrainingLog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SageMaker's built-in linear learner, in-process: binary classification, multiclass classification
 * and regression by a linear model trained with mini-batch Adam, SGD or RMSProp on CSV channels
 * ({@code train} required, {@code validation} and {@code test} optional), with the container's
 * hyperparameters, log lines and metrics. Differences from AWS's container, by design: one model is
 * trained (not {@code num_models} in parallel), {@code auto} settings take one fixed value instead of a
 * search, RecordIO-protobuf data is refused, and the artifact is a JSON file ({@link ModelFile}), not
 * an MXNet model.
 */
public final class LinearLearner implements Algorithm {
    private static final Set<String> CHANNELS = Set.of("train", "validation", "test");
    private static final List<MetricDefinition> METRICS = List.of(
            new MetricDefinition("train:objective_loss", false),
            new MetricDefinition("validation:objective_loss", false),
            new MetricDefinition("validation:binary_classification_accuracy", true),
            new MetricDefinition("validation:binary_f_beta", true),
            new MetricDefinition("validation:precision", true),
            new MetricDefinition("validation:recall", true),
            new MetricDefinition("validation:roc_auc_score", true),
            new MetricDefinition("validation:mse", false),
            new MetricDefinition("validation:absolute_loss", false),
            new MetricDefinition("validation:multiclass_accuracy", true),
            new MetricDefinition("validation:multiclass_top_k_accuracy", true),
            new MetricDefinition("validation:dcg", true),
            new MetricDefinition("validation:macro_f_beta", true),
            new MetricDefinition("validation:macro_precision", true),
            new MetricDefinition("validation:macro_recall", true),
            new MetricDefinition("test:objective_loss", false),
            new MetricDefinition("test:binary_classification_accuracy", true),
            new MetricDefinition("test:binary_f_beta", true),
            new MetricDefinition("test:precision", true),
            new MetricDefinition("test:recall", true),
            new MetricDefinition("test:roc_auc_score", true),
            new MetricDefinition("test:mse", false),
            new MetricDefinition("test:absolute_loss", false),
            new MetricDefinition("test:multiclass_accuracy", true),
            new MetricDefinition("test:multiclass_top_k_accuracy", true),
            new MetricDefinition("test:dcg", true),
            new MetricDefinition("test:macro_f_beta", true),
            new MetricDefinition("test:macro_precision", true),
            new MetricDefinition("test:macro_recall", true));

    private final Clock clock;

    public LinearLearner() {
        this(Clock.systemUTC());
    }

    /** @param clock the time the log lines carry */
    public LinearLearner(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String repository() {
        return "linear-learner";
    }

    @Override
    public List<MetricDefinition> metrics() {
        return METRICS;
    }

    @Override
    public TrainedModel train(TrainingInput input, TrainingLog trainingLog) throws AlgorithmException {
        ContainerLog log = new ContainerLog(trainingLog, clock);
        Settings settings = HyperParameters.parse(input.hyperParameters());
        log.info("Reading provided configuration from /opt/ml/input/config/hyperparameters.json: "
                + new java.util.TreeMap<>(input.hyperParameters()));
        if (!"auto".equals(settings.numModels()) && !"1".equals(settings.numModels())) {
            log.warning("num_models=" + settings.numModels() + ": the embedded emulator trains one model.");
        }
        Map<String, ChannelData> channels = input.channels();
        for (String name : channels.keySet()) {
            if (!CHANNELS.contains(name)) {
                throw AlgorithmException.clientError("Channel '" + name + "' is not supported by linear-learner;"
                        + " it reads the channels 'train', 'validation' and 'test'.");
            }
        }
        if (!channels.containsKey("train")) {
            throw AlgorithmException.clientError("No 'train' channel was provided; linear-learner requires one.");
        }
        Dataset train = read(channels.get("train"), settings, null);
        Dataset validation = channels.containsKey("validation") ? read(channels.get("validation"), settings, train)
                : null;
        Dataset test = channels.containsKey("test") ? read(channels.get("test"), settings, train) : null;
        log.info("Records: train=" + train.rows()
                + (validation == null ? "" : ", validation=" + validation.rows())
                + (test == null ? "" : ", test=" + test.rows()) + ", features=" + train.dim());

        Trainer.Result result = new Trainer(settings, log, input.stopRequested()).train(train, validation);
        LinearModel model = result.model();
        if (settings.predictorType() == PredictorType.BINARY_CLASSIFIER) {
            model = model.withThreshold(threshold(model, validation != null ? validation : train, settings));
        }
        List<TrainedModel.FinalMetric> metrics = new ArrayList<>();
        metrics.add(new TrainedModel.FinalMetric("train:objective_loss", result.lastTrainObjective()));
        if (validation != null) {
            metrics.addAll(report("validation", model, validation, settings, log));
        }
        if (input.stopRequested().getAsBoolean()) {
            throw AlgorithmException.stopped();
        }
        if (test != null) {
            metrics.addAll(report("test", model, test, settings, log));
        }
        return new TrainedModel(Map.of(ModelFile.NAME, ModelFile.write(model)), metrics);
    }

    @Override
    public Predictor load(Map<String, byte[]> modelFiles) throws AlgorithmException {
        byte[] file = modelFiles.get(ModelFile.NAME);
        if (file == null) {
            throw AlgorithmException.clientError("The model artifact holds no " + ModelFile.NAME + "; it is not a"
                    + " linear-learner model.");
        }
        return new LinearPredictor(ModelFile.read(file));
    }

    private static Dataset read(ChannelData channel, Settings settings, Dataset train) throws AlgorithmException {
        Dataset data = CsvChannel.read(channel);
        int expected = train != null ? train.dim() : settings.featureDim() != null ? settings.featureDim() : data.dim();
        if (data.dim() != expected) {
            String what = train != null ? "the 'train' channel's " + expected : "feature_dim=" + expected;
            throw AlgorithmException.clientError("The data in channel '" + channel.name() + "' has " + data.dim()
                    + " features per record, which does not match " + what + ".");
        }
        checkLabels(data, channel.name(), settings);
        return data;
    }

    private static void checkLabels(Dataset data, String channel, Settings settings) throws AlgorithmException {
        double[] labels = data.labels();
        for (int r = 0; r < labels.length; r++) {
            double y = labels[r];
            switch (settings.predictorType()) {
                case BINARY_CLASSIFIER -> {
                    if (y != 0 && y != 1) {
                        throw AlgorithmException.clientError("Record " + (r + 1) + " in channel '" + channel
                                + "' has label " + Trainer.number(y) + "; binary_classifier labels must be 0 or 1.");
                    }
                }
                case MULTICLASS_CLASSIFIER -> {
                    if (y != Math.rint(y) || y < 0 || y >= settings.numClasses()) {
                        throw AlgorithmException.clientError("Record " + (r + 1) + " in channel '" + channel
                                + "' has label " + Trainer.number(y) + "; multiclass_classifier labels must be"
                                + " integers from 0 to num_classes - 1 (" + (settings.numClasses() - 1) + ").");
                    }
                }
                case REGRESSOR -> {
                }
            }
        }
    }

    /** The decision threshold binary_classifier_model_selection_criteria asks for, on calibration data. */
    private static double threshold(LinearModel model, Dataset data, Settings settings) {
        if ("loss_function".equals(settings.selectionCriteria())) {
            return model.threshold();
        }
        int n = settings.numCalibrationSamples() == null ? data.rows()
                : Math.min(data.rows(), settings.numCalibrationSamples());
        double[] scores = new double[n];
        for (int r = 0; r < n; r++) {
            scores[r] = model.scores(data.features(), r * data.dim())[0];
        }
        return ThresholdSweep.best(scores, Arrays.copyOf(data.labels(), n), settings.selectionCriteria(), settings)
                .threshold();
    }

    /** Prints a channel's final scores as the container does and returns them under SageMaker's metric names. */
    private static List<TrainedModel.FinalMetric> report(String channel, LinearModel model, Dataset data,
                                                         Settings settings, ContainerLog log) {
        Map<String, Double> scores = Evaluation.metrics(model, data, settings);
        scores.forEach((name, value) -> log.info(String.format(Locale.ROOT, "#%s_score (%s) : ('%s', %s)", channel,
                ContainerLog.HOST, name, Trainer.number(value))));
        List<TrainedModel.FinalMetric> metrics = new ArrayList<>();
        scores.forEach((name, value) -> {
            boolean objective = name.equals(settings.loss().objectiveName());
            log.info(String.format(Locale.ROOT, "#quality_metric: host=%s, %s %s <%s>=%s", ContainerLog.HOST, channel,
                    name, objective ? "loss" : "score", Trainer.number(value)));
            String metric = objective ? "objective_loss" : name.startsWith("binary_f_") ? "binary_f_beta" : name;
            metrics.add(new TrainedModel.FinalMetric(channel + ":" + metric, value));
        });
        return metrics;
    }
}
