package io.labrunner.emulator.sagemaker.training;

import io.labrunner.emulator.S3Objects;
import io.labrunner.emulator.iam.access.ServiceAccess;
import io.labrunner.emulator.sagemaker.RoleS3Objects;
import io.labrunner.emulator.logs.LogWriter;
import io.labrunner.emulator.sagemaker.S3Uri;
import io.labrunner.emulator.sagemaker.algorithms.Algorithm;
import io.labrunner.emulator.sagemaker.algorithms.AlgorithmException;
import io.labrunner.emulator.sagemaker.algorithms.ChannelData;
import io.labrunner.emulator.sagemaker.algorithms.TrainedModel;
import io.labrunner.emulator.sagemaker.algorithms.TrainedModel.FinalMetric;
import io.labrunner.emulator.sagemaker.algorithms.TrainingInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One training job's run, on a training thread: Starting → Downloading → Training → Uploading → Completed,
 * or Failed with the container's reason, or Stopped. The artifact is written only once training has
 * succeeded, in one put, so a stopped or failed job leaves nothing in S3.
 */
final class TrainingRun implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);
    static final String LOG_GROUP = "/aws/sagemaker/TrainingJobs";

    /** What every run shares. */
    record Context(TrainingJobStore store, AlgorithmRegistry algorithms, ServiceAccess access, S3Objects s3,
            LogWriter logs, LatestMetrics metrics, TrainingTimings timings, Clock clock, Path workRoot) {
    }

    private final Context context;
    private final String region;
    private final String name;
    private final StopSignal stop;
    private final Runnable finished;

    TrainingRun(Context context, String region, String name, StopSignal stop, Runnable finished) {
        this.context = context;
        this.region = region;
        this.name = name;
        this.stop = stop;
        this.finished = finished;
    }

    @Override
    public void run() {
        if (!stop.claim()) {
            finished.run(); // stopped while it waited for an instance: StopTrainingJob has ended it already
            return;
        }
        Path work = null;
        try {
            say("Preparing the instances for training");
            pause(context.timings().starting());
            TrainingJob job = current();
            // Everything the job reads and writes in S3 it does with its execution role's permissions.
            S3Objects s3 = RoleS3Objects.actingAs(context.s3(), context.access(), job.request().path("RoleArn")
                    .asText(null));
            Optional<Algorithm> algorithm = context.algorithms().forImage(job.request().path("AlgorithmSpecification")
                    .path("TrainingImage").asText(null));
            update(j -> j.enter(TrainingJob.IN_PROGRESS, "Downloading", "Downloading input data", now())
                    .startedTraining(now()));
            work = Files.createTempDirectory(context.workRoot(), "job-");
            Map<String, ChannelData> channels = new ChannelFetcher(s3).fetch(job.request().path("InputDataConfig"), work,
                    stop::requested);
            pause(context.timings().downloading());
            update(j -> j.enter(TrainingJob.IN_PROGRESS, "Training", "Downloading the training image", now()));
            pause(context.timings().imagePull());
            if (algorithm.isEmpty()) {
                String image = job.request().path("AlgorithmSpecification").path("TrainingImage")
                        .asText(job.request().path("AlgorithmSpecification").path("AlgorithmName").asText());
                fail(context.algorithms().cannotRun(image));
                return;
            }
            say("Training image download completed. Training in progress.");
            TrainedModel model = algorithm.get().train(new TrainingInput(hyperParameters(job), channels,
                    stopRequested(job)), context.metrics().parsing(region, name, algorithm.get().metrics(), logStream()));
            update(j -> j.enter(TrainingJob.IN_PROGRESS, "Uploading", "Uploading generated training model", now()));
            pause(context.timings().uploading());
            S3Uri output = S3Uri.parse(job.request().path("OutputDataConfig").path("S3OutputPath").asText()).orElseThrow();
            if (!context.s3().bucketExists(output.bucket())) {
                fail("ClientError: Unable to upload the model artifact: the bucket '" + output.bucket()
                        + "' of S3OutputPath does not exist.");
                return;
            }
            if (stop.requested()) {
                throw AlgorithmException.stopped();
            }
            S3Uri artifact;
            try {
                artifact = upload(s3, output, job, model);
            } catch (RoleS3Objects.S3AccessDenied e) {
                // SageMaker's prefix for a failed upload (aws/amazon-sagemaker-operator-for-k8s#22 quotes one).
                fail("ClientError: Artifact upload failed:Unable to upload object " + e.uri()
                        + " (AccessDenied: Access Denied)");
                return;
            }
            finish(j -> j.end(TrainingJob.COMPLETED, "Completed", "Training job completed", null, model.metrics(),
                    artifact.toString(), now()));
        } catch (AlgorithmException e) {
            if (e.isStop()) {
                ended(current().secondaryStatus().equals("MaxRuntimeExceeded") ? null : "Stopped");
            } else {
                fail(e.getMessage());
            }
        } catch (RuntimeException | IOException | Error e) {
            LOG.warn("Training job {} failed inside the emulator", name, e);
            fail("InternalServerError: The training job failed inside the emulator ("
                    + e.getClass().getSimpleName() + "); see the emulator's log.");
        } finally {
            deleteQuietly(work);
            finished.run();
        }
    }

    /**
     * Writes the model where SageMaker does: {@code <job>/output/model.tar.gz}, or with OutputDataConfig's
     * CompressionType NONE each file under {@code <job>/output/model/}. Nothing else is written: SageMaker's
     * {@code output.tar.gz} holds only what a container leaves in /opt/ml/output/data, and these write none.
     */
    private S3Uri upload(S3Objects s3, S3Uri output, TrainingJob job, TrainedModel model) {
        if ("NONE".equals(job.request().path("OutputDataConfig").path("CompressionType").asText())) {
            S3Uri folder = new S3Uri(output.bucket(), output.child(job.name() + "/output/model/"));
            model.files().forEach((file, body) -> s3.put(folder.bucket(), folder.key() + file, body));
            return folder;
        }
        S3Uri artifact = new S3Uri(output.bucket(), output.child(job.name() + "/output/model.tar.gz"));
        s3.put(artifact.bucket(), artifact.key(), ModelArchive.pack(model.files(), now().toEpochMilli()));
        return artifact;
    }

    private BooleanSupplier stopRequested(TrainingJob job) {
        long maxRuntime = job.request().path("StoppingCondition").path("MaxRuntimeInSeconds").asLong(86_400);
        Instant deadline = current().trainingStart().plusSeconds(maxRuntime);
        return () -> {
            if (stop.requested()) {
                return true;
            }
            if (now().isAfter(deadline)) {
                update(j -> j.enter(TrainingJob.STOPPING, "MaxRuntimeExceeded",
                                "Training job runtime exceeded MaxRuntimeInSeconds provided", now()));
                stop.stop();
                return true;
            }
            return false;
        };
    }

    /**
     * Ends a stopped job: Stopped, and SecondaryStatus Stopped (or MaxRuntimeExceeded, when that stopped it). Its
     * final metrics are the last values parsed from its log, as SageMaker reports them for a job a tuning job
     * stopped early.
     */
    private void ended(String secondary) {
        List<FinalMetric> last = context.metrics().asFinal(region, name);
        finish(j -> {
            if (secondary == null) {
                return j.endIn(TrainingJob.STOPPED, last, now());
            }
            return j.end(TrainingJob.STOPPED, "Stopped", "Training job stopped", null, last, null, now());
        });
    }

    private void fail(String reason) {
        if (stop.requested()) {
            ended(current().secondaryStatus().equals("MaxRuntimeExceeded") ? null : "Stopped");
            return;
        }
        finish(j -> j.end(TrainingJob.FAILED, "Failed", "Training job failed", reason, List.of(),
                null, now()));
    }

    /** Waits, and gives up as a stopped job when a stop request comes meanwhile. */
    private void pause(Duration time) throws AlgorithmException {
        if (stop.await(time)) {
            throw AlgorithmException.stopped();
        }
    }

    private void say(String message) {
        update(j -> TrainingJob.IN_PROGRESS.equals(j.status()) ? j.say(message, now()) : j);
    }

    /** Applies a step of the run, unless the job has ended or is being stopped meanwhile. */
    private void update(UnaryOperator<TrainingJob> step) {
        context.store().update(region, name, j -> j.ended() || TrainingJob.STOPPING.equals(j.status()) ? j
                : step.apply(j));
    }

    /** Ends the job, whether it is running or being stopped; an ended job stays as it is. */
    private void finish(UnaryOperator<TrainingJob> end) {
        context.store().update(region, name, j -> j.ended() ? j : end.apply(j));
    }

    private TrainingJob current() {
        return context.store().get(region, name).orElseThrow();
    }

    private Instant now() {
        return context.clock().instant();
    }

    private static Map<String, String> hyperParameters(TrainingJob job) {
        Map<String, String> out = new LinkedHashMap<>();
        job.request().path("HyperParameters").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /**
     * The job's CloudWatch Logs stream, {@code <job>/algo-1-<epoch seconds>}, opened with the line SageMaker's
     * built-in containers print first.
     */
    private io.labrunner.emulator.sagemaker.algorithms.TrainingLog logStream() {
        String stream = name + "/algo-1-" + now().getEpochSecond();
        io.labrunner.emulator.sagemaker.algorithms.TrainingLog log = line ->
                context.logs().append(region, LOG_GROUP, stream, now().toEpochMilli(), line);
        log.line("Arguments: train");
        return log;
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.debug("Could not remove the training work folder {}", folder, e);
        }
    }
}
