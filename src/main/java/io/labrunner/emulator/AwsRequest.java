package io.labrunner.emulator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One decoded request, as a service handler sees it.
 *
 * @param method      HTTP method
 * @param path        decoded request path
 * @param query       query parameters (for the query protocol, also the form body's fields)
 * @param headers     headers, keys in lower case
 * @param body        raw body bytes
 * @param service     signing name from the SigV4 credential scope (e.g. {@code glue})
 * @param region      region from the credential scope
 * @param accessKeyId access key that signed the request
 */
public record AwsRequest(
        String method,
        String path,
        Map<String, List<String>> query,
        Map<String, String> headers,
        byte[] body,
        String service,
        String region,
        String accessKeyId) {

    /** The region the request was signed for; us-east-1, where the SDKs and the CLI default, when it names none. */
    public String regionOrDefault() {
        return region == null || region.isEmpty() ? "us-east-1" : region;
    }

    /** The operation named by {@code X-Amz-Target} ({@code Prefix.Operation}) or the query {@code Action}. */
    public Optional<String> operation() {
        String target = headers.get("x-amz-target");
        if (target != null) {
            int dot = target.lastIndexOf('.');
            return Optional.of(dot < 0 ? target : target.substring(dot + 1));
        }
        return param("Action");
    }

    public Optional<String> param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
