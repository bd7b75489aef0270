package io.labrunner.emulator.sagemaker.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.protocol.JsonProtocolService;
import io.labrunner.emulator.sagemaker.OperationGroup;
import io.labrunner.emulator.sagemaker.ResourceTags;
import io.labrunner.emulator.sagemaker.TrainingJobs;
import io.labrunner.emulator.sagemaker.algorithms.MetricDefinition;
import io.labrunner.emulator.state.StateStore;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * SageMaker Automatic Model Tuning: CreateHyperParameterTuningJob, DescribeHyperParameterTuningJob,
 * ListHyperParameterTuningJobs, StopHyperParameterTuningJob and ListTrainingJobsForHyperParameterTuningJob,
 * registered on a SageMaker {@link JsonProtocolService} with {@link #register}. Trials are real training
 * jobs started through {@link TrainingJobs}; strategies Random, Grid and Bayesian (a Gaussian process
 * with Expected Improvement, see {@link BayesianSearch}). Close it to stop its poller.
 */
public final class TuningOperations implements OperationGroup {
    /** How often running tuning jobs look at their trials by default. */
    public static final Duration DEFAULT_POLL = Duration.ofMillis(200);
    private static final int DEFAULT_PAGE = 10;
    private static final SecureRandom SEEDS = new SecureRandom();

    private final Tuner tuner;
    private final ResourceTags tags;
    private final Clock clock;
    private final Function<String, Optional<List<MetricDefinition>>> metricsByImage;

    /**
     * @param metricsByImage the metrics a built-in algorithm emits, by training image URI; empty for any other
     *                       image, whose objective must then be one of the request's MetricDefinitions
     */
    public TuningOperations(TrainingJobs trainingJobs, ResourceTags tags, StateStore state, Clock clock,
            Function<String, Optional<List<MetricDefinition>>> metricsByImage) {
        this(trainingJobs, tags, state, clock, metricsByImage, DEFAULT_POLL);
    }

    /** As above, polling trials every {@code poll} (shorter in tests). */
    public TuningOperations(TrainingJobs trainingJobs, ResourceTags tags, StateStore state, Clock clock,
            Function<String, Optional<List<MetricDefinition>>> metricsByImage, Duration poll) {
        this.tags = tags;
        this.clock = clock;
        this.metricsByImage = metricsByImage;
        this.tuner = new Tuner(trainingJobs, state, clock, poll);
    }

    /** Adds the five tuning operations to a SageMaker service under construction. */
    @Override
    public void register(JsonProtocolService.Builder service) {
        service.handler("CreateHyperParameterTuningJob", this::create)
                .handler("DescribeHyperParameterTuningJob", this::describe)
                .handler("ListHyperParameterTuningJobs", this::list)
                .handler("StopHyperParameterTuningJob", this::stop)
                .handler("ListTrainingJobsForHyperParameterTuningJob", this::listTrainingJobs);
    }

    static AwsException notFound(String name) {
        return new AwsException("ResourceNotFound", "Amazon SageMaker can't find a tuning job with name " + name, 400);
    }

    private Object create(ObjectNode input, AwsRequest request) {
        String region = request.regionOrDefault();
        String name = input.path("HyperParameterTuningJobName").asText();
        TuningRequest plan = TuningRequest.check(input, metricsByImage);
        JsonNode warmStart = input.get("WarmStartConfig");
        List<SearchStrategy.Observation> seeded = warmStart == null ? List.of() : warmStartObservations(region, warmStart);
        JsonNode config = input.path("HyperParameterTuningJobConfig");
        long seed = config.has("RandomSeed") ? config.path("RandomSeed").asLong() : SEEDS.nextLong();
        String arn = "arn:aws:sagemaker:" + region + ":" + Emulator.ACCOUNT_ID + ":hyper-parameter-tuning-job/"
                + name.toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        TuningJob job = new TuningJob(region, name, arn, config, input.path("TrainingJobDefinition"), warmStart,
                "InProgress", now, now, null, null, null, false, seed, List.of());
        tuner.create(job, plan, seeded);
        Map<String, String> tagMap = new LinkedHashMap<>();
        input.path("Tags").forEach(tag -> tagMap.put(tag.path("Key").asText(), tag.path("Value").asText()));
        if (!tagMap.isEmpty()) {
            tags.put(arn, tagMap);
        }
        return Map.of("HyperParameterTuningJobArn", arn);
    }

    /**
     * The finished trials of the parent jobs, as prior observations: Bayesian search fits its model to them
     * from the first trial on (both warm-start types; a parent's trial outside this job's ranges is skipped).
     */
    private List<SearchStrategy.Observation> warmStartObservations(String region, JsonNode warmStart) {
        List<SearchStrategy.Observation> observations = new ArrayList<>();
        for (JsonNode parent : warmStart.path("ParentHyperParameterTuningJobs")) {
            String parentName = parent.path("HyperParameterTuningJobName").asText();
            TuningJob job = tuner.find(region, parentName).orElseThrow(() -> AwsException.validation(
                    "The parent hyperparameter tuning job [" + parentName + "] does not exist."));
            if (job.active()) {
                throw AwsException.validation("The parent hyperparameter tuning job [" + parentName + "] is "
                        + job.status() + "; a parent must have ended.");
            }
            for (Trial trial : job.trials()) {
                if (trial.objective() != null) {
                    observations.add(new SearchStrategy.Observation(trial.tunedHyperParameters(), trial.objective()));
                }
            }
        }
        return observations;
    }

    private Object describe(ObjectNode input, AwsRequest request) {
        String name = input.path("HyperParameterTuningJobName").asText();
        return Summaries.describe(tuner.find(request.regionOrDefault(), name).orElseThrow(() -> notFound(name)), clock.instant());
    }

    private Object stop(ObjectNode input, AwsRequest request) {
        tuner.stop(request.regionOrDefault(), input.path("HyperParameterTuningJobName").asText());
        return null;
    }

    private Object list(ObjectNode input, AwsRequest request) {
        String contains = input.path("NameContains").asText("").toLowerCase(Locale.ROOT);
        String status = input.path("StatusEquals").asText(null);
        List<TuningJob> jobs = tuner.list(request.regionOrDefault()).stream()
                .filter(j -> j.name().toLowerCase(Locale.ROOT).contains(contains))
                .filter(j -> status == null || status.equals(j.status()))
                .filter(j -> after(j.created(), input.get("CreationTimeAfter")))
                .filter(j -> before(j.created(), input.get("CreationTimeBefore")))
                .filter(j -> after(j.lastModified(), input.get("LastModifiedTimeAfter")))
                .filter(j -> before(j.lastModified(), input.get("LastModifiedTimeBefore")))
                .sorted(jobOrder(input.path("SortBy").asText("Name"), input.path("SortOrder").asText("Ascending")))
                .toList();
        Page<TuningJob> page = page(jobs, input);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("HyperParameterTuningJobSummaries", page.items().stream().map(Summaries::listed).toList());
        out.put("NextToken", page.next());
        return out;
    }

    private static boolean after(Instant time, JsonNode bound) {
        return bound == null || time.isAfter(Instant.ofEpochMilli(bound.asLong()));
    }

    private static boolean before(Instant time, JsonNode bound) {
        return bound == null || time.isBefore(Instant.ofEpochMilli(bound.asLong()));
    }

    private static Comparator<TuningJob> jobOrder(String sortBy, String sortOrder) {
        Comparator<TuningJob> order = switch (sortBy) {
            case "Status" -> Comparator.comparing(TuningJob::status);
            case "CreationTime" -> Comparator.comparing(TuningJob::created);
            default -> Comparator.comparing(TuningJob::name);
        };
        order = order.thenComparing(TuningJob::name);
        return "Descending".equals(sortOrder) ? order.reversed() : order;
    }

    private Object listTrainingJobs(ObjectNode input, AwsRequest request) {
        String name = input.path("HyperParameterTuningJobName").asText();
        TuningJob job = tuner.find(request.regionOrDefault(), name).orElseThrow(() -> notFound(name));
        String status = input.path("StatusEquals").asText(null);
        String sortBy = input.path("SortBy").asText("Name");
        List<Trial> trials = job.trials().stream()
                .filter(t -> status == null || status.equals(t.status()))
                // AWS: sorted by FinalObjectiveMetricValue, trials that reported no objective are not listed.
                .filter(t -> !"FinalObjectiveMetricValue".equals(sortBy) || t.objective() != null)
                .sorted(trialOrder(sortBy, input.path("SortOrder").asText("Ascending")))
                .toList();
        Page<Trial> page = page(trials, input);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("TrainingJobSummaries", page.items().stream().map(t -> Summaries.trial(job, t)).toList());
        out.put("NextToken", page.next());
        return out;
    }

    private static Comparator<Trial> trialOrder(String sortBy, String sortOrder) {
        Comparator<Trial> order = switch (sortBy) {
            case "CreationTime" -> Comparator.comparing(Trial::created);
            case "Status" -> Comparator.comparing(Trial::status);
            case "FinalObjectiveMetricValue" -> Comparator.comparingDouble(Trial::objective);
            default -> Comparator.comparing(Trial::name);
        };
        order = order.thenComparing(Trial::name);
        return "Descending".equals(sortOrder) ? order.reversed() : order;
    }

    private record Page<T>(List<T> items, String next) {
    }

    private static <T> Page<T> page(List<T> all, JsonNode input) {
        int size = input.path("MaxResults").asInt(DEFAULT_PAGE);
        int from = 0;
        if (input.hasNonNull("NextToken")) {
            from = offset(input.path("NextToken").asText());
            if (from > all.size()) {
                throw AwsException.validation("Invalid pagination token");
            }
        }
        int to = Math.min(all.size(), from + size);
        String next = to < all.size() ? Base64.getUrlEncoder().encodeToString(("offset:" + to)
                .getBytes(StandardCharsets.UTF_8)) : null;
        return new Page<>(all.subList(from, to), next);
    }

    private static int offset(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith("offset:")) {
                return Integer.parseInt(text.substring("offset:".length()));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw AwsException.validation("Invalid pagination token");
    }

    /** Stops polling; jobs still running are ended as after a restart when the state is next opened. */
    @Override
    public void close() {
        tuner.close();
    }
}
