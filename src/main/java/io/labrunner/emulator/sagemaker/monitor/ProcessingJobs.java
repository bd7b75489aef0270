package io.labrunner.emulator.sagemaker.monitor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.DaemonThreads;
import io.labrunner.emulator.S3Objects;
import io.labrunner.emulator.cloudwatch.MetricSink;
import io.labrunner.emulator.logs.LogWriter;
import io.labrunner.emulator.protocol.JsonProtocolService;
import io.labrunner.emulator.sagemaker.OperationGroup;
import io.labrunner.emulator.sagemaker.ResourceTags;
import io.labrunner.emulator.sagemaker.SageMakerErrors;
import io.labrunner.emulator.sagemaker.TagOperations;
import io.labrunner.emulator.sagemaker.transform.Listing;
import io.labrunner.emulator.state.StateMap;
import io.labrunner.emulator.state.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processing jobs: CreateProcessingJob, DescribeProcessingJob, ListProcessingJobs and StopProcessingJob.
 * The only container that runs is Model Monitor's built-in analyzer; a job with any other image fails with a
 * reason that says so. Jobs run on background threads, their state survives restarts, and a job that was
 * running when the emulator stopped runs again when it starts. Monitoring schedules start their executions
 * here too.
 */
public final class ProcessingJobs implements OperationGroup {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessingJobs.class);
    /** How long a job stays InProgress before it starts analyzing: long enough that code which does not wait sees it. */
    public static final Duration DEFAULT_STARTUP = Duration.ofMillis(300);
    static final String LOG_GROUP = "/aws/sagemaker/ProcessingJobs";

    private final S3Objects s3;
    private final ResourceTags tags;
    private final LogWriter logs;
    private final MetricSink metrics;
    private final Clock clock;
    private final Duration startup;
    private final Path workRoot;
    private final StateMap<ProcessingJob> jobs;
    private final Set<String> stopRequests = ConcurrentHashMap.newKeySet();
    private final ExecutorService runner;
    private volatile boolean closing;

    public ProcessingJobs(S3Objects s3, ResourceTags tags, LogWriter logs, MetricSink metrics, StateStore state,
            Path workRoot, Clock clock, Duration startup) {
        this.s3 = s3;
        this.tags = tags;
        this.logs = logs;
        this.metrics = metrics;
        this.clock = clock;
        this.startup = startup;
        this.workRoot = workRoot;
        this.jobs = state.map("sagemaker.processing-jobs", ProcessingJob.class);
        this.runner = Executors.newFixedThreadPool(2, DaemonThreads.numbered("sagemaker-processing-"));
        resume();
    }

    @Override
    public void register(JsonProtocolService.Builder service) {
        service
                .handler("CreateProcessingJob", this::create)
                .handler("DescribeProcessingJob", (input, request) -> require(request.regionOrDefault(),
                        input.path("ProcessingJobName").asText()).describe())
                .handler("ListProcessingJobs", this::list)
                .handler("StopProcessingJob", this::stop);
    }

    private void resume() {
        for (Map.Entry<String, ProcessingJob> entry : jobs.entries().entrySet()) {
            ProcessingJob job = entry.getValue();
            if (job.status().equals(ProcessingJob.STOPPING)) {
                jobs.put(entry.getKey(), job.ended(ProcessingJob.STOPPED, null, null, clock.instant()));
            } else if (job.status().equals(ProcessingJob.IN_PROGRESS)) {
                submit(entry.getKey());
            }
        }
    }

    private Object create(ObjectNode input, AwsRequest request) {
        String region = request.regionOrDefault();
        String arn = start(region, input.path("ProcessingJobName").asText(), input, null);
        if (input.has("Tags")) {
            tags.put(arn, TagOperations.tagsOf(input.get("Tags")));
        }
        return Map.of("ProcessingJobArn", arn);
    }

    /**
     * Starts a job; a monitoring schedule calls this for each execution.
     *
     * @return the job's ARN
     */
    synchronized String start(String region, String name, ObjectNode input, String scheduleArn) {
        String arn = MonitorArns.processingJob(region, name);
        String key = MonitorArns.key(region, name);
        if (jobs.get(key).isPresent()) {
            throw SageMakerErrors.resourceInUse("Job name must be unique within an AWS account and region, and a job "
                    + "with this name already exists (" + arn + ")");
        }
        ObjectNode stored = input.deepCopy();
        stored.remove("Tags");
        stored.remove("ProcessingJobName");
        var now = clock.instant();
        jobs.put(key, new ProcessingJob(region, name, arn, stored, ProcessingJob.IN_PROGRESS, null, null, scheduleArn,
                now, null, null, now));
        submit(key);
        return arn;
    }

    Optional<ProcessingJob> find(String region, String name) {
        return jobs.get(MonitorArns.key(region, name));
    }

    private void submit(String key) {
        runner.execute(() -> run(key));
    }

    private void run(String key) {
        Path work = null;
        try {
            if (!startup.isZero()) {
                Thread.sleep(startup.toMillis());
            }
            ProcessingJob job = update(key, j -> j.status().equals(ProcessingJob.IN_PROGRESS) ? j.started(clock.instant())
                    : j);
            if (job == null || job.finished()) {
                return;
            }
            if (job.status().equals(ProcessingJob.STOPPING)) {
                update(key, j -> j.ended(ProcessingJob.STOPPED, null, null, clock.instant()));
                return;
            }
            String image = job.request().path("AppSpecification").path("ImageUri").asText();
            if (!AnalyzerImage.isAnalyzer(image)) {
                update(key, j -> j.ended(ProcessingJob.FAILED, null, "ClientError: The embedded emulator runs only "
                        + "SageMaker Model Monitor's built-in analyzer (" + AnalyzerImage.uri(j.region())
                        + "); image " + image + " cannot run here.", clock.instant()));
                return;
            }
            work = Files.createDirectories(workRoot).resolve("processing-" + Integer.toHexString(key.hashCode())
                    + "-" + System.nanoTime());
            Files.createDirectories(work);
            String stream = job.name() + "/algo-1-" + clock.instant().getEpochSecond();
            AnalyzerRun.Outcome outcome = new AnalyzerRun(job.region(), job.request(), s3, work, metrics,
                    line -> logs.append(job.region(), LOG_GROUP, stream, clock.millis(), line)).run();
            if (!closing) {
                update(key, j -> j.status().equals(ProcessingJob.STOPPING)
                        ? j.ended(ProcessingJob.STOPPED, null, null, clock.instant())
                        : j.ended(ProcessingJob.COMPLETED, outcome.exitMessage(), null, clock.instant()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (AnalyzerException e) {
            // An execution with nothing captured fails with the analyzer's own words, which labs look for.
            String reason = e.getMessage().equals(AnalysisTable.NO_DATA) ? e.getMessage()
                    : "AlgorithmError: " + e.getMessage();
            update(key, j -> j.ended(ProcessingJob.FAILED, null, reason, clock.instant()));
        } catch (Exception e) {
            if (closing) {
                return;
            }
            LOG.warn("Processing job {} failed inside the emulator", key, e);
            String reason = e instanceof java.sql.SQLException
                    ? "AlgorithmError: the dataset could not be read: " + firstLine(e.getMessage())
                    : "InternalServerError: We encountered an internal error. Please try again.";
            update(key, j -> j.ended(ProcessingJob.FAILED, null, reason, clock.instant()));
        } finally {
            stopRequests.remove(key);
            delete(work);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static void delete(Path work) {
        if (work == null) {
            return;
        }
        try (var files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A work folder left behind is harmless: the next run uses a new one.
        }
    }

    private synchronized ProcessingJob update(String key, UnaryOperator<ProcessingJob> change) {
        return jobs.update(key, change);
    }

    private Object list(ObjectNode input, AwsRequest request) {
        return Listing.jobs(input, jobs.entriesWithPrefix(request.regionOrDefault() + "/").values(),
                new Listing.JobFields<>(ProcessingJob::name, ProcessingJob::status, ProcessingJob::created,
                        ProcessingJob::lastModified),
                "ProcessingJobSummaries", ProcessingJob::summary);
    }

    private synchronized Object stop(ObjectNode input, AwsRequest request) {
        String region = request.regionOrDefault();
        ProcessingJob job = require(region, input.path("ProcessingJobName").asText());
        if (!job.status().equals(ProcessingJob.IN_PROGRESS)) {
            if (job.status().equals(ProcessingJob.STOPPING)) {
                return null;
            }
            throw SageMakerErrors.validation("The request was rejected because the processing job is in status "
                    + job.status() + ".");
        }
        String key = MonitorArns.key(region, job.name());
        stopRequests.add(key);
        jobs.put(key, job.ended(ProcessingJob.STOPPING, null, null, clock.instant()));
        return null;
    }

    /** Unknown processing jobs answer "Could not find requested job" (aws-controllers-k8s/community issue 431). */
    private ProcessingJob require(String region, String name) {
        return find(region, name).orElseThrow(() -> notFound(name));
    }

    static AwsException notFound(String name) {
        return SageMakerErrors.validation("Could not find requested job with name " + name);
    }

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
