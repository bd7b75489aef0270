package io.labrunner.core;

import java.util.Map;

/**
 * Tags each ledger resource with its service's own tagging call, as its {@link ResourceKind} says (S3
 * PutBucketTagging, IAM TagRole, Glue and Athena TagResource by ARN, Firehose TagDeliveryStream, SageMaker AddTags,
 * and so on). The account id that ARNs need is asked once.
 */
public final class AwsResourceTagger implements ResourceTagger {
    private final AwsClients clients;
    private final Arns arns;

    public AwsResourceTagger(AwsClients clients) {
        this.clients = clients;
        this.arns = new Arns(clients);
    }

    @Override
    public void tag(Resource resource, Map<String, String> tags) {
        resource.kind().tag(clients, arns, resource.id(), tags);
    }
}
