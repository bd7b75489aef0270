package io.labrunner.emulator.sts;

import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.AwsService;
import io.labrunner.emulator.Protocol;
import io.labrunner.emulator.iam.IamDirectory;
import io.labrunner.emulator.iam.User;
import io.labrunner.emulator.iam.UserStore;
import io.labrunner.emulator.iam.access.AccessRequest;
import io.labrunner.emulator.iam.access.Caller;
import io.labrunner.emulator.protocol.QueryProtocolService;
import io.labrunner.emulator.state.StateStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * STS on the protocol core (query protocol, version 2011-06-15): AssumeRole issues temporary credentials for
 * a role whose trust policy allows the caller ({@link AssumeRoleOperation}); GetCallerIdentity answers who
 * signed, the root user, an IAM user or a session; GetSessionToken and GetFederationToken issue credentials to the
 * root user or an IAM user ({@link SessionTokenOperations}). The other operations of STS's model, and a name STS
 * lacks, answer InvalidAction.
 * API reference: https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
 */
public final class StsService implements AwsService {
    private final QueryProtocolService protocol;
    private final AssumeRoleOperation assumeRole;

    /** An STS with no roles to assume and nothing kept: for tests of the protocol alone. */
    public StsService(String accountId) {
        this(accountId, new io.labrunner.emulator.iam.RoleStore(), new SessionRegistry(accountId, StateStore.none(),
                Clock.systemUTC()));
    }

    /**
     * @param roles    the account's roles, whose trust policies AssumeRole checks
     * @param sessions where issued credentials are kept, and who signed a request is looked up
     */
    public StsService(String accountId, IamDirectory roles, SessionRegistry sessions) {
        this(accountId, roles, new UserStore(StateStore.none(), Clock.systemUTC()), sessions);
    }

    /**
     * @param users the account's IAM users, who sign with their own access keys and may ask for session
     *              credentials
     */
    public StsService(String accountId, IamDirectory roles, UserStore users, SessionRegistry sessions) {
        this.assumeRole = new AssumeRoleOperation(accountId, roles, sessions);
        SessionTokenOperations tokens = new SessionTokenOperations(accountId, users, sessions);
        this.protocol = QueryProtocolService.builder("sts")
                .handler("GetCallerIdentity", (in, request) -> identity(accountId, users, sessions, request))
                .handler("GetSessionToken", tokens::sessionToken)
                .handler("GetFederationToken", tokens::federationToken)
                .handler("DecodeAuthorizationMessage", (in, request) -> {
                    // The emulator's AccessDenied messages are plain text, never encoded: nothing it is given was
                    // encoded by it.
                    throw new io.labrunner.emulator.AwsException("InvalidAuthorizationMessageException",
                            "The encoded authorization message is invalid or was not issued by this account.", 400);
                })
                .handler("AssumeRole", assumeRole::assume)
                .build();
    }

    private static Map<String, Object> identity(String accountId, UserStore users, SessionRegistry sessions,
            AwsRequest request) {
        Caller caller = sessions.of(request.accessKeyId());
        // The root user's UserId is the account id itself; a role session's is "<role id>:<session name>"; an IAM
        // user's is its AIDA id.
        String userId = sessions.find(request.accessKeyId()).map(IssuedSession::userId)
                .or(() -> users.find(caller.userArn()).map(User::userId)).orElse(accountId);
        return Map.of("UserId", userId, "Account", accountId, "Arn", caller.arn());
    }

    /** The operations this emulator implements, by their model names. */
    public Set<String> implementedOperations() {
        return protocol.operations();
    }

    @Override
    public boolean keepsResourcePolicies() {
        return true;
    }

    @Override
    public String signingName() {
        return "sts";
    }

    @Override
    public Protocol protocol() {
        return Protocol.QUERY;
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        return protocol.handle(request);
    }

    /**
     * AssumeRole is authorized on the role with its trust policy; GetCallerIdentity needs no permission at all
     * ("No permissions are required to perform this operation"), which the front door knows.
     */
    @Override
    public List<AccessRequest> accessRequests(AwsRequest request) {
        return request.operation().filter("AssumeRole"::equals).map(op -> assumeRole.accessRequests(request))
                .orElse(List.of());
    }
}
