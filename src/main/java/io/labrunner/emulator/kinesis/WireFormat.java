package io.labrunner.emulator.kinesis;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.labrunner.emulator.AwsRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The two encodings the Kinesis API speaks. SDK v2 sends CBOR by default and JSON when CBOR is
 * disabled; a response is always in the request's encoding. Blobs are byte strings in CBOR and
 * base64 text in JSON. Timestamps are CBOR tag 1 over epoch milliseconds (what the SDK's
 * {@code SdkCborGenerator} writes and its CBOR protocol factory reads) and epoch seconds with a
 * fraction in JSON.
 */
enum WireFormat {
    JSON("application/x-amz-json-1.1", new ObjectMapper()),
    CBOR("application/x-amz-cbor-1.1", new CBORMapper());

    private final String contentType;
    private final ObjectMapper mapper;

    WireFormat(String contentType, ObjectMapper mapper) {
        this.contentType = contentType;
        this.mapper = mapper.registerModule(new SimpleModule().addSerializer(Instant.class, new TimestampSerializer())
                        .addSerializer(StoredRecord.class, new RecordSerializer()))
                .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                        JsonInclude.Include.NON_NULL));
    }

    static WireFormat of(AwsRequest request) {
        String type = request.header("content-type").orElse("");
        return type.toLowerCase(Locale.ROOT).contains("cbor") ? CBOR : JSON;
    }

    String contentType() {
        return contentType;
    }

    /** The request body as a tree; an empty body reads as an empty object. */
    JsonNode read(byte[] body) {
        if (body == null || body.length == 0) {
            return mapper.createObjectNode();
        }
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || !node.isObject()) {
                throw KinesisErrors.serialization("Start of structure or map expected.");
            }
            return node;
        } catch (IOException e) {
            throw KinesisErrors.serialization("Could not parse the request body as " + name() + ".");
        }
    }

    byte[] write(Map<String, ?> body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a response", e);
        }
    }

    /** A timestamp member in epoch milliseconds. */
    long timestampMillis(JsonNode node) {
        if (!node.isNumber() || (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue()))) {
            throw KinesisErrors.serialization("Unexpected value type: a timestamp is seconds since the epoch");
        }
        if (this == CBOR && node.isIntegralNumber()) {
            return node.longValue();
        }
        return node.decimalValue().movePointRight(3).longValue();
    }

    /**
     * A GetRecords record, written field by field: a response holds up to 10,000 of them, and going
     * through a map per record made serialization the larger part of a GetRecords call.
     */
    private static final class RecordSerializer extends StdSerializer<StoredRecord> {
        RecordSerializer() {
            super(StoredRecord.class);
        }

        @Override
        public void serialize(StoredRecord r, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("SequenceNumber", r.sequenceNumber());
            gen.writeFieldName("ApproximateArrivalTimestamp");
            writeTimestamp(gen, r.arrivalMillis());
            gen.writeFieldName("Data");
            gen.writeBinary(r.data());
            gen.writeStringField("PartitionKey", r.partitionKey());
            gen.writeEndObject();
        }
    }

    private static void writeTimestamp(JsonGenerator gen, long millis) throws IOException {
        if (gen instanceof CBORGenerator cbor) {
            cbor.writeTag(1);
            cbor.writeNumber(millis);
        } else {
            gen.writeNumber(BigDecimal.valueOf(millis, 3));
        }
    }

    private static final class TimestampSerializer extends StdSerializer<Instant> {
        TimestampSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            writeTimestamp(gen, value.toEpochMilli());
        }
    }
}
