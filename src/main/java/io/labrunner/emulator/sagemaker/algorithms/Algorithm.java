package io.labrunner.emulator.sagemaker.algorithms;

import java.util.List;
import java.util.Map;

/**
 * A SageMaker built-in algorithm's container, run in-process: what the image does when SageMaker
 * starts a training job on it, and what it serves when a model made from its artifact predicts.
 */
public interface Algorithm {

    /** The image repository it answers to in any region's registry, e.g. {@code sagemaker-xgboost}. */
    String repository();

    /** The metrics the container prints and SageMaker parses, e.g. {@code validation:auc}. */
    List<MetricDefinition> metrics();

    /**
     * Trains on the job's channels with the job's hyperparameters, writing what the container prints
     * to {@code log} line by line.
     *
     * @return the files that go into {@code model.tar.gz}, and the final value of each metric it printed
     * @throws AlgorithmException with the reason the real container gives, for bad input or a stop request
     */
    TrainedModel train(TrainingInput input, TrainingLog log) throws AlgorithmException;

    /**
     * Loads a model from the files of its {@code model.tar.gz}, for Batch Transform.
     *
     * @throws AlgorithmException when the files are not a model of this algorithm
     */
    Predictor load(Map<String, byte[]> modelFiles) throws AlgorithmException;
}
