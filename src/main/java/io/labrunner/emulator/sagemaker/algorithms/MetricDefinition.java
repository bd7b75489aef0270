package io.labrunner.emulator.sagemaker.algorithms;

/**
 * A metric a built-in algorithm emits, as DescribeAlgorithm and the tuning console list it, and as
 * DescribeTrainingJob shows it under AlgorithmSpecification.MetricDefinitions.
 *
 * @param name      as SageMaker names it, e.g. {@code validation:auc}
 * @param regex     what SageMaker looks for in each line the container prints; its first group is the value
 * @param maximize  whether a tuning job should maximize it (AUC, accuracy) or minimize it (RMSE, log loss)
 */
public record MetricDefinition(String name, String regex, boolean maximize) {
}
