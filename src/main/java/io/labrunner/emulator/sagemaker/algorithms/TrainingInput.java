package io.labrunner.emulator.sagemaker.algorithms;

import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What a training container sees: its hyperparameters (strings, as in {@code hyperparameters.json})
 * and its channels' files (as under {@code /opt/ml/input/data/<channel>}).
 *
 * @param stopRequested true once StopTrainingJob was called; the algorithm stops at the next round and
 *                      throws {@link AlgorithmException#stopped()}
 *                   
 */
public record TrainingInput(Map<String, String> hyperParameters, Map<String, ChannelData> channels,
        BooleanSupplier stopRequested) {

    public TrainingInput {
        hyperParameters = Map.copyOf(hyperParameters);
        channels = Map.copyOf(channels);
    }
}
