package io.labrunner.emulator.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.Json;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The record operations, PutRecord and PutRecordBatch: each hands the records to the {@link Deliverer}'s
 * buffers. Run under the lock of {@link DeliveryStreams}, on the request region's streams.
 */
final class RecordOperations {
    static final long MAX_BATCH_BYTES = 4L * 1024 * 1024;
    private static final String SLOW_DOWN = "Slow down.";

    private final Deliverer deliverer;
    private final Clock clock;

    RecordOperations(Deliverer deliverer, Clock clock) {
        this.deliverer = deliverer;
        this.clock = clock;
    }

    ObjectNode putRecord(Map<String, DeliveryStream> streams, ObjectNode in) {
        DeliveryStream stream = writable(streams, in);
        byte[] data = data(in.get("Record"));
        if (!deliverer.accept(stream, data, clock.millis())) {
            throw new AwsException("ServiceUnavailableException", SLOW_DOWN, 503);
        }
        return Json.object().put("RecordId", recordId()).put("Encrypted", false);
    }

    ObjectNode putRecordBatch(Map<String, DeliveryStream> streams, ObjectNode in) {
        DeliveryStream stream = writable(streams, in);
        List<byte[]> decoded = new ArrayList<>();
        long total = 0;
        for (JsonNode record : in.get("Records")) {
            byte[] data = data(record);
            total += data.length;
            decoded.add(data);
        }
        // The model bounds each record and the count; the 4 MiB per call is a limit AWS enforces in code
        // (https://docs.aws.amazon.com/firehose/latest/APIReference/API_PutRecordBatch.html).
        if (total > MAX_BATCH_BYTES) {
            throw FirehoseErrors.invalidArgument("Records size exceeds 4 MiB limit");
        }
        long now = clock.millis();
        ObjectNode out = Json.object();
        ArrayNode responses = out.putArray("RequestResponses");
        int failed = 0;
        for (byte[] data : decoded) {
            if (deliverer.accept(stream, data, now)) {
                responses.addObject().put("RecordId", recordId());
            } else {
                // Each record fails on its own, as PutRecordBatch reports throttling; the caller resends those.
                failed++;
                responses.addObject().put("ErrorCode", "ServiceUnavailableException").put("ErrorMessage", SLOW_DOWN);
            }
        }
        out.put("FailedPutCount", failed);
        out.put("Encrypted", false);
        return out;
    }

    /** A record's data, which the core has decoded from base64 and held to the model's 1,000 KiB. */
    private static byte[] data(JsonNode record) {
        return ((BinaryNode) record.get("Data")).binaryValue();
    }

    private static DeliveryStream writable(Map<String, DeliveryStream> streams, JsonNode in) {
        DeliveryStream stream = DeliveryStreamOperations.existing(streams, in);
        if (stream.status() != DeliveryStatus.ACTIVE) {
            throw FirehoseErrors.notFound(stream.name());
        }
        if (stream.type().equals(DeliveryStream.KINESIS_SOURCE)) {
            throw FirehoseErrors.invalidArgument("This operation is not permitted on KinesisStreamAsSource delivery stream type.");
        }
        return stream;
    }

    private static String recordId() {
        byte[] id = new byte[56];
        ThreadLocalRandom.current().nextBytes(id);
        return HexFormat.of().formatHex(id);
    }
}
