package io.labrunner.emulator.s3;

import io.labrunner.emulator.iam.access.BucketPolicies;
import io.labrunner.emulator.iam.access.AccessControl;
import io.labrunner.emulator.iam.access.AccessRequest;
import io.labrunner.emulator.iam.access.Caller;
import io.labrunner.emulator.iam.access.Denial;
import io.labrunner.emulator.iam.policy.PolicyDocument;
import io.labrunner.emulator.iam.policy.PolicyKind;
import io.labrunner.emulator.iam.policy.SourcedPolicy;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Decides S3 requests through {@link AccessControl}: each {@link S3Access} with the bucket's policy as the
 * resource policy and the request's global condition keys, and the KMS actions S3 performs for the caller
 * (kms:GenerateDataKey on an SSE-KMS write, kms:Decrypt on a read) against the key's policy. A denial is S3's
 * AccessDenied, 403, thrown before anything is written.
 */
final class S3Authorizer {
    /**
     * What the bucket owner's root user may always do, whatever the bucket policy says, so that a policy denying
     * everyone can still be read, replaced and removed (S3 API Reference, PutBucketPolicy / DeleteBucketPolicy).
     */
    private static final Set<String> ROOT_ALWAYS = Set.of("s3:GetBucketPolicy", "s3:PutBucketPolicy",
            "s3:DeleteBucketPolicy");

    private final Supplier<AccessControl> control;
    private final BucketPolicies policies;
    private final String region;
    /** Parsed key policies by their text: keys change policy rarely, and requests are many. */
    private final Map<String, SourcedPolicy> keyPolicies = new ConcurrentHashMap<>();

    S3Authorizer(Supplier<AccessControl> control, BucketPolicies policies, String region) {
        this.control = control;
        this.policies = policies;
        this.region = region;
    }

    /** Whether identity policies are enforced: only then does a role need KMS permissions for S3's KMS calls. */
    boolean enforcing() {
        return control.get().enforcing();
    }

    /** Throws AccessDenied unless {@code caller} may perform every access. */
    void authorize(Caller caller, HttpServletRequest request, List<S3Access> accesses) {
        if (accesses.isEmpty()) {
            return;
        }
        boolean identity = caller.hasIdentityPolicies() && control.get().enforcing();
        Map<String, List<String>> global = null;
        for (S3Access access : accesses) {
            if (!caller.hasIdentityPolicies() && ROOT_ALWAYS.contains(access.action())) {
                continue;
            }
            SourcedPolicy bucketPolicy = access.bucket() == null ? null : policies.of(access.bucket()).orElse(null);
            if (bucketPolicy == null && !identity) {
                continue; // nothing could deny it: the common case costs no evaluation
            }
            if (global == null) {
                global = globalKeys(request);
            }
            Map<String, List<String>> keys = new HashMap<>(global);
            keys.putAll(access.keys());
            Optional<Denial> denial = control.get().check(caller,
                    new AccessRequest(access.action(), access.resource(), keys, bucketPolicy));
            if (denial.isPresent()) {
                throw S3Errors.accessDenied(denial.get().message(true));
            }
        }
    }

    /**
     * Throws AccessDenied unless {@code caller} may have S3 use the key for it ({@code kms:GenerateDataKey} to
     * write, {@code kms:Decrypt} to read), judged by the key's policy and, when enforcing, the role's policies.
     */
    void authorizeKey(Caller caller, String action, String keyArn, String keyPolicy, String objectArn) {
        SourcedPolicy policy = keyPolicy == null ? null : keyPolicies.computeIfAbsent(keyPolicy,
                text -> new SourcedPolicy("KeyPolicy", "resource", PolicyDocument.parse(text, PolicyKind.RESOURCE)));
        Map<String, List<String>> keys = Map.of(
                "kms:ViaService", List.of("s3." + region + ".amazonaws.com"),
                "kms:CallerAccount", List.of(caller.arn().split(":", 6)[4]),
                "kms:EncryptionContext:aws:s3:arn", List.of(objectArn));
        Optional<Denial> denial = control.get().check(caller, new AccessRequest(action, keyArn, keys, policy));
        if (denial.isPresent()) {
            // S3 passes KMS's refusal on as its own AccessDenied; KMS does not quote the resource.
            throw S3Errors.accessDenied(denial.get().message(false));
        }
    }

    /** The global condition keys an S3 request carries (IAM User Guide, "AWS global condition context keys"). */
    private Map<String, List<String>> globalKeys(HttpServletRequest request) {
        Map<String, List<String>> keys = new HashMap<>();
        // Over plain HTTP every request is non-TLS, as it would be on AWS.
        keys.put("aws:SecureTransport", List.of(String.valueOf(request.isSecure())));
        keys.put("aws:RequestedRegion", List.of(region));
        if (request.getRemoteAddr() != null) {
            keys.put("aws:SourceIp", List.of(request.getRemoteAddr()));
        }
        String agent = request.getHeader("User-Agent");
        if (agent != null) {
            keys.put("aws:UserAgent", List.of(agent));
        }
        String referer = request.getHeader("Referer");
        if (referer != null) {
            keys.put("aws:Referer", List.of(referer));
        }
        String authorization = request.getHeader("Authorization");
        boolean presigned = request.getParameter("X-Amz-Signature") != null || request.getParameter("Signature") != null;
        if (authorization != null || presigned) {
            keys.put("s3:authType", List.of(authorization != null ? "REST-HEADER" : "REST-QUERY-STRING"));
            boolean v4 = (authorization != null && authorization.startsWith("AWS4-HMAC-SHA256"))
                    || request.getParameter("X-Amz-Signature") != null;
            keys.put("s3:signatureversion", List.of(v4 ? "AWS4-HMAC-SHA256" : "AWS"));
        }
        String sha = request.getHeader("x-amz-content-sha256");
        if (sha != null) {
            keys.put("s3:x-amz-content-sha256", List.of(sha));
        }
        return keys;
    }
}
