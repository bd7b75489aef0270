package io.labrunner.emulator.sagemaker.xgboost;

import io.labrunner.emulator.sagemaker.algorithms.Algorithm;
import io.labrunner.emulator.sagemaker.algorithms.AlgorithmException;
import io.labrunner.emulator.sagemaker.algorithms.ChannelData;
import io.labrunner.emulator.sagemaker.algorithms.MetricDefinition;
import io.labrunner.emulator.sagemaker.algorithms.Predictor;
import io.labrunner.emulator.sagemaker.algorithms.TrainedModel;
import io.labrunner.emulator.sagemaker.algorithms.TrainingInput;
import io.labrunner.emulator.sagemaker.algorithms.TrainingLog;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SageMaker's built-in XGBoost (the {@code sagemaker-xgboost} 1.7-1 image) in algorithm mode, trained with
 * real XGBoost through xgboost4j. The artifact is {@code xgboost-model} in XGBoost's own (UBJSON) format,
 * which open-source {@code xgboost} loads with {@code Booster.load_model}, as the docs' "Use XGBoost as a
 * built-in algorithm" shows for 1.7-1.
 */
public final class XgboostAlgorithm implements Algorithm {
    /** The model's file name inside {@code model.tar.gz}. */
    public static final String MODEL_FILE = "xgboost-model";
    private static final List<String> CHANNELS = List.of("train", "validation", "code");

    @Override
    public String repository() {
        return "sagemaker-xgboost";
    }

    @Override
    public List<MetricDefinition> metrics() {
        return XgboostMetrics.definitions();
    }

    @Override
    public TrainedModel train(TrainingInput input, TrainingLog log) throws AlgorithmException {
        ContainerLog container = new ContainerLog(log);
        TrainingSettings settings = XgboostHyperparameters.validate(input.hyperParameters());
        Map<String, ChannelData> channels = input.channels();
        checkChannels(channels);
        // The container reads every channel with the train channel's content type.
        ContentFormat format = ContentFormat.of(channels.get("train").contentType());
        LabeledData train = TrainingData.read(channels.get("train"), format, settings.csvWeights(), container);
        Optional<ChannelData> validationChannel = Optional.ofNullable(channels.get("validation"));
        LabeledData validation = validationChannel.isPresent()
                ? TrainingData.read(validationChannel.get(), format, settings.csvWeights(), container) : null;
        if (train == null) {
            throw AlgorithmException.clientError("No data in training channel path /opt/ml/input/data/train");
        }
        if (validationChannel.isPresent() && validation == null) {
            throw AlgorithmException.clientError("No data in validation channel path /opt/ml/input/data/validation");
        }
        if (input.stopRequested().getAsBoolean()) {
            throw AlgorithmException.stopped();
        }
        return new XgboostTrainer(settings, container).train(train, Optional.ofNullable(validation), input);
    }

    private static void checkChannels(Map<String, ChannelData> channels) throws AlgorithmException {
        if (!channels.containsKey("train")) {
            throw AlgorithmException.clientError("Missing required channel: train");
        }
        for (String name : new java.util.TreeSet<>(channels.keySet())) {
            if (!CHANNELS.contains(name)) {
                throw AlgorithmException.clientError("Extraneous channel found: " + name);
            }
        }
    }

    @Override
    public Predictor load(Map<String, byte[]> modelFiles) throws AlgorithmException {
        return XgboostPredictor.load(modelFiles);
    }
}
