package io.labrunner.emulator.s3;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Request headers S3Proxy reads otherwise than S3 does, put the way S3 means them before S3Proxy sees the request.
 *
 * <ul>
 * <li>Conditional requests: S3 follows RFC 7232's precedence: with {@code If-Match} present,
 *     {@code If-Unmodified-Since} is not evaluated (If-Match true and If-Unmodified-Since false answer 200), and with
 *     {@code If-None-Match} present, {@code If-Modified-Since} is not. The same holds for CopyObject's
 *     {@code x-amz-copy-source-if-*} headers (GetObject, HeadObject and CopyObject in the S3 API reference). S3Proxy
 *     evaluates all four and answers 412 or 304 whenever one fails.</li>
 * <li>{@code Content-Encoding} sent on several header lines is one list (RFC 9110, 5.3): S3 keeps them joined with
 *     ", "; S3Proxy reads only the first line.</li>
 * <li>A canned ACL S3 does not know is {@code InvalidArgument}; S3Proxy answers a bare 400.</li>
 * </ul>
 */
final class RequestHeaderFixes {
    /** S3's canned ACLs (the x-amz-acl values in the API reference). */
    private static final Set<String> CANNED_ACLS = Set.of("private", "public-read", "public-read-write",
            "aws-exec-read", "authenticated-read", "bucket-owner-read", "bucket-owner-full-control",
            "log-delivery-write");
    private static final List<String[]> PRECEDENCE = List.of(
            new String[] {"If-Match", "If-Unmodified-Since"},
            new String[] {"If-None-Match", "If-Modified-Since"},
            new String[] {"x-amz-copy-source-if-match", "x-amz-copy-source-if-unmodified-since"},
            new String[] {"x-amz-copy-source-if-none-match", "x-amz-copy-source-if-modified-since"});

    private RequestHeaderFixes() {
    }

    /** The request as S3 reads it. */
    static HttpServletRequest apply(HttpServletRequest request) {
        String acl = request.getHeader("x-amz-acl");
        if (acl != null && !CANNED_ACLS.contains(acl)) {
            throw S3Errors.invalidArgument("The canned ACL '" + acl + "' is not one S3 defines: use one of "
                    + String.join(", ", new java.util.TreeSet<>(CANNED_ACLS)) + ".");
        }
        Map<String, String> overrides = new HashMap<>();
        for (String[] pair : PRECEDENCE) {
            if (request.getHeader(pair[0]) != null && request.getHeader(pair[1]) != null) {
                overrides.put(pair[1], null);
            }
        }
        List<String> encodings = Collections.list(request.getHeaders("Content-Encoding"));
        if (encodings.size() > 1) {
            overrides.put("Content-Encoding", String.join(", ", encodings));
        }
        return overrides.isEmpty() ? request : new HeaderOverridingRequest(request, overrides);
    }
}
