/**
 * SageMaker Automatic Model Tuning on the embedded emulator: {@link
 * io.labrunner.emulator.sagemaker.tuning.TuningOperations} registers the five tuning operations on the
 * SageMaker service; a tuning job's trials are real training jobs started through
 * {@link io.labrunner.emulator.sagemaker.TrainingJobs}.
 *
 * <p>As on AWS: trial names ({@code <tuning job>-<3-digit index>-<8 hex>}), the
 * {@code _tuning_objective_metric} hyperparameter passed to every trial, StaticHyperParameters merged
 * into each trial, the budget (MaxNumberOfTrainingJobs) and the parallel limit (never exceeded),
 * Grid on categorical ranges only with one trial per combination, Logarithmic and ReverseLogarithmic
 * scaling with AWS's range rules, status and objective counters, BestTrainingJob, listing trials by
 * final objective value (trials without one are left out), TargetObjectiveMetricValue and
 * BestObjectiveNotImproving completion, warm start.
 *
 * <p>Where it differs, and why:
 * <ul>
 *   <li>Bayesian search is this package's own Gaussian process with Expected Improvement
 *       ({@link io.labrunner.emulator.sagemaker.tuning.BayesianSearch}), not AWS's undisclosed model:
 *       it finds good values as a model-based search does, but not the same ones.</li>
 *   <li>Auto scaling searches linearly (AWS does not say how it chooses).</li>
 *   <li>Early stopping (Auto) applies the median rule to the objective values the training jobs report
 *       while they run, by elapsed training time rather than by epoch; a training job that reports its
 *       objective only at the end is never stopped early.</li>
 *   <li>Hyperband, Autotune, TrainingJobDefinitions (several algorithms) and ConvergenceDetected are not
 *       run locally: the first three are refused with a NotImplemented error that names
 *       {@code --target aws}; ConvergenceDetected is accepted and has no effect.</li>
 *   <li>A tuning job running when the emulator stops is not resumed: after a restart it is Failed (or
 *       Stopped, if a stop was asked for) with a FailureReason that says so; its finished trials remain.</li>
 *   <li>The wording of refusals is AWS's where it is documented or quoted (scaling ranges, a metric
 *       missing from the metric definitions, all trials failing); elsewhere it is plain and specific.</li>
 * </ul>
 */
package io.labrunner.emulator.sagemaker.tuning;
