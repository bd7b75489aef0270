package io.labrunner.emulator.s3;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;

/**
 * A bucket's CORS rules applied as S3 applies them ("Testing CORS" and "How does Amazon S3 evaluate the CORS
 * configuration" in the S3 user guide): the first rule whose origin, method and requested headers all match
 * answers a preflight {@code OPTIONS}; on the request itself the first rule matching origin and method adds the
 * headers that let the page read the answer. A preflight no rule matches is refused with 403 AccessForbidden.
 */
final class BucketCors {
    private final BucketAttributesStore attributes;

    BucketCors(BucketAttributesStore attributes) {
        this.attributes = attributes;
    }

    /**
     * True when the bucket's rules decide for a web page's request: any preflight to a bucket with CORS rules, and
     * a request from an origin one of them allows. A request from another origin is left to the emulator's own
     * guard, which refuses it: S3 would serve it without letting the page read the answer, but a page could still
     * change something with it.
     */
    boolean decides(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        String bucket = S3AccessMapping.bucketAndKey(request)[0];
        List<CorsRule> rules = origin == null || bucket == null ? null : attributes.get(bucket).cors();
        if (rules == null) {
            return false;
        }
        boolean preflight = "OPTIONS".equals(request.getMethod());
        return preflight || rules.stream().anyMatch(r -> r.originMatching(origin) != null);
    }

    /** Answers a preflight to the request's bucket, or throws S3's refusal. */
    void preflight(HttpServletRequest request, HttpServletResponse response) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            throw S3Errors.of(400, "BadRequest", "Insufficient information. Origin request header needed.");
        }
        String method = request.getHeader("Access-Control-Request-Method");
        if (method == null) {
            throw S3Errors.of(400, "BadRequest", "Invalid Access-Control-Request-Method: null");
        }
        String bucket = S3AccessMapping.bucketAndKey(request)[0];
        List<CorsRule> rules = bucket == null ? null : attributes.get(bucket).cors();
        if (rules == null) {
            throw S3Errors.of(403, "AccessForbidden", "CORSResponse: CORS is not enabled for this bucket.");
        }
        String requestedHeaders = request.getHeader("Access-Control-Request-Headers");
        List<String> requested = requestedHeaders == null ? List.of() : Arrays.stream(requestedHeaders.split(","))
                .map(String::strip).filter(h -> !h.isEmpty()).toList();
        CorsRule rule = rules.stream().filter(r -> r.originMatching(origin) != null && r.allowsMethod(method)
                && r.allowsHeaders(requested)).findFirst().orElse(null);
        if (rule == null) {
            // S3's own wording, spelling included.
            throw S3Errors.of(403, "AccessForbidden", "CORSResponse: This CORS request is not allowed. This is usually "
                    + "because the evalution of Origin, request method / Access-Control-Request-Method or "
                    + "Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.");
        }
        allow(response, rule, origin);
        if (!requested.isEmpty()) {
            response.setHeader("Access-Control-Allow-Headers", String.join(", ", requested));
        }
        if (rule.maxAgeSeconds() != null) {
            response.setHeader("Access-Control-Max-Age", rule.maxAgeSeconds().toString());
        }
        response.setStatus(200);
        response.setContentLength(0);
    }

    /** Adds the CORS headers of the first rule matching the request's origin and method, if any. */
    void onRequest(HttpServletRequest request, HttpServletResponse response) {
        String origin = request.getHeader("Origin");
        String bucket = S3AccessMapping.bucketAndKey(request)[0];
        List<CorsRule> rules = origin == null || bucket == null ? null : attributes.get(bucket).cors();
        if (rules == null) {
            return;
        }
        rules.stream().filter(r -> r.originMatching(origin) != null && r.allowsMethod(request.getMethod()))
                .findFirst().ifPresent(rule -> allow(response, rule, origin));
    }

    private static void allow(HttpServletResponse response, CorsRule rule, String origin) {
        boolean anyOrigin = "*".equals(rule.originMatching(origin));
        response.setHeader("Access-Control-Allow-Origin", anyOrigin ? "*" : origin);
        response.setHeader("Access-Control-Allow-Methods", String.join(", ", rule.allowedMethods()));
        if (!rule.exposeHeaders().isEmpty()) {
            response.setHeader("Access-Control-Expose-Headers", String.join(", ", rule.exposeHeaders()));
        }
        if (!anyOrigin) {
            response.setHeader("Access-Control-Allow-Credentials", "true");
        }
        response.setHeader("Vary", "Origin, Access-Control-Request-Headers, Access-Control-Request-Method");
    }
}
