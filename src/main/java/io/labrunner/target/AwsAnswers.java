package io.labrunner.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells an answer to STS GetCallerIdentity shaped as an AWS service answers (its result, or an AWS error in XML or
 * JSON) from whatever else a URL may answer: a web page, a proxy's error page, a bare 500, a JSON API of another kind.
 */
final class AwsAnswers {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How much of a foreign body the one-line description quotes. */
    private static final int QUOTED = 80;

    private AwsAnswers() {
    }

    /** Empty when the answer is AWS-shaped; otherwise what it was, in one line: {@code HTTP 502 text/html "<html>…"}. */
    static Optional<String> notAws(int status, String contentType, String body) {
        String text = body == null ? "" : body.strip();
        return isAws(status, text) ? Optional.empty() : Optional.of(describe(status, contentType, text));
    }

    private static boolean isAws(int status, String body) {
        if (body.startsWith("<")) {
            String lower = body.toLowerCase(Locale.ROOT);
            if (lower.startsWith("<!doctype html") || lower.contains("<html")) {
                return false;
            }
            // Query and REST-XML errors carry <Code>; GetCallerIdentity's result is a GetCallerIdentityResponse.
            return body.contains("<Code>") || (status / 100 == 2 && body.contains("GetCallerIdentityResult"));
        }
        if (body.startsWith("{")) {
            try {
                JsonNode json = JSON.readTree(body);
                boolean error = json.hasNonNull("__type") || ((json.hasNonNull("code") || json.hasNonNull("Code"))
                        && (json.has("message") || json.has("Message")));
                boolean identity = status / 100 == 2 && (json.has("GetCallerIdentityResponse")
                        || (json.has("Account") && json.has("Arn")));
                return error || identity;
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    private static String describe(int status, String contentType, String body) {
        String type = contentType == null ? "" : contentType.split(";")[0].strip();
        String oneLine = body.replaceAll("\\s+", " ");
        String quoted = oneLine.length() > QUOTED ? oneLine.substring(0, QUOTED) + "…" : oneLine;
        return "HTTP " + status + (type.isEmpty() ? "" : " " + type)
                + (quoted.isEmpty() ? " with an empty body" : " \"" + quoted + "\"");
    }
}
