package io.labrunner.labs.modelmonitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What data capture wrote, read back from S3: every {@code .jsonl} file under
 * {@code <DestinationS3Uri>/<EndpointName>/}, one JSON object a line with
 * {@code captureData.endpointInput} and {@code captureData.endpointOutput} (each with
 * {@code observedContentType}, {@code mode}, {@code data} and {@code encoding} — CSV or JSON as
 * text, BASE64 otherwise) and {@code eventMetadata} (the event id and when it was captured).
 */
public final class CaptureFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One captured request: the payload that went in and the prediction that came out, as text. */
    public record Record(String input, String output, String inferenceTime) {
    }

    /** The files found and the records in them. */
    public record Capture(List<String> keys, List<Record> records, int unreadable) {
    }

    private CaptureFiles() {
    }

    /** Reads every capture file of {@code endpoint} under {@code destinationUri} (an {@code s3://} prefix). */
    public static Capture read(S3Client s3, String destinationUri, String endpoint) {
        String rest = destinationUri.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String base = slash < 0 ? "" : rest.substring(slash + 1);
        String prefix = (base.isEmpty() || base.endsWith("/") ? base : base + "/") + endpoint + "/";
        List<String> keys = s3.listObjectsV2Paginator(list -> list.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).filter(k -> k.endsWith(".jsonl")).sorted().toList();
        List<Record> records = new ArrayList<>();
        int unreadable = 0;
        for (String key : keys) {
            String text = s3.getObjectAsBytes(get -> get.bucket(bucket).key(key)).asUtf8String();
            for (String line : text.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode event = JSON.readTree(line);
                    JsonNode data = event.path("captureData");
                    records.add(new Record(payload(data.path("endpointInput")), payload(data.path("endpointOutput")),
                            event.path("eventMetadata").path("inferenceTime").asText("")));
                } catch (IOException e) {
                    unreadable++;
                }
            }
        }
        return new Capture(keys, records, unreadable);
    }

    private static String payload(JsonNode part) {
        if (part.isMissingNode()) {
            return null;
        }
        String data = part.path("data").asText("");
        return "BASE64".equals(part.path("encoding").asText())
                ? new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8)
                : data;
    }
}
