package io.labrunner.emulator.sagemaker.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.sagemaker.algorithms.MetricDefinition;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A CreateHyperParameterTuningJob request checked beyond what the API model says, in the order the
 * checks are listed here, with the search space and the training budget it resolves to.
 */
record TuningRequest(SearchSpace space, int maxTrainingJobs) {
    /**
     * The budget when a Random or Bayesian job names none: the model leaves MaxNumberOfTrainingJobs optional,
     * and AWS's default quota of training jobs per tuning job is this many.
     */
    static final int DEFAULT_MAX_TRAINING_JOBS = 500;
    /** Trials that must all fail, with none succeeding, before the tuning job gives up (AWS's wording says 5). */
    static final int FAILURES_BEFORE_GIVING_UP = 5;

    /**
     * @param metricsByImage the metrics a built-in algorithm emits, by training image; empty for an image
     *                       that is not a built-in algorithm
     */
    static TuningRequest check(JsonNode input, Function<String, Optional<List<MetricDefinition>>> metricsByImage) {
        JsonNode config = input.path("HyperParameterTuningJobConfig");
        String strategy = config.path("Strategy").asText();
        if ("Hyperband".equals(strategy)) {
            throw new AwsException("NotImplemented", "The embedded emulator does not run the Hyperband strategy: it "
                    + "needs per-epoch metrics from every trial. Use Bayesian, Random or Grid here, or run Hyperband "
                    + "with --target aws.", 501);
        }
        if (input.has("Autotune")) {
            throw new AwsException("NotImplemented", "The embedded emulator does not run Autotune; give the "
                    + "strategy, ranges and limits yourself, or run Autotune with --target aws.", 501);
        }
        if (input.has("TrainingJobDefinitions")) {
            throw new AwsException("NotImplemented", "The embedded emulator tunes one training job definition "
                    + "(TrainingJobDefinition); TrainingJobDefinitions runs with --target aws.", 501);
        }
        JsonNode definition = input.path("TrainingJobDefinition");
        if (definition.isMissingNode()) {
            throw AwsException.validation("Either TrainingJobDefinition or TrainingJobDefinitions must be specified.");
        }
        JsonNode objective = config.path("HyperParameterTuningJobObjective");
        if (objective.isMissingNode()) {
            throw AwsException.validation("HyperParameterTuningJobObjective must be specified in "
                    + "HyperParameterTuningJobConfig when TrainingJobDefinition is used.");
        }
        SearchSpace space = SearchSpace.parse(config.path("ParameterRanges"));
        for (Iterator<String> names = definition.path("StaticHyperParameters").fieldNames(); names.hasNext();) {
            String name = names.next();
            if (space.names().contains(name)) {
                throw AwsException.validation("The hyperparameter [" + name + "] is specified both as a static "
                        + "hyperparameter and in a parameter range; a hyperparameter can be only one of them.");
            }
        }
        checkObjectiveMetric(objective.path("MetricName").asText(), definition.path("AlgorithmSpecification"),
                metricsByImage);
        int maxJobs = budget(config.path("ResourceLimits"), strategy, space);
        int maxParallel = config.path("ResourceLimits").path("MaxParallelTrainingJobs").asInt();
        if (maxParallel > maxJobs) {
            throw AwsException.validation("MaxParallelTrainingJobs [" + maxParallel + "] must be less than or equal "
                    + "to MaxNumberOfTrainingJobs [" + maxJobs + "].");
        }
        return new TuningRequest(space, maxJobs);
    }

    private static void checkObjectiveMetric(String metric, JsonNode algorithm,
            Function<String, Optional<List<MetricDefinition>>> metricsByImage) {
        String image = algorithm.path("TrainingImage").asText("");
        Optional<List<MetricDefinition>> builtIn = image.isEmpty() ? Optional.empty() : metricsByImage.apply(image);
        if (builtIn.isPresent()) {
            if (builtIn.get().stream().noneMatch(m -> m.name().equals(metric))) {
                throw AwsException.validation("The objective metric for the hyperparameter tuning job, [" + metric
                        + "], isn't valid for the [" + image + "] algorithm. Choose a valid objective metric.");
            }
            return;
        }
        boolean defined = false;
        for (JsonNode definition : algorithm.path("MetricDefinitions")) {
            defined |= metric.equals(definition.path("Name").asText());
        }
        if (!defined) {
            // AWS's wording, as users quote it (aws/sagemaker-python-sdk#3932).
            throw AwsException.validation("A metric is required for this hyperparameter tuning job objective. "
                    + "Provide a metric in the metric definitions.");
        }
    }

    /**
     * The number of trials to launch. Grid search supports categorical ranges only; it launches one trial
     * per distinct combination, and a MaxNumberOfTrainingJobs, when given, must equal that number
     * (automatic-model-tuning-how-it-works.html, "Grid search").
     */
    private static int budget(JsonNode limits, String strategy, SearchSpace space) {
        JsonNode max = limits.path("MaxNumberOfTrainingJobs");
        if (!"Grid".equals(strategy)) {
            return max.isMissingNode() ? DEFAULT_MAX_TRAINING_JOBS : max.asInt();
        }
        for (SearchSpace.Dimension dim : space.dimensions()) {
            if (dim.kind() != SearchSpace.Kind.CATEGORICAL) {
                throw AwsException.validation("The Grid strategy supports only categorical hyperparameter ranges; ["
                        + dim.name() + "] is " + (dim.kind() == SearchSpace.Kind.INTEGER ? "an integer" : "a continuous")
                        + " range. Use CategoricalParameterRanges, or the Bayesian or Random strategy.");
            }
        }
        long combinations = space.gridSize();
        if (!max.isMissingNode() && max.asLong() != combinations) {
            throw AwsException.validation("For the Grid strategy, MaxNumberOfTrainingJobs [" + max.asText()
                    + "] must equal the number of distinct combinations of the categorical values [" + combinations
                    + "], or be left out.");
        }
        if (combinations > DEFAULT_MAX_TRAINING_JOBS) {
            throw AwsException.validation("The Grid strategy would launch " + combinations + " training jobs, more "
                    + "than the " + DEFAULT_MAX_TRAINING_JOBS + " a tuning job may launch; use fewer categorical values.");
        }
        return (int) combinations;
    }
}
