package io.labrunner.emulator.bedrock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.Json;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

/**
 * A response body in AWS's event-stream framing (prelude, headers, payload, CRCs), built with the
 * SDK's own encoder: each event carries {@code :message-type=event}, its {@code :event-type} (the
 * member name of the stream union, e.g. {@code contentBlockDelta} or {@code chunk}) and a JSON payload
 * (https://docs.aws.amazon.com/transcribe/latest/dg/streaming-setting-up.html#streaming-event-stream).
 * The whole stream is built at once; the client still decodes it event by event.
 */
final class EventStream {
    static final String CONTENT_TYPE = "application/vnd.amazon.eventstream";
    private static final Pattern WORD = Pattern.compile("\\S+\\s*|\\s+");
    private static final int WORDS_PER_DELTA = 3;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    EventStream event(String type, ObjectNode payload) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":event-type", HeaderValue.fromString(type));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        headers.put(":message-type", HeaderValue.fromString("event"));
        try {
            new Message(headers, Json.mapper().writeValueAsBytes(payload)).encode(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    AwsResponse response(Map<String, String> headers) {
        return new AwsResponse(200, CONTENT_TYPE, headers, out.toByteArray());
    }

    /** The text in pieces of a few words each, as a model streams it; the pieces join back to the text exactly. */
    static List<String> deltas(String text) {
        List<String> pieces = new ArrayList<>();
        Matcher word = WORD.matcher(text);
        StringBuilder piece = new StringBuilder();
        int words = 0;
        while (word.find()) {
            piece.append(word.group());
            if (++words == WORDS_PER_DELTA) {
                pieces.add(piece.toString());
                piece.setLength(0);
                words = 0;
            }
        }
        if (piece.length() > 0 || pieces.isEmpty()) {
            pieces.add(piece.toString());
        }
        return pieces;
    }
}
