package io.labrunner.emulator.sagemaker.transform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.S3Objects;
import io.labrunner.emulator.sagemaker.S3Uri;
import io.labrunner.emulator.sagemaker.algorithms.Algorithm;
import io.labrunner.emulator.sagemaker.algorithms.AlgorithmException;
import io.labrunner.emulator.sagemaker.algorithms.Predictor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * One run of a transform job, as SageMaker's batch transform does it: load the model from its artifact in
 * the image's algorithm, then for each input object send its records in mini-batches and write
 * {@code <S3OutputPath>/<object>.out} once every record of the object has its prediction.
 *
 * <p>What AWS documents for errors ("Batch Transform Errors"): an object with a bad record gets no output
 * file, the other objects are still transformed and keep their output, and the job ends Failed. A stopped
 * job stores no output ("When you stop a transform job before it is completed, SageMaker doesn't store the
 * job's output in Amazon S3"), so outputs already written are removed.
 */
final class TransformRun {
    /** MaxPayloadInMB when the job gives none, as AWS documents it. */
    static final int DEFAULT_MAX_PAYLOAD_MB = 6;
    private static final int MB = 1024 * 1024;

    private final TransformJob job;
    private final S3Objects s3;
    private final Function<String, Optional<Algorithm>> algorithms;
    private final Collection<String> localRepositories;
    private final JobLog log;
    private final BooleanSupplier stopRequested;
    private final List<S3Uri> written = new ArrayList<>();

    TransformRun(TransformJob job, S3Objects s3, Function<String, Optional<Algorithm>> algorithms,
            Collection<String> localRepositories, JobLog log, BooleanSupplier stopRequested) {
        this.job = job;
        this.s3 = s3;
        this.algorithms = algorithms;
        this.localRepositories = localRepositories;
        this.log = log;
        this.stopRequested = stopRequested;
    }

    /** How a run ended: Completed, Failed with its reason, or Stopped. */
    record Outcome(String status, String failureReason) {
        static Outcome failed(String reason) {
            return new Outcome(TransformJob.FAILED, reason.length() > 1024 ? reason.substring(0, 1024) : reason);
        }
    }

    /** Runs the job against {@code model} (empty when it was deleted since the job was created). */
    Outcome run(Optional<SageMakerModel> model) {
        if (model.isEmpty()) {
            return Outcome.failed("Could not find model \"" + Arns.model(job.region(), job.modelName()) + "\".");
        }
        Predictor predictor;
        try {
            predictor = new ModelLoader(s3, algorithms, localRepositories).load(model.get(), log::container);
        } catch (IllegalArgumentException e) {
            return Outcome.failed(e.getMessage());
        } catch (AlgorithmException e) {
            log.container(e.getMessage());
            return Outcome.failed(e.getMessage());
        }
        ObjectNode input = (ObjectNode) job.request().path("TransformInput");
        ObjectNode output = (ObjectNode) job.request().path("TransformOutput");
        S3Uri outputPath = S3Uri.parse(output.path("S3OutputPath").asText()).orElseThrow();
        List<InputObject> objects;
        try {
            objects = InputObjects.list(s3, input.path("DataSource").path("S3DataSource").path("S3DataType").asText(),
                    input.path("DataSource").path("S3DataSource").path("S3Uri").asText(),
                    model.get().definition().path("ExecutionRoleArn").asText(null));
        } catch (IllegalArgumentException e) {
            return Outcome.failed(e.getMessage());
        }
        if (!s3.bucketExists(outputPath.bucket())) {
            return Outcome.failed("ClientError: Failed to upload the output to " + outputPath
                    + ": the bucket does not exist.");
        }
        Batching batching = batching();
        log.data("MaxConcurrentTransforms=" + Math.max(1, job.request().path("MaxConcurrentTransforms").asInt(1))
                + ", MaxPayloadInMB=" + batching.maxPayloadMb() + ", BatchStrategy="
                + (batching.multiRecord() ? "MULTI_RECORD" : "SINGLE_RECORD"));
        int failedObjects = 0;
        for (InputObject object : objects) {
            if (stopRequested.getAsBoolean()) {
                return stop();
            }
            Optional<byte[]> result = transform(object, predictor, input, output, batching);
            if (stopRequested.getAsBoolean()) {
                return stop();
            }
            if (result.isEmpty()) {
                failedObjects++;
                continue;
            }
            S3Uri target = new S3Uri(outputPath.bucket(), outputPath.child(object.relative() + ".out"));
            s3.put(target.bucket(), target.key(), result.get());
            written.add(target);
        }
        if (failedObjects > 0) {
            return Outcome.failed("ClientError: See job logs for more information");
        }
        return new Outcome(TransformJob.COMPLETED, null);
    }

    private Outcome stop() {
        written.forEach(uri -> s3.delete(uri.bucket(), uri.key()));
        return new Outcome(TransformJob.STOPPED, null);
    }

    private record Batching(boolean multiRecord, int maxPayloadMb) {
        long maxPayloadBytes() {
            // 0 means "stream" on AWS, which built-in algorithms do not support; here it means no limit.
            return maxPayloadMb == 0 ? Long.MAX_VALUE : (long) maxPayloadMb * MB;
        }
    }

    private Batching batching() {
        return new Batching(!"SingleRecord".equals(job.request().path("BatchStrategy").asText("MultiRecord")),
                job.request().path("MaxPayloadInMB").asInt(DEFAULT_MAX_PAYLOAD_MB));
    }

    /** The object's output, or empty when one of its records failed (the reason is in the job's logs). */
    private Optional<byte[]> transform(InputObject object, Predictor predictor, ObjectNode input, ObjectNode output,
            Batching batching) {
        String contentType = input.path("ContentType").asText(null);
        String accept = output.path("Accept").asText(null);
        boolean lineAssembly = "Line".equals(output.path("AssembleWith").asText("None"));
        try {
            byte[] body = s3.get(object.bucket(), object.key()).orElseThrow(() ->
                    new IllegalArgumentException("the object no longer exists"));
            byte[] content = InputRecords.decompress(body, input.path("CompressionType").asText("None"));
            RecordProcessing processing = RecordProcessing.of(job.request().path("DataProcessing"), contentType,
                    accept);
            List<List<String>> batches = batches(content, input.path("SplitType").asText("None"), contentType,
                    batching);
            StringBuilder result = new StringBuilder();
            for (List<String> batch : batches) {
                if (stopRequested.getAsBoolean()) {
                    return Optional.empty();
                }
                List<String> modelInputs = new ArrayList<>(batch.size());
                for (String record : batch) {
                    modelInputs.add(processing.modelInput(record));
                }
                List<String> predictions = predictor.predict(modelInputs, contentType, accept);
                if (predictions.size() != batch.size()) {
                    throw AlgorithmException.algorithmError("the model returned " + predictions.size()
                            + " predictions for " + batch.size() + " records");
                }
                List<String> results = new ArrayList<>(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    results.add(processing.result(batch.get(i), predictions.get(i)));
                }
                // Line puts a newline after every record; None concatenates the container's responses as they
                // come, one response per mini-batch with its records on separate lines.
                result.append(lineAssembly ? String.join("\n", results) + "\n" : String.join("\n", results));
            }
            return Optional.of(result.toString().getBytes(StandardCharsets.UTF_8));
        } catch (PayloadTooLarge e) {
            log.data(object.displayName() + ": ClientError: 413");
            log.data(object.displayName() + ": " + e.getMessage());
        } catch (AlgorithmException e) {
            log.data(object.displayName() + ": ClientError: 400");
            log.container(e.getMessage());
        } catch (IllegalArgumentException e) {
            log.data(object.displayName() + ": ClientError: 400");
            log.data(object.displayName() + ": " + e.getMessage());
        }
        return Optional.empty();
    }

    /** The requests one object becomes: its records cut into mini-batches within MaxPayloadInMB. */
    private static List<List<String>> batches(byte[] content, String splitType, String contentType, Batching batching) {
        if (!"Line".equals(splitType)) {
            if (!"None".equals(splitType)) {
                throw new IllegalArgumentException("SplitType " + splitType
                        + " is not supported by the embedded emulator's Batch Transform; use Line or None.");
            }
            if (content.length > batching.maxPayloadBytes()) {
                throw new PayloadTooLarge(content.length, batching.maxPayloadMb());
            }
            return List.of(InputRecords.recordsOfWholeBody(content, contentType));
        }
        List<List<String>> batches = new ArrayList<>();
        List<String> current = new ArrayList<>();
        long size = 0;
        for (String record : InputRecords.lines(content)) {
            long bytes = record.getBytes(StandardCharsets.UTF_8).length + 1L;
            if (bytes > batching.maxPayloadBytes()) {
                throw new PayloadTooLarge(bytes, batching.maxPayloadMb());
            }
            if (!current.isEmpty() && (!batching.multiRecord() || size + bytes > batching.maxPayloadBytes())) {
                batches.add(current);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(record);
            size += bytes;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    /** A request larger than MaxPayloadInMB, which SageMaker refuses to send. */
    private static final class PayloadTooLarge extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        PayloadTooLarge(long bytes, int maxMb) {
            super("a request of " + bytes + " bytes is larger than MaxPayloadInMB (" + maxMb + " MB)");
        }
    }
}
