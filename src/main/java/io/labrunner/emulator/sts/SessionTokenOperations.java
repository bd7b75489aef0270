package io.labrunner.emulator.sts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.iam.User;
import io.labrunner.emulator.iam.UserStore;
import io.labrunner.emulator.iam.access.Caller;
import io.labrunner.emulator.iam.policy.MalformedPolicyException;
import io.labrunner.emulator.iam.policy.PolicyDocument;
import io.labrunner.emulator.iam.policy.PolicyKind;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GetSessionToken and GetFederationToken: temporary credentials for the root user or an IAM user, never for
 * a role's session. GetSessionToken's credentials act as their caller; GetFederationToken's as a federated user
 * ({@code arn:aws:sts::<account>:federated-user/<name>}) with what both the calling user's policies and the
 * session policy allow — and nothing without a session policy, as on AWS.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html
 */
final class SessionTokenOperations {
    private static final int DEFAULT_SECONDS = 43_200;
    /** Credentials the root user asks for last at most an hour, whatever it asks. */
    private static final int ROOT_MAX_SECONDS = 3600;
    /** A session policy that allows nothing (no action is named so): a federated user given no policy has no permissions. */
    private static final String NOTHING = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"none:NoAction\",\"Resource\":\"*\"}]}";

    private final String accountId;
    private final UserStore users;
    private final SessionRegistry sessions;

    SessionTokenOperations(String accountId, UserStore users, SessionRegistry sessions) {
        this.accountId = accountId;
        this.users = users;
        this.sessions = sessions;
    }

    Map<String, Object> sessionToken(ObjectNode in, AwsRequest request) {
        Caller caller = longTermCaller(request, "GetSessionToken");
        IssuedSession session = sessions.issueFor(caller.arn(), userId(caller), caller.userArn(), null,
                duration(in, caller), null);
        return Map.of("Credentials", credentials(session));
    }

    Map<String, Object> federationToken(ObjectNode in, AwsRequest request) {
        Caller caller = longTermCaller(request, "GetFederationToken");
        String name = in.get("Name").textValue();
        String policy = in.hasNonNull("Policy") ? in.get("Policy").textValue() : null;
        if (policy != null) {
            try {
                PolicyDocument.parse(policy, PolicyKind.IDENTITY);
            } catch (MalformedPolicyException e) {
                throw new AwsException("MalformedPolicyDocument", e.getMessage(), 400);
            }
        }
        if (in.has("PolicyArns")) {
            // Managed session policies are not combined here yet: refusing is clearer than granting too much.
            throw new AwsException("InvalidParameterValue",
                    "The embedded emulator does not take PolicyArns with GetFederationToken yet; pass Policy.", 400);
        }
        String arn = "arn:aws:sts::" + accountId + ":federated-user/" + name;
        String federatedId = accountId + ":" + name;
        IssuedSession session = sessions.issueFor(arn, federatedId, caller.userArn(), name, duration(in, caller),
                policy != null ? policy : NOTHING);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Credentials", credentials(session));
        out.put("FederatedUser", Map.of("FederatedUserId", federatedId, "Arn", arn));
        if (policy != null) {
            out.put("PackedPolicySize", Math.min(100, Math.max(1,
                    (int) Math.ceil(policy.replaceAll("\\s+", "").length() * 100.0 / 2048))));
        }
        return out;
    }

    /** The root user or an IAM user signing with a long-term key; temporary credentials are refused. */
    private Caller longTermCaller(AwsRequest request, String operation) {
        if (sessions.find(request.accessKeyId()).isPresent()) {
            throw new AwsException("AccessDenied", "Cannot call " + operation + " with session credentials", 403);
        }
        return sessions.of(request.accessKeyId());
    }

    private Duration duration(ObjectNode in, Caller caller) {
        int seconds = in.hasNonNull("DurationSeconds") ? in.get("DurationSeconds").intValue() : DEFAULT_SECONDS;
        return Duration.ofSeconds(caller.isUser() ? seconds : Math.min(seconds, ROOT_MAX_SECONDS));
    }

    private String userId(Caller caller) {
        return caller.isUser() ? users.find(caller.userArn()).map(User::userId).orElse(accountId) : accountId;
    }

    static Map<String, Object> credentials(IssuedSession session) {
        return Map.of("AccessKeyId", session.accessKeyId(), "SecretAccessKey", session.secretAccessKey(),
                "SessionToken", session.sessionToken(), "Expiration", session.expiration());
    }
}
