package io.labrunner.emulator.sagemaker.training;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.DaemonThreads;
import io.labrunner.emulator.S3Objects;
import io.labrunner.emulator.iam.access.ServiceAccess;
import io.labrunner.emulator.logs.LogWriter;
import io.labrunner.emulator.protocol.JsonProtocolService;
import io.labrunner.emulator.sagemaker.OperationGroup;
import io.labrunner.emulator.sagemaker.ResourceTags;
import io.labrunner.emulator.sagemaker.SageMakerErrors;
import io.labrunner.emulator.sagemaker.TagOperations;
import io.labrunner.emulator.sagemaker.TrainingJobs;
import io.labrunner.emulator.sagemaker.algorithms.Algorithm;
import io.labrunner.emulator.state.StateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * SageMaker training jobs: CreateTrainingJob, DescribeTrainingJob, ListTrainingJobs and StopTrainingJob,
 * and the same jobs for tuning jobs through {@link TrainingJobs}. Jobs train on a small pool of threads
 * ({@link TrainingTimings#parallelJobs()} at once); the others wait in Starting.
 */
public final class TrainingJobService implements OperationGroup, TrainingJobs {
    private final String accountId;
    private final ResourceTags tags;
    private final TrainingJobStore store;
    private final TrainingValidation validation;
    private final TrainingRun.Context context;
    private final ThreadPoolExecutor pool;
    private final Map<String, StopSignal> running = new ConcurrentHashMap<>();
    private final LatestMetrics latestMetrics = new LatestMetrics();

    /**
     * @param algorithms the built-in algorithms that run in-process, by image repository
     * @param workRoot   a folder inside the data folder for the jobs' channel files; emptied now
     */
    public TrainingJobService(String accountId, List<Algorithm> algorithms, S3Objects s3, LogWriter logs,
            ResourceTags tags, TrainingTimings timings, StateStore state, Path workRoot, Clock clock) {
        this(accountId, algorithms, s3, logs, tags, timings, state, workRoot, clock, ServiceAccess.unrestricted());
    }

    /**
     * As the other constructor, with jobs reading their channels and writing their model with their execution
     * role's permissions as {@code access} decides them.
     */
    public TrainingJobService(String accountId, List<Algorithm> algorithms, S3Objects s3, LogWriter logs,
            ResourceTags tags, TrainingTimings timings, StateStore state, Path workRoot, Clock clock,
            ServiceAccess access) {
        this.accountId = accountId;
        this.tags = tags;
        this.store = new TrainingJobStore(state);
        this.validation = new TrainingValidation(s3);
        prepare(workRoot);
        this.context = new TrainingRun.Context(store, new AlgorithmRegistry(algorithms), access, s3,
                logs, latestMetrics, timings, clock, workRoot);
        this.pool = new ThreadPoolExecutor(timings.parallelJobs(), timings.parallelJobs(), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), DaemonThreads.numbered("sagemaker-training-"));
        store.load(clock.instant());
    }

    @Override
    public void register(JsonProtocolService.Builder sagemaker) {
        sagemaker.handler("CreateTrainingJob", this::create)
                .handler("DescribeTrainingJob", (input, request) -> {
                    TrainingJob job = job(request.region(), input.get("TrainingJobName").asText());
                    return TrainingJobViews.describe(job, context.algorithms().forImage(job.request()
                            .path("AlgorithmSpecification").path("TrainingImage").asText(null))
                            .map(Algorithm::metrics).orElse(List.of()));
                })
                .handler("ListTrainingJobs", (input, request) -> TrainingJobListing.list(store.inRegion(request.region()),
                        input))
                .handler("StopTrainingJob", (input, request) -> {
                    stopJob(request.region(), input.get("TrainingJobName").asText());
                    return null;
                });
    }

    private Object create(ObjectNode input, AwsRequest request) {
        String arn = startJob(request.region(), input, null);
        return Map.of("TrainingJobArn", arn);
    }

    @Override
    public void start(String region, ObjectNode request, String tuningJob) {
        startJob(region, request, tuningJob);
    }

    private String startJob(String region, ObjectNode input, String tuningJob) {
        String name = input.get("TrainingJobName").asText();
        String arn = "arn:aws:sagemaker:" + region + ":" + accountId + ":training-job/"
                + name.toLowerCase(java.util.Locale.ROOT);
        if (store.get(region, name).isPresent()) {
            throw SageMakerErrors.resourceInUse("Training job names must be unique within an AWS account and region, "
                    + "and a training job with this name already exists (" + arn + ")");
        }
        validation.check(region, input);
        ObjectNode request = input.deepCopy();
        request.remove("Tags");
        TrainingJob job = TrainingJob.newJob(region, name, arn, request, tuningJob, context.clock().instant());
        synchronized (this) {
            if (!store.add(job)) {
                throw SageMakerErrors.resourceInUse("Training job names must be unique within an AWS account and "
                        + "region, and a training job with this name already exists (" + arn + ")");
            }
            Map<String, String> given = TagOperations.tagsOf(input.get("Tags"));
            if (!given.isEmpty()) {
                tags.put(arn, given);
            }
            StopSignal stop = new StopSignal();
            String key = TrainingJobStore.key(region, name);
            running.put(key, stop);
            pool.execute(new TrainingRun(context, region, name, stop, () -> running.remove(key)));
        }
        return arn;
    }

    @Override
    public Optional<View> find(String region, String name) {
        return store.get(region, name).map(job -> TrainingJobViews.view(job, latestMetrics.of(region, name)));
    }

    @Override
    public void stop(String region, String name) {
        stopJob(region, name);
    }

    private void stopJob(String region, String name) {
        TrainingJob job = job(region, name);
        if (!TrainingJob.IN_PROGRESS.equals(job.status())) {
            // Recorded against SageMaker: "The request was rejected because the training job is in status Completed."
            throw SageMakerErrors.validation("The request was rejected because the training job is in status "
                    + job.status() + ".");
        }
        store.update(region, name, j -> TrainingJob.IN_PROGRESS.equals(j.status())
                ? j.enter(TrainingJob.STOPPING, "Stopping", "Stopping the training job", context.clock().instant()) : j);
        String key = TrainingJobStore.key(region, name);
        StopSignal stop = running.get(key);
        if (stop != null) {
            stop.stop();
            if (stop.claim()) {
                // It had not started: nothing runs, so it is Stopped at once rather than when an instance frees up.
                store.update(region, name, j -> j.ended() ? j : j.end(TrainingJob.STOPPED, "Stopped",
                        "Training job stopped", null, List.of(), null, context.clock().instant()));
                running.remove(key);
            }
        }
    }

    private TrainingJob job(String region, String name) {
        return store.get(region, name).orElseThrow(SageMakerErrors::notFound);
    }

    /** Stops the training threads; jobs still running come back Failed at the next start. */
    @Override
    public void close() {
        store.close();
        running.values().forEach(StopSignal::stop);
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void prepare(Path workRoot) {
        try {
            if (Files.isDirectory(workRoot)) {
                try (var paths = Files.walk(workRoot)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(workRoot))
                            .forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(workRoot);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the training jobs' work folder", e);
        }
    }

}
