package io.labrunner.emulator.sagemaker.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.DaemonThreads;
import io.labrunner.emulator.S3Objects;
import io.labrunner.emulator.iam.access.ServiceAccess;
import io.labrunner.emulator.logs.LogWriter;
import io.labrunner.emulator.protocol.JsonProtocolService;
import io.labrunner.emulator.sagemaker.OperationGroup;
import io.labrunner.emulator.sagemaker.ResourceTags;
import io.labrunner.emulator.sagemaker.RoleS3Objects;
import io.labrunner.emulator.sagemaker.S3Uri;
import io.labrunner.emulator.sagemaker.algorithms.Algorithm;
import io.labrunner.emulator.state.StateMap;
import io.labrunner.emulator.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batch Transform: CreateTransformJob, DescribeTransformJob, ListTransformJobs and StopTransformJob.
 * Jobs run on background threads while the emulator keeps serving; their state is kept across
 * restarts, and a job that was running when the emulator stopped runs again when it starts.
 */
public final class TransformJobs implements OperationGroup {
    private static final Logger LOG = LoggerFactory.getLogger(TransformJobs.class);
    /** How long a job stays InProgress before it starts transforming: long enough that code which does not wait sees it. */
    public static final Duration DEFAULT_STARTUP = Duration.ofMillis(300);
    private static final int MAX_PAYLOAD_MB = 100;

    private final Models models;
    private final S3Objects s3;
    private final ServiceAccess access;
    private final Function<String, Optional<Algorithm>> algorithms;
    private final Collection<String> localRepositories;
    private final ResourceTags tags;
    private final LogWriter logs;
    private final Clock clock;
    private final Duration startup;
    private final StateMap<TransformJob> jobs;
    private final Set<String> stopRequests = ConcurrentHashMap.newKeySet();
    private final ExecutorService runner;
    /** Set when the emulator shuts down: running jobs stop where they are and keep InProgress, to run again. */
    private volatile boolean closing;

    /**
     * @param algorithms        the algorithm that runs an image, e.g. an XGBoost image URI to XGBoost; empty for
     *                          an image the emulator cannot run
     * @param localRepositories the image repositories that run locally, named in the failure reason of a job
     *                          whose image does not
     */
    public TransformJobs(Models models, S3Objects s3, Function<String, Optional<Algorithm>> algorithms,
            Collection<String> localRepositories, ResourceTags tags, LogWriter logs, StateStore state, Clock clock,
            Duration startup) {
        this(models, s3, algorithms, localRepositories, tags, logs, state, clock, startup,
                ServiceAccess.unrestricted());
    }

    /**
     * As the other constructor, with each job reaching S3 with its model's execution role as {@code access} decides:
     * with IAM enforced, a role that may not read the model, the input or write the output fails the job.
     */
    public TransformJobs(Models models, S3Objects s3, Function<String, Optional<Algorithm>> algorithms,
            Collection<String> localRepositories, ResourceTags tags, LogWriter logs, StateStore state, Clock clock,
            Duration startup, ServiceAccess access) {
        this.access = access;
        this.models = models;
        this.s3 = s3;
        this.algorithms = algorithms;
        this.localRepositories = List.copyOf(localRepositories);
        this.tags = tags;
        this.logs = logs;
        this.clock = clock;
        this.startup = startup;
        this.jobs = state.map("sagemaker.transform-jobs", TransformJob.class);
        this.runner = Executors.newCachedThreadPool(DaemonThreads.numbered("sagemaker-transform-"));
        resume();
    }

    @Override
    public void register(JsonProtocolService.Builder service) {
        service
                .handler("CreateTransformJob", this::create)
                .handler("DescribeTransformJob", (input, request) -> require(request.regionOrDefault(),
                        input.path("TransformJobName").asText()).describe())
                .handler("ListTransformJobs", this::list)
                .handler("StopTransformJob", this::stop);
    }

    /** Jobs that were running when the emulator stopped run again; a stop that was under way completes. */
    private void resume() {
        for (Map.Entry<String, TransformJob> entry : jobs.entries().entrySet()) {
            TransformJob job = entry.getValue();
            if (job.status().equals(TransformJob.STOPPING)) {
                jobs.put(entry.getKey(), job.withStatus(TransformJob.STOPPED, null, clock.instant()));
            } else if (job.status().equals(TransformJob.IN_PROGRESS)) {
                submit(entry.getKey());
            }
        }
    }

    private synchronized Object create(ObjectNode input, AwsRequest request) {
        String region = request.regionOrDefault();
        String name = input.path("TransformJobName").asText();
        String arn = Arns.transformJob(region, name);
        String key = Arns.key(region, name);
        if (jobs.get(key).isPresent()) {
            throw TransformErrors.resourceInUse("Job name must be unique within an AWS account and region, and a job "
                    + "with this name already exists (" + arn + ")");
        }
        String modelName = input.path("ModelName").asText();
        if (models.find(region, modelName).isEmpty()) {
            throw TransformErrors.modelNotFound(Arns.model(region, modelName));
        }
        validate(input);
        ObjectNode stored = input.deepCopy();
        stored.remove("Tags");
        var now = clock.instant();
        jobs.put(key, new TransformJob(region, name, arn, stored, TransformJob.IN_PROGRESS, null, now, null, null, now));
        if (input.has("Tags")) {
            tags.put(arn, Tags.of(input.get("Tags")));
        }
        submit(key);
        return Map.of("TransformJobArn", arn);
    }

    /** What CreateTransformJob checks beyond the model: S3 locations, payload limits and the JSONPath filters. */
    private static void validate(ObjectNode input) {
        String source = input.path("TransformInput").path("DataSource").path("S3DataSource").path("S3Uri").asText();
        if (S3Uri.parse(source).isEmpty()) {
            throw TransformErrors.validation("Invalid S3Uri '" + source + "' in TransformInput: the embedded emulator "
                    + "reads s3://bucket/prefix URIs.");
        }
        String target = input.path("TransformOutput").path("S3OutputPath").asText();
        if (S3Uri.parse(target).isEmpty()) {
            throw TransformErrors.validation("Invalid S3OutputPath '" + target + "': the embedded emulator writes to "
                    + "s3://bucket/prefix URIs.");
        }
        int payload = input.path("MaxPayloadInMB").asInt(TransformRun.DEFAULT_MAX_PAYLOAD_MB);
        if (payload > MAX_PAYLOAD_MB) {
            throw TransformErrors.validation("MaxPayloadInMB cannot be greater than " + MAX_PAYLOAD_MB + " MB.");
        }
        int concurrent = Math.max(1, input.path("MaxConcurrentTransforms").asInt(1));
        if ((long) payload * concurrent > MAX_PAYLOAD_MB) {
            // AWS: "The value of (MaxConcurrentTransforms * MaxPayloadInMB) also cannot exceed 100 MB."
            throw TransformErrors.validation("The product of MaxConcurrentTransforms (" + concurrent
                    + ") and MaxPayloadInMB (" + payload + ") cannot exceed " + MAX_PAYLOAD_MB + " MB.");
        }
        JsonNode processing = input.path("DataProcessing");
        for (String filter : new String[] {"InputFilter", "OutputFilter"}) {
            if (processing.has(filter)) {
                try {
                    JsonPath.parse(processing.get(filter).asText());
                } catch (IllegalArgumentException e) {
                    throw TransformErrors.validation("Invalid " + filter + " '" + processing.get(filter).asText()
                            + "': " + e.getMessage() + ".");
                }
            }
        }
    }

    private void submit(String key) {
        runner.execute(() -> run(key));
    }

    private void run(String key) {
        try {
            if (!startup.isZero()) {
                Thread.sleep(startup.toMillis());
            }
            TransformJob job = update(key, j -> j.status().equals(TransformJob.IN_PROGRESS)
                    ? j.started(clock.instant()) : j);
            if (job == null || job.finished() || job.status().equals(TransformJob.STOPPING) && stopped(key)) {
                return;
            }
            JobLog log = new JobLog(logs, clock, job.region(), job.name(), job.arn());
            Optional<SageMakerModel> model = models.find(job.region(), job.modelName());
            // The job reads its model, its input and writes its output with the model's execution role.
            S3Objects asRole = model.map(m -> RoleS3Objects.actingAs(s3, access,
                    m.definition().path("ExecutionRoleArn").asText(null))).orElse(s3);
            TransformRun.Outcome outcome;
            try {
                outcome = new TransformRun(job, asRole, algorithms, localRepositories, log,
                        () -> closing || stopRequests.contains(key)).run(model);
            } catch (RoleS3Objects.S3AccessDenied e) {
                log.container(e.getMessage());
                outcome = TransformRun.Outcome.failed("ClientError: Access denied to " + e.uri()
                        + " (AccessDenied: Access Denied)");
            }
            TransformRun.Outcome ended = outcome;
            if (!closing) {
                update(key, j -> j.withStatus(ended.status(), ended.failureReason(), clock.instant()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (closing) {
                return;
            }
            LOG.warn("Transform job {} failed inside the emulator", key, e);
            update(key, j -> j.withStatus(TransformJob.FAILED,
                    "InternalServerError: We encountered an internal error. Please try again.", clock.instant()));
        } finally {
            stopRequests.remove(key);
        }
    }

    /** Ends a job whose stop was asked for before it started transforming. */
    private boolean stopped(String key) {
        update(key, j -> j.withStatus(TransformJob.STOPPED, null, clock.instant()));
        return true;
    }

    private synchronized TransformJob update(String key, java.util.function.UnaryOperator<TransformJob> change) {
        return jobs.update(key, change);
    }

    private Object list(ObjectNode input, AwsRequest request) {
        return Listing.jobs(input, jobs.entriesWithPrefix(request.regionOrDefault() + "/").values(),
                new Listing.JobFields<>(TransformJob::name, TransformJob::status, TransformJob::created,
                        TransformJob::lastModified),
                "TransformJobSummaries", TransformJob::summary);
    }

    private synchronized Object stop(ObjectNode input, AwsRequest request) {
        String region = request.regionOrDefault();
        TransformJob job = require(region, input.path("TransformJobName").asText());
        if (!job.status().equals(TransformJob.IN_PROGRESS)) {
            if (job.status().equals(TransformJob.STOPPING)) {
                return null;
            }
            throw TransformErrors.validation("The request was rejected because the transform job is in status "
                    + job.status() + ".");
        }
        String key = Arns.key(region, job.name());
        stopRequests.add(key);
        jobs.put(key, job.withStatus(TransformJob.STOPPING, null, clock.instant()));
        return null;
    }

    /**
     * SageMaker answers an unknown job with a ValidationException whose wording differs by kind of job
     * (aws-controllers-k8s/community issue 431: "Requested resource not found" for training, "Could not
     * find requested job" for processing and transform jobs).
     */
    private TransformJob require(String region, String name) {
        return jobs.get(Arns.key(region, name)).orElseThrow(() -> TransformErrors.jobNotFound(name));
    }

    /** Stops the job threads; jobs still running resume when the emulator starts again on the same state. */
    @Override
    public void close() {
        closing = true;
        runner.shutdownNow();
        try {
            runner.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
