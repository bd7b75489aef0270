package io.labrunner.core;

import io.labrunner.core.kinds.AthenaKinds;
import io.labrunner.core.kinds.BedrockKinds;
import io.labrunner.core.kinds.CloudWatchKinds;
import io.labrunner.core.kinds.EventBridgeKinds;
import io.labrunner.core.kinds.FirehoseKinds;
import io.labrunner.core.kinds.GlueKinds;
import io.labrunner.core.kinds.IamKinds;
import io.labrunner.core.kinds.KinesisKinds;
import io.labrunner.core.kinds.KmsKinds;
import io.labrunner.core.kinds.S3Kinds;
import io.labrunner.core.kinds.SageMakerKinds;
import io.labrunner.core.kinds.SecretsManagerKinds;
import io.labrunner.core.kinds.StepFunctionsKinds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.arns.Arn;

/**
 * The kinds of resource the runner knows: what a ledger's entries, an ARN a tag search found, and the listings
 * of leftovers and sweep are read with. A kind added here is listed, swept and read from ledgers everywhere.
 */
public final class ResourceKinds {
    private static final ResourceKinds STANDARD = new ResourceKinds(List.of(
            S3Kinds.BUCKET,
            IamKinds.ROLE,
            GlueKinds.DATABASE,
            GlueKinds.CRAWLER,
            AthenaKinds.WORKGROUP,
            KinesisKinds.STREAM,
            FirehoseKinds.DELIVERY_STREAM,
            BedrockKinds.GUARDRAIL,
            SageMakerKinds.TRAINING_JOB,
            SageMakerKinds.MODEL,
            SageMakerKinds.TRANSFORM_JOB,
            SageMakerKinds.TUNING_JOB,
            SageMakerKinds.MODEL_PACKAGE_GROUP,
            SageMakerKinds.PROCESSING_JOB,
            SageMakerKinds.DATA_QUALITY_JOB_DEFINITION,
            SageMakerKinds.MONITORING_SCHEDULE,
            SageMakerKinds.ENDPOINT_CONFIG,
            SageMakerKinds.ENDPOINT,
            SageMakerKinds.PIPELINE,
            CloudWatchKinds.ALARM,
            KmsKinds.KEY,
            KmsKinds.ALIAS,
            SecretsManagerKinds.SECRET,
            StepFunctionsKinds.STATE_MACHINE,
            EventBridgeKinds.RULE));

    private final List<ResourceKind> kinds;

    private ResourceKinds(List<ResourceKind> kinds) {
        List<String> ids = new ArrayList<>();
        for (ResourceKind kind : kinds) {
            if (ids.contains(kind.id())) {
                throw new IllegalArgumentException("Two resource kinds have the id " + kind.id());
            }
            ids.add(kind.id());
        }
        this.kinds = List.copyOf(kinds);
    }

    /** Every kind Lab Runner's labs create. */
    public static ResourceKinds standard() {
        return STANDARD;
    }

    /** These kinds and more, e.g. one a test makes up. */
    public ResourceKinds with(ResourceKind... more) {
        List<ResourceKind> all = new ArrayList<>(kinds);
        all.addAll(List.of(more));
        return new ResourceKinds(all);
    }

    /** In the order leftovers are listed. */
    public List<ResourceKind> all() {
        return kinds;
    }

    /** The kind a ledger names by this id. */
    public Optional<ResourceKind> byId(String id) {
        return kinds.stream().filter(k -> k.id().equals(id)).findFirst();
    }

    /** The resource an ARN names, if it is of a kind the runner can delete. */
    public Optional<Resource> fromArn(String arn) {
        Arn parsed;
        try {
            parsed = Arn.fromString(arn);
        } catch (IllegalArgumentException notAnArn) {
            return Optional.empty();
        }
        for (ResourceKind kind : kinds) {
            Optional<String> id = kind.fromArn(parsed);
            if (id.isPresent()) {
                return Optional.of(new Resource(kind, id.get()));
            }
        }
        return Optional.empty();
    }
}
