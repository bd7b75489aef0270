package io.labrunner.emulator.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * The encodings of the AWS JSON protocols: JSON text, and CBOR, which SDK v2 speaks to
 * Kinesis by default ({@code application/x-amz-cbor-1.1}); and Smithy RPC v2 CBOR
 * ({@code application/cbor}, CloudWatch), whose timestamps are tag 1 over epoch <em>seconds</em>. A response is
 * always in the request's encoding. Blobs are base64 text in JSON and byte strings in CBOR.
 */
public enum WireFormat {
    JSON(new ObjectMapper()),
    CBOR(new CBORMapper()),
    /** Smithy RPC v2 CBOR: chosen by the request's path and {@code smithy-protocol} header, never by {@link #of}. */
    RPC_V2_CBOR(new CBORMapper());

    static final String CBOR_CONTENT_TYPE = "application/x-amz-cbor-1.1";
    static final String RPC_V2_CBOR_CONTENT_TYPE = "application/cbor";
    private static final String JSON_CONTENT_TYPE = "application/x-amz-json-";

    private final ObjectMapper reader;

    WireFormat(ObjectMapper mapper) {
        // Floats read exactly, so 1e400 is seen as too large instead of becoming Infinity.
        this.reader = mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /**
     * The format a request's Content-Type names: {@code application/x-amz-json-1.0} or {@code -1.1},
     * or the CBOR type; empty for any other (AWS then cannot tell which operation is meant).
     */
    public static Optional<WireFormat> of(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        type = (semicolon < 0 ? type : type.substring(0, semicolon)).trim();
        if (type.equals(CBOR_CONTENT_TYPE)) {
            return Optional.of(CBOR);
        }
        if (type.equals(JSON_CONTENT_TYPE + "1.1") || type.equals(JSON_CONTENT_TYPE + "1.0")) {
            return Optional.of(JSON);
        }
        return Optional.empty();
    }

    /** The Content-Type of a response in this format, for a JSON protocol of {@code jsonVersion}. */
    public String contentType(String jsonVersion) {
        return switch (this) {
            case CBOR -> CBOR_CONTENT_TYPE;
            case RPC_V2_CBOR -> RPC_V2_CBOR_CONTENT_TYPE;
            case JSON -> JSON_CONTENT_TYPE + (jsonVersion == null ? "1.1" : jsonVersion);
        };
    }

    /** The body as a tree, or empty when it is not well-formed in this format. */
    Optional<JsonNode> read(byte[] body) {
        try {
            return Optional.ofNullable(reader.readTree(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Encodes a value in this format, for tests and tools that build requests. */
    public byte[] write(Object value) {
        return Plain.ENCODER.encode(value, this);
    }

    /** Encodes plain values (maps, lists, Instants), created on first use. */
    private static final class Plain {
        static final OutputEncoder ENCODER = new OutputEncoder(java.util.List.of());
    }

    /** The factory, for services that build their own output mapper for this format. */
    JsonFactory factory() {
        return reader.getFactory();
    }

}
