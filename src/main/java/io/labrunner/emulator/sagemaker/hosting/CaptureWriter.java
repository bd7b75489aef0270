package io.labrunner.emulator.sagemaker.hosting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.S3Objects;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes one endpoint's captured requests and responses to S3 as SageMaker does ("Data capture", "View collected
 * data"): JSON Lines files under {@code <DestinationS3Uri>/<EndpointName>/<VariantName>/yyyy/mm/dd/hh/}, one record
 * per sampled request:
 * {@code {"captureData": {"endpointInput": {"observedContentType", "mode": "INPUT", "data", "encoding"},
 * "endpointOutput": {... "mode": "OUTPUT" ...}}, "eventMetadata": {"eventId", "inferenceTime"}, "eventVersion": "0"}}.
 * Records are buffered and written in small files: when a buffer is full, on {@link #flush()} (every second) and on
 * {@link #close()}; a record appended before close is always written.
 */
final class CaptureWriter implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CaptureWriter.class);
    private static final DateTimeFormatter HOUR_PATH = DateTimeFormatter.ofPattern("yyyy/MM/dd/HH")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("mm-ss-SSS")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter INFERENCE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    static final int MAX_RECORDS_PER_FILE = 1000;

    private final S3Objects s3;
    private final String endpoint;
    private final CaptureSettings settings;
    /** Records waiting to be written, by their folder (variant and hour). */
    private final Map<String, Buffer> buffers = new LinkedHashMap<>();

    private static final class Buffer {
        final Instant first;
        final StringBuilder lines = new StringBuilder();
        int count;

        Buffer(Instant first) {
            this.first = first;
        }
    }

    CaptureWriter(S3Objects s3, String endpoint, CaptureSettings settings) {
        this.s3 = s3;
        this.endpoint = endpoint;
        this.settings = settings;
    }

    /** True for the share of requests InitialSamplingPercentage asks for. */
    boolean sampled() {
        return ThreadLocalRandom.current().nextInt(100) < settings.samplingPercentage();
    }

    /** Buffers one request and its answer; written by the next flush at the latest. */
    void append(String variant, Instant at, byte[] input, String inputType, byte[] output, String outputType,
            String inferenceId) {
        ObjectNode record = Json.object();
        ObjectNode data = record.putObject("captureData");
        if (settings.input()) {
            side(data.putObject("endpointInput"), "INPUT", input, inputType);
        }
        if (settings.output()) {
            side(data.putObject("endpointOutput"), "OUTPUT", output, outputType);
        }
        ObjectNode metadata = record.putObject("eventMetadata");
        metadata.put("eventId", UUID.randomUUID().toString());
        if (inferenceId != null) {
            metadata.put("inferenceId", inferenceId);
        }
        metadata.put("inferenceTime", INFERENCE_TIME.format(at));
        record.put("eventVersion", "0");
        String line = record.toString();
        String folder = variant + "/" + HOUR_PATH.format(at);
        Buffer full = null;
        synchronized (this) {
            Buffer buffer = buffers.computeIfAbsent(folder, f -> new Buffer(at));
            buffer.lines.append(line).append('\n');
            if (++buffer.count >= MAX_RECORDS_PER_FILE) {
                full = buffers.remove(folder);
            }
            if (full != null) {
                write(folder, full);
            }
        }
    }

    private void side(ObjectNode node, String mode, byte[] body, String contentType) {
        String encoding = settings.encoding(contentType);
        node.put("observedContentType", contentType == null ? "" : contentType);
        node.put("mode", mode);
        node.put("data", encoding.equals("BASE64") ? Base64.getEncoder().encodeToString(body)
                : new String(body, StandardCharsets.UTF_8));
        node.put("encoding", encoding);
    }

    /** Writes every buffered record. */
    synchronized void flush() {
        List<Map.Entry<String, Buffer>> pending = new ArrayList<>(buffers.entrySet());
        buffers.clear();
        for (Map.Entry<String, Buffer> entry : pending) {
            write(entry.getKey(), entry.getValue());
        }
    }

    private void write(String folder, Buffer buffer) {
        String name = FILE_TIME.format(buffer.first.truncatedTo(ChronoUnit.MILLIS)) + "-" + UUID.randomUUID()
                + ".jsonl";
        String key = settings.destination().child(endpoint + "/" + folder + "/" + name);
        try {
            s3.put(settings.destination().bucket(), key, buffer.lines.toString().getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            // SageMaker keeps serving when it cannot write the capture (a missing bucket); the records are lost.
            LOG.warn("Data capture of endpoint {} could not be written to s3://{}/{}: {}", endpoint,
                    settings.destination().bucket(), key, e.getMessage());
        }
    }

    @Override
    public void close() {
        flush();
    }
}
