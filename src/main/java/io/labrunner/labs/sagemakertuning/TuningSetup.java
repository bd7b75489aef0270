package io.labrunner.labs.sagemakertuning;

import io.labrunner.labs.sagemakerxgboost.XgboostImage;
import io.labrunner.labs.sagemakerxgboost.XgboostTraining;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sagemaker.model.CreateHyperParameterTuningJobRequest;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterScalingType;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobObjectiveType;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobStrategyType;
import software.amazon.awssdk.services.sagemaker.model.ParameterRanges;
import software.amazon.awssdk.services.sagemaker.model.S3DataType;
import software.amazon.awssdk.services.sagemaker.model.TrainingInputMode;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobEarlyStoppingType;

/**
 * One tuning job as CreateHyperParameterTuningJob wants it: the search (strategy, budget,
 * objective, ranges) and the training job every trial runs (image, data, static hyperparameters).
 * Both strategies get exactly the same request but for the strategy.
 */
final class TuningSetup {
    static final int MAX_JOBS = 12;
    static final int MAX_PARALLEL = 3;
    static final String OBJECTIVE = "validation:auc";
    /** Fixed, so a rerun proposes the same hyperparameters (where the strategy allows). */
    static final int RANDOM_SEED = 7;

    /** What every trial trains with; the tuner adds the four tuned ones. */
    static final Map<String, String> STATIC_HYPERPARAMETERS = Map.of(
            "objective", "binary:logistic",
            "num_round", "30",
            "eval_metric", "auc");

    /** A range as the check reads it back: name, bounds and scaling. */
    record Range(String name, String kind, double min, double max, HyperParameterScalingType scaling) {
    }

    /**
     * The search space: the learning rate on a log scale (0.05 and 0.5 are as different as 0.005 and
     * 0.05), tree depth as an integer, the rest linear.
     */
    static final List<Range> RANGES = List.of(
            new Range("eta", "Continuous", 0.05, 0.5, HyperParameterScalingType.LOGARITHMIC),
            new Range("max_depth", "Integer", 2, 8, HyperParameterScalingType.AUTO),
            new Range("min_child_weight", "Continuous", 1, 10, HyperParameterScalingType.LINEAR),
            new Range("subsample", "Continuous", 0.5, 1.0, HyperParameterScalingType.LINEAR));

    private TuningSetup() {
    }

    static ParameterRanges parameterRanges() {
        ParameterRanges.Builder ranges = ParameterRanges.builder();
        ranges.continuousParameterRanges(RANGES.stream().filter(r -> r.kind().equals("Continuous")).map(r ->
                software.amazon.awssdk.services.sagemaker.model.ContinuousParameterRange.builder().name(r.name())
                        .minValue(number(r.min())).maxValue(number(r.max())).scalingType(r.scaling()).build()).toList());
        ranges.integerParameterRanges(RANGES.stream().filter(r -> r.kind().equals("Integer")).map(r ->
                software.amazon.awssdk.services.sagemaker.model.IntegerParameterRange.builder().name(r.name())
                        .minValue(number(r.min())).maxValue(number(r.max())).scalingType(r.scaling()).build()).toList());
        return ranges.build();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    static CreateHyperParameterTuningJobRequest request(String name, HyperParameterTuningJobStrategyType strategy,
            String region, String roleArn, String train, String validation, String output, Map<String, String> tags) {
        return CreateHyperParameterTuningJobRequest.builder()
                .hyperParameterTuningJobName(name)
                .hyperParameterTuningJobConfig(config -> config
                        .strategy(strategy)
                        .resourceLimits(limits -> limits.maxNumberOfTrainingJobs(MAX_JOBS).maxParallelTrainingJobs(MAX_PARALLEL))
                        .hyperParameterTuningJobObjective(objective -> objective
                                .type(HyperParameterTuningJobObjectiveType.MAXIMIZE).metricName(OBJECTIVE))
                        .parameterRanges(parameterRanges())
                        // Off: every trial runs all its rounds, so both strategies spend the same budget.
                        .trainingJobEarlyStoppingType(TrainingJobEarlyStoppingType.OFF)
                        .randomSeed(RANDOM_SEED))
                .trainingJobDefinition(definition -> definition
                        .algorithmSpecification(algorithm -> algorithm
                                .trainingImage(XgboostImage.uri(region))
                                .trainingInputMode(TrainingInputMode.FILE))
                        .roleArn(roleArn)
                        .inputDataConfig(channel("train", train), channel("validation", validation))
                        .outputDataConfig(out -> out.s3OutputPath(output))
                        .resourceConfig(resources -> resources.instanceType(XgboostTraining.INSTANCE).instanceCount(1)
                                .volumeSizeInGB(5))
                        .stoppingCondition(stop -> stop.maxRuntimeInSeconds(900))
                        .staticHyperParameters(STATIC_HYPERPARAMETERS))
                .tags(XgboostTraining.tags(tags))
                .build();
    }

    private static software.amazon.awssdk.services.sagemaker.model.Channel channel(String name, String prefix) {
        return software.amazon.awssdk.services.sagemaker.model.Channel.builder()
                .channelName(name)
                .contentType("text/csv")
                .dataSource(source -> source.s3DataSource(s3 -> s3.s3DataType(S3DataType.S3_PREFIX).s3Uri(prefix)))
                .build();
    }
}
