package io.labrunner.emulator.sts;

import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.AwsService;
import io.labrunner.emulator.Protocol;
import io.labrunner.emulator.protocol.QueryProtocolService;
import java.util.Map;
import java.util.Set;

/**
 * STS on the protocol core (query protocol, version 2011-06-15). Every caller is the account's root
 * user, whatever key it signs with, so STS keeps no state. The other operations of STS's model answer
 * NotImplemented, a name STS lacks InvalidAction.
 * API reference: https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
 */
public final class StsService implements AwsService {
    private final QueryProtocolService protocol;

    public StsService(String accountId) {
        this.protocol = QueryProtocolService.builder("sts")
                // The root user's UserId is the account id itself.
                .handler("GetCallerIdentity", (in, request) -> Map.of(
                        "UserId", accountId, "Account", accountId, "Arn", "arn:aws:iam::" + accountId + ":root"))
                .build();
    }

    /** The operations this emulator implements, by their model names. */
    public Set<String> implementedOperations() {
        return protocol.operations();
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
}
