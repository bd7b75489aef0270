package io.labrunner.target;

import io.labrunner.core.Capability;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The kinds of target {@code --target} accepts, with what each is known to offer. The table is
 * what a target that cannot serve a lab uses to say which one would; a running target may report
 * more precisely (LocalStack's health endpoint, probes of an endpoint).
 */
public enum TargetKind {
    EMBEDDED("embedded", "embedded"),
    /** LocalStack without an auth token: 4.14.0, the last image that starts without one. */
    LOCALSTACK("localstack", "localstack"),
    /** A current LocalStack image, which needs {@code LOCALSTACK_AUTH_TOKEN}; Glue, Athena, Bedrock are its paid tier. */
    LOCALSTACK_TOKEN("localstack", "localstack with LOCALSTACK_AUTH_TOKEN"),
    FLOCI("floci", "floci"),
    ENDPOINT("endpoint", "endpoint"),
    AWS("aws", "aws");

    private final String optionName;
    private final String label;

    TargetKind(String optionName, String label) {
        this.optionName = optionName;
        this.label = label;
    }

    /** The name given to {@code --target}. */
    public String optionName() {
        return optionName;
    }

    /** How a skip message names it, e.g. {@code localstack with LOCALSTACK_AUTH_TOKEN}. */
    public String label() {
        return label;
    }

    /** What a target of this kind is known to offer; an endpoint's is found by probing, so none here. */
    public Set<Capability> knownCapabilities() {
        switch (this) {
            case EMBEDDED: {
                // lab run and lab test start an emulator that enforces IAM for a lab that needs it.
                Set<Capability> embedded = EnumSet.copyOf(EmbeddedTarget.CAPABILITIES);
                embedded.add(Capability.IAM_ENFORCEMENT);
                return embedded;
            }
            case LOCALSTACK:
                return EnumSet.of(Capability.S3, Capability.STS, Capability.IAM, Capability.KINESIS, Capability.FIREHOSE_S3,
                        Capability.CLOUDWATCH_METRICS, Capability.KMS, Capability.SECRETS_MANAGER);
            case FLOCI:
                // No crawlers; Athena SQL only with its DuckDB sidecar (not started here); Bedrock is a stub.
                return EnumSet.of(Capability.S3, Capability.STS, Capability.IAM, Capability.GLUE_CATALOG,
                        Capability.KINESIS, Capability.FIREHOSE_S3);
            case LOCALSTACK_TOKEN: {
                // Its container is reached over plain HTTP, so no TLS; and LocalStack enforces IAM only when
                // started with ENFORCE_IAM=1, which this runner does not do.
                Set<Capability> all = EnumSet.allOf(Capability.class);
                all.remove(Capability.TLS);
                all.remove(Capability.IAM_ENFORCEMENT);
                all.remove(Capability.TLS);
                // Its Kinesis accepts whatever a shard is sent: no throttling to meet.
                all.remove(Capability.KINESIS_SHARD_LIMITS);
                return all;
            }
            case AWS:
                return EnumSet.allOf(Capability.class);
            default:
                return EnumSet.noneOf(Capability.class);
        }
    }

    /**
     * What a target of this kind is known to get wrong, by the capability it therefore lacks, in one line each: a
     * check that needs such a capability is skipped there as the backend's fault, not the learner's.
     */
    public Map<Capability, String> knownFaults() {
        if (this != FLOCI) {
            return Map.of();
        }
        // Read from Floci's source (services/kinesis/KinesisService: selectShard, getRecords).
        return Map.of(
                Capability.KINESIS_SHARD_LIMITS, "Floci accepts every record a shard is sent and never answers"
                        + " ProvisionedThroughputExceededException, so there is no throttling to meet",
                Capability.KINESIS_RESHARD_LINEAGE, "Floci routes a record by its partition key's Java hash over all"
                        + " shards, closed ones included, not by MD5 into hash-key ranges, and answers MillisBehindLatest 0"
                        + " while records remain, so after a split a key's records leave their shard's lineage",
                Capability.GLUE_CRAWLER, "Floci answers CreateCrawler with InvalidAction: it has no crawlers");
    }

    /** The names {@code --target} accepts, in the order help lists them. */
    public static List<String> optionNames() {
        return List.of("embedded", "endpoint", "localstack", "floci", "aws");
    }

    /**
     * The one-line advice for a lab that needs {@code needed}: which emulator targets would serve
     * it, or that only a real account would, e.g. {@code embedded or localstack with
     * LOCALSTACK_AUTH_TOKEN would serve it}.
     */
    public static String whoServes(Collection<Capability> needed, String currentTarget) {
        List<String> serving = new ArrayList<>();
        for (TargetKind kind : List.of(EMBEDDED, LOCALSTACK, LOCALSTACK_TOKEN, FLOCI)) {
            if (!kind.optionName.equals(currentTarget) || kind == LOCALSTACK_TOKEN) {
                if (kind.knownCapabilities().containsAll(needed) && !serving.contains(kind.label)) {
                    serving.add(kind.label);
                }
            }
        }
        // When plain LocalStack serves it, a token is not what is missing.
        if (LOCALSTACK.knownCapabilities().containsAll(needed)) {
            serving.remove(LOCALSTACK_TOKEN.label);
        }
        if (serving.isEmpty()) {
            return currentTarget.equals("aws") ? "no target offers it yet" : "only a real account (--target aws) would serve it";
        }
        return String.join(" or ", serving) + " would serve it";
    }
}
