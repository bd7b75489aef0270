package io.labrunner.emulator.protocol;

import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.AwsResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one renderer of JSON errors, for the protocol core and the front door alike.
 *
 * <p>AWS JSON protocols (JSON 1.0, 1.1 and Kinesis's CBOR): body
 * {@code {"__type": code, "message": text}} in the request's encoding, and header
 * {@code x-amzn-ErrorType}, from which SDKs take the exception class. A SerializationException
 * spells its text {@code Message}, as AWS answers it (responses recorded against Kinesis and
 * Athena), and an error without text has no message member at all. A service whose error shapes
 * spell the member {@code Message} (Athena, Glue) is answered that way: see
 * {@link #render(AwsException, WireFormat, String, String)}. The members of an
 * {@link ErrorWithMembers} follow the message.
 *
 * <p>REST-JSON (Bedrock): body {@code {"message": text}} in JSON, the code only in header
 * {@code x-amzn-ErrorType} (see {@link #restJson(AwsException, String)}).
 */
public final class ErrorResponses {
    static final String ERROR_TYPE_HEADER = "x-amzn-ErrorType";
    static final String REST_JSON_CONTENT_TYPE = "application/json";
    private static final OutputEncoder ENCODER = new OutputEncoder(List.of());

    private ErrorResponses() {
    }

    /** The response for {@code error}, encoded in {@code format}. */
    public static AwsResponse render(AwsException error, WireFormat format, String jsonVersion) {
        return render(error, format, jsonVersion, "message");
    }

    /**
     * The response for {@code error}, its text under {@code messageMember} ({@code message} or
     * {@code Message}, as the service's error shapes name it).
     */
    public static AwsResponse render(AwsException error, WireFormat format, String jsonVersion, String messageMember) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("__type", error.code());
        if (error.getMessage() != null) {
            body.put(ProtocolErrors.SERIALIZATION.equals(error.code()) ? "Message" : messageMember, error.getMessage());
        }
        if (error instanceof ErrorWithMembers detailed) {
            detailed.members().forEach(body::putIfAbsent);
        }
        return new AwsResponse(error.status(), format.contentType(jsonVersion), Map.of(ERROR_TYPE_HEADER, error.code()),
                ENCODER.encode(body, format));
    }

    /**
     * The REST-JSON response for {@code error}: {@code {"message": text}} (or {@code Message}, as the service's
     * error shapes name it) and the members of an {@link ErrorWithMembers}; the SDKs take the exception class
     * from the {@code x-amzn-ErrorType} header. The message member is always there, empty when the error has no
     * text, as the SDKs read an error's message from it.
     */
    public static AwsResponse restJson(AwsException error, String messageMember) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(messageMember, error.getMessage() == null ? "" : error.getMessage());
        if (error instanceof ErrorWithMembers detailed) {
            detailed.members().forEach(body::putIfAbsent);
        }
        return new AwsResponse(error.status(), REST_JSON_CONTENT_TYPE, Map.of(ERROR_TYPE_HEADER, error.code()),
                ENCODER.encode(body, WireFormat.JSON));
    }

    /** The member an error's text goes in: {@code Message} when {@code shape} spells it so, else {@code message}. */
    static String messageMember(Shape shape) {
        return shape != null && shape.members().containsKey("Message") ? "Message" : "message";
    }
}
