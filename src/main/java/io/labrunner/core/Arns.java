package io.labrunner.core;

import software.amazon.awssdk.arns.Arn;

/** ARNs in the clients' account and region, for tagging calls that take an ARN; the account is asked once. */
public final class Arns {
    private final AwsClients clients;
    private String accountId;

    public Arns(AwsClients clients) {
        this.clients = clients;
    }

    /** {@code arn:<partition>:<service>:<region>:<account>:<resource>}. */
    public String of(String service, String resource) {
        return Arn.builder().partition(partition()).service(service).region(clients.region().id())
                .accountId(account()).resource(resource).build().toString();
    }

    private String partition() {
        String region = clients.region().id();
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    private synchronized String account() {
        if (accountId == null) {
            accountId = clients.sts().getCallerIdentity().account();
        }
        return accountId;
    }
}
