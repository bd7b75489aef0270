package io.labrunner.emulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who signed a request and for which service and region, read from the SigV4 credential scope
 * ({@code Credential=AKID/20260101/us-east-1/sts/aws4_request}) in the {@code Authorization}
 * header or a presigned URL's {@code X-Amz-Credential}.
 *
 * <p>Signatures are deliberately not verified: the emulator cannot know the secret key a learner's
 * SDK was configured with, so any non-empty access key is accepted, like LocalStack does.
 *
 * @param accessKeyId the access key, never blank
 * @param region      the scope's region, or null (SigV2, SigV4a)
 * @param service     the scope's signing name, or null when the request has no SigV4 scope
 */
record SigningScope(String accessKeyId, String region, String service) {

    /** The scope of a request, or empty when it carries no credentials at all. */
    static Optional<SigningScope> of(String authorization, Map<String, List<String>> query) {
        if (authorization != null && !authorization.isBlank()) {
            return fromAuthorization(authorization.trim());
        }
        String credential = first(query, "X-Amz-Credential");
        if (credential != null) {
            return fromCredential(credential);
        }
        String v2Key = first(query, "AWSAccessKeyId");
        return nonBlank(v2Key) ? Optional.of(new SigningScope(v2Key, null, null)) : Optional.empty();
    }

    private static Optional<SigningScope> fromAuthorization(String authorization) {
        int at = authorization.indexOf("Credential=");
        if (at >= 0) {
            int end = at + "Credential=".length();
            while (end < authorization.length()
                    && authorization.charAt(end) != ',' && !Character.isWhitespace(authorization.charAt(end))) {
                end++;
            }
            return fromCredential(authorization.substring(at + "Credential=".length(), end));
        }
        if (authorization.startsWith("AWS ")) { // SigV2: "AWS AKID:signature"
            String rest = authorization.substring(4).trim();
            int colon = rest.indexOf(':');
            String key = colon < 0 ? rest : rest.substring(0, colon);
            return nonBlank(key) ? Optional.of(new SigningScope(key, null, null)) : Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<SigningScope> fromCredential(String credential) {
        String[] parts = credential.split("/");
        if (!nonBlank(parts[0])) {
            return Optional.empty();
        }
        if (parts.length >= 5) { // AKID/date/region/service/aws4_request
            return Optional.of(new SigningScope(parts[0], parts[2], parts[3]));
        }
        if (parts.length == 4) { // SigV4a has no region: AKID/date/service/aws4_request
            return Optional.of(new SigningScope(parts[0], null, parts[2]));
        }
        return Optional.of(new SigningScope(parts[0], null, null));
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static boolean nonBlank(String text) {
        return text != null && !text.isBlank();
    }
}
