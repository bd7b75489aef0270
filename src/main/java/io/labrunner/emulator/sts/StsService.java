package io.labrunner.emulator.sts;

import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.AwsService;
import io.labrunner.emulator.Protocol;
import io.labrunner.emulator.QueryResponse;
import java.util.Set;

/**
 * STS over the query protocol. Every caller is the account's root user, whatever key it signs with.
 * API reference: https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
 */
public final class StsService implements AwsService {
    static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static final String VERSION = "2011-06-15";
    /** STS actions that exist on AWS but not here: these answer NotImplemented, others InvalidAction. */
    private static final Set<String> OTHER_ACTIONS = Set.of(
            "AssumeRole", "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity", "AssumeRoot",
            "DecodeAuthorizationMessage", "GetAccessKeyInfo", "GetDelegatedAccessToken",
            "GetFederationToken", "GetSessionToken", "GetWebIdentityToken");

    private final String accountId;

    public StsService(String accountId) {
        this.accountId = accountId;
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
        // Query APIs answer a missing or unknown Action with these common errors:
        // https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html
        String action = request.param("Action")
                .orElseThrow(() -> new AwsException("MissingAction", "The request must contain the parameter Action", 400));
        if ("GetCallerIdentity".equals(action)) {
            return getCallerIdentity();
        }
        if (OTHER_ACTIONS.contains(action)) {
            throw AwsException.notImplemented("STS", action);
        }
        throw new AwsException("InvalidAction",
                "Could not find operation " + action + " for version " + VERSION, 400);
    }

    private AwsResponse getCallerIdentity() {
        // The root user's UserId is the account id itself.
        return QueryResponse.of("GetCallerIdentity", NAMESPACE, xml -> xml
                .element("Arn", "arn:aws:iam::" + accountId + ":root")
                .element("UserId", accountId)
                .element("Account", accountId));
    }
}
