package io.labrunner.emulator.sts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.iam.IamDirectory;
import io.labrunner.emulator.iam.Role;
import io.labrunner.emulator.iam.access.AccessRequest;
import io.labrunner.emulator.iam.access.Caller;
import io.labrunner.emulator.iam.policy.MalformedPolicyException;
import io.labrunner.emulator.iam.policy.PolicyDocument;
import io.labrunner.emulator.iam.policy.PolicyKind;
import io.labrunner.emulator.iam.policy.SourcedPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * STS AssumeRole: checks the role's trust policy, the requested duration and the session policy, then issues
 * temporary credentials bound to the role.
 * API reference: https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
 */
final class AssumeRoleOperation {
    /** Role chaining (a role session assuming a role) caps the session at one hour. */
    private static final int CHAINED_MAX_SECONDS = 3600;
    private static final int DEFAULT_SECONDS = 3600;
    /** The packed limit of session policy and tags together that PackedPolicySize is a percentage of. */
    private static final int PACKED_LIMIT = 2048;

    private final String accountId;
    private final IamDirectory roles;
    private final SessionRegistry sessions;

    AssumeRoleOperation(String accountId, IamDirectory roles, SessionRegistry sessions) {
        this.accountId = accountId;
        this.roles = roles;
        this.sessions = sessions;
    }

    Map<String, Object> assume(ObjectNode in, AwsRequest request) {
        Caller caller = sessions.of(request.accessKeyId());
        String roleArn = in.path("RoleArn").asText();
        String sessionName = in.path("RoleSessionName").asText();
        Optional<Role> role = roles.role(roleArn).filter(r -> r.arn().equals(roleArn));
        SourcedPolicy trust = role.map(r -> TrustCheck.policy(r.trustPolicy())).orElse(null);
        Map<String, List<String>> keys = conditionKeys(in, caller);
        // A missing role is refused exactly like one that does not trust the caller, as AWS does.
        List<String> actions = new ArrayList<>(List.of("sts:AssumeRole"));
        if (in.has("Tags")) {
            actions.add("sts:TagSession");
        }
        if (in.has("SourceIdentity")) {
            actions.add("sts:SetSourceIdentity");
        }
        for (String action : actions) {
            if (!TrustCheck.names(trust, action, roleArn, caller.arn(), accountId, keys)) {
                throw new AwsException("AccessDenied", "User: " + caller.arn() + " is not authorized to perform: "
                        + action + " on resource: " + roleArn, 403);
            }
        }
        int seconds = in.has("DurationSeconds") ? in.get("DurationSeconds").asInt() : DEFAULT_SECONDS;
        if (caller.isRole() && seconds > CHAINED_MAX_SECONDS) {
            throw new AwsException("ValidationError", "The requested DurationSeconds exceeds the 1 hour session limit"
                    + " for roles assumed by role chaining.", 400);
        }
        if (seconds > role.get().maxSessionDuration()) {
            throw new AwsException("ValidationError",
                    "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.", 400);
        }
        String policy = in.has("Policy") ? in.get("Policy").asText() : null;
        if (policy != null) {
            try {
                PolicyDocument.parse(policy, PolicyKind.IDENTITY);
            } catch (MalformedPolicyException e) {
                throw new AwsException("MalformedPolicyDocument", e.getMessage(), 400);
            }
        }
        String sourceIdentity = in.has("SourceIdentity") ? in.get("SourceIdentity").asText() : null;
        IssuedSession session = sessions.issue(role.get().arn(), role.get().roleId(), sessionName,
                Duration.ofSeconds(seconds), policy, sourceIdentity);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Credentials", Map.of("AccessKeyId", session.accessKeyId(),
                "SecretAccessKey", session.secretAccessKey(),
                "SessionToken", session.sessionToken(),
                "Expiration", session.expiration()));
        out.put("AssumedRoleUser", Map.of("AssumedRoleId", session.assumedRoleId(), "Arn", session.arn()));
        if (policy != null || in.has("Tags")) {
            out.put("PackedPolicySize", packedSize(policy, in.path("Tags")));
        }
        if (sourceIdentity != null) {
            out.put("SourceIdentity", sourceIdentity);
        }
        return out;
    }

    /**
     * What IAM authorizes besides the trust policy: {@code sts:AssumeRole} on the role, decided with the trust
     * policy as the role's resource policy (a caller the trust policy names only by account needs an
     * identity-based Allow).
     */
    List<AccessRequest> accessRequests(AwsRequest request) {
        String roleArn = request.param("RoleArn").orElse("*");
        SourcedPolicy trust = roles.role(roleArn).filter(r -> r.arn().equals(roleArn))
                .map(r -> TrustCheck.policy(r.trustPolicy())).orElse(null);
        return List.of(new AccessRequest("sts:AssumeRole", roleArn, Map.of(), trust));
    }

    /** The condition keys a trust policy may test (IAM User Guide, "Available keys for AWS STS"). */
    private static Map<String, List<String>> conditionKeys(ObjectNode in, Caller caller) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("sts:RoleSessionName", List.of(in.path("RoleSessionName").asText()));
        keys.put("aws:PrincipalArn", List.of(caller.isRole() ? caller.roleArn() : caller.arn()));
        keys.put("aws:PrincipalType", List.of(caller.isRole() ? "AssumedRole" : "Account"));
        if (in.has("ExternalId")) {
            keys.put("sts:ExternalId", List.of(in.get("ExternalId").asText()));
        }
        if (in.has("SourceIdentity")) {
            keys.put("sts:SourceIdentity", List.of(in.get("SourceIdentity").asText()));
        }
        List<String> tagKeys = new ArrayList<>();
        for (JsonNode tag : in.path("Tags")) {
            tagKeys.add(tag.path("Key").asText());
            keys.put("aws:RequestTag/" + tag.path("Key").asText(), List.of(tag.path("Value").asText()));
        }
        if (!tagKeys.isEmpty()) {
            keys.put("aws:TagKeys", tagKeys);
        }
        return keys;
    }

    /** An estimate of AWS's compressed packing: the percentage of the limit the policy and tags take. */
    private static int packedSize(String policy, JsonNode tags) {
        int bytes = policy == null ? 0 : policy.replaceAll("\\s+", "").getBytes(StandardCharsets.UTF_8).length;
        for (JsonNode tag : tags) {
            bytes += tag.path("Key").asText().length() + tag.path("Value").asText().length();
        }
        return Math.min(100, Math.max(1, (int) Math.ceil(bytes * 100.0 / PACKED_LIMIT)));
    }
}
