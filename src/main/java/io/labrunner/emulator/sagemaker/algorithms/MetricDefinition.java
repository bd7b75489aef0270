package io.labrunner.emulator.sagemaker.algorithms;

/**
 * A metric a built-in algorithm emits, as DescribeAlgorithm and the tuning console list it.
 *
 * @param name      as the container prints it, e.g. {@code validation:auc}
 * @param maximize  whether a tuning job should maximize it (AUC, accuracy) or minimize it (RMSE, log loss)
 */
public record MetricDefinition(String name, boolean maximize) {
}
