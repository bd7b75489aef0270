package io.labrunner.emulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * S3's older signature (SigV2, "AWS AccessKeyId:Signature" or {@code AWSAccessKeyId/Signature/Expires}
 * in a presigned URL), recomputed as the S3 developer guide's "Signing and authenticating REST requests"
 * defines it: HMAC-SHA1 over the method, Content-MD5, Content-Type, Date (Expires when presigned; empty
 * when {@code x-amz-date} is sent), the {@code x-amz-*} headers (and, presigned, query parameters) and the resource with its sub-resources.
 */
final class SigV2Verifier {
    /** The query parameters that are part of the signed resource (the guide's list, plus later ones). */
    private static final Set<String> SUB_RESOURCES = Set.of("accelerate", "acl", "analytics", "cors", "delete",
            "encryption", "intelligent-tiering", "inventory", "legal-hold", "lifecycle", "location", "logging",
            "metrics", "notification", "object-lock", "ownershipControls", "partNumber", "policy",
            "publicAccessBlock", "replication", "requestPayment", "response-cache-control",
            "response-content-disposition", "response-content-encoding", "response-content-language",
            "response-content-type", "response-expires", "restore", "retention", "select", "select-type",
            "tagging", "torrent", "uploadId", "uploads", "versionId", "versioning", "versions", "website");

    private SigV2Verifier() {
    }

    /**
     * The request as signed.
     *
     * @param rawPath   the path as sent, still percent-encoded
     * @param query     the decoded query parameters
     * @param headers   every header, names in lower case, values of repeated headers in order
     */
    record SignedRequest(String method, String rawPath, Map<String, List<String>> query,
                         Map<String, List<String>> headers) {
    }

    /** Whether {@code signature} (base64) is what {@code secret} gives for the request. */
    static boolean matches(String secret, SignedRequest request, String signature) {
        byte[] expected = hmacSha1(secret, stringToSign(request));
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, given);
    }

    static String stringToSign(SignedRequest request) {
        boolean presigned = request.query().containsKey("Signature");
        String date = presigned ? first(request.query(), "Expires")
                : request.headers().containsKey("x-amz-date") ? "" : header(request, "date");
        StringBuilder text = new StringBuilder()
                .append(request.method()).append('\n')
                .append(header(request, "content-md5")).append('\n')
                .append(header(request, "content-type")).append('\n')
                .append(date == null ? "" : date).append('\n');
        TreeMap<String, String> amzHeaders = new TreeMap<>();
        request.headers().forEach((name, values) -> {
            if (name.startsWith("x-amz-")) {
                List<String> trimmed = new ArrayList<>();
                values.forEach(v -> trimmed.add(v.trim()));
                amzHeaders.put(name, String.join(",", trimmed));
            }
        });
        if (presigned) {
            // A presigned URL carries its x-amz-* headers (x-amz-security-token above all) as query parameters,
            // and they are signed as headers: botocore's HmacV1QueryAuth moves them there after signing.
            request.query().forEach((name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.startsWith("x-amz-") && !values.isEmpty()) {
                    amzHeaders.putIfAbsent(lower, values.get(0).trim());
                }
            });
        }
        amzHeaders.forEach((name, value) -> text.append(name).append(':').append(value).append('\n'));
        text.append(request.rawPath() == null || request.rawPath().isEmpty() ? "/" : request.rawPath());
        TreeMap<String, String> subResources = new TreeMap<>();
        request.query().forEach((name, values) -> {
            if (SUB_RESOURCES.contains(name)) {
                subResources.put(name, values.isEmpty() ? null : values.get(0));
            }
        });
        String separator = "?";
        for (Map.Entry<String, String> sub : subResources.entrySet()) {
            text.append(separator).append(sub.getKey());
            if (sub.getValue() != null && !sub.getValue().isEmpty()) {
                text.append('=').append(sub.getValue());
            }
            separator = "&";
        }
        return text.toString();
    }

    private static String header(SignedRequest request, String name) {
        List<String> values = request.headers().get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? "" : values.get(0).trim();
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static byte[] hmacSha1(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
        }
    }
}
