package io.labrunner.emulator.kinesis;

import io.labrunner.emulator.AwsException;

/**
 * Kinesis errors with AWS's wording. Messages follow responses recorded against AWS (kinesalite's
 * test suite, moto) and the Kinesis API reference's error list per operation.
 */
final class KinesisErrors {
    static final String ACCOUNT = "000000000000";

    private KinesisErrors() {
    }

    static AwsException streamNotFound(String stream) {
        return new AwsException("ResourceNotFoundException",
                "Stream " + stream + " under account " + ACCOUNT + " not found.", 400);
    }

    static AwsException streamExists(String stream) {
        return new AwsException("ResourceInUseException",
                "Stream " + stream + " under account " + ACCOUNT + " already exists.", 400);
    }

    static AwsException notActive(String stream, StreamStatus status) {
        return new AwsException("ResourceInUseException",
                "Stream " + stream + " under account " + ACCOUNT + " not ACTIVE, instead in state " + status, 400);
    }

    static AwsException onDemand(String stream) {
        return new AwsException("ValidationException", "Request is invalid. Stream " + stream + " under account "
                + ACCOUNT + " is in On-Demand mode.", 400);
    }

    static AwsException shardNotFound(String shardId, String stream) {
        return new AwsException("ResourceNotFoundException",
                "Shard " + shardId + " in stream " + stream + " under account " + ACCOUNT + " does not exist", 400);
    }

    static AwsException couldNotFindShard(String shardId, String stream) {
        return new AwsException("ResourceNotFoundException",
                "Could not find shard " + shardId + " in stream " + stream + " under account " + ACCOUNT + ".", 400);
    }

    static AwsException invalidArgument(String message) {
        return new AwsException("InvalidArgumentException", message, 400);
    }

    static AwsException invalidIterator() {
        return invalidArgument("Invalid ShardIterator.");
    }

    static AwsException limitExceeded(String message) {
        return new AwsException("LimitExceededException", message, 400);
    }

    static AwsException shardLimit(String region, int current, int limit, int additional) {
        return limitExceeded("This request would exceed the shard limit for the account " + ACCOUNT + " in "
                + region + ". Current shard count for the account: " + current + ". Limit: " + limit
                + ". Number of additional shards that would have resulted from this request: " + additional
                + ". Refer to the AWS Service Limits page "
                + "(https://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html) "
                + "for current limits and how to request higher limits.");
    }

    /** The wording AWS uses for PutRecord and for each throttled PutRecords entry. */
    static String writeThrottledMessage(String shardId, String stream) {
        return "Rate exceeded for shard " + shardId + " in stream " + stream + " under account " + ACCOUNT + ".";
    }

    static AwsException writeThrottled(String shardId, String stream) {
        return new AwsException("ProvisionedThroughputExceededException", writeThrottledMessage(shardId, stream), 400);
    }

    /** GetRecords names the shard as account/stream/shard. */
    static AwsException readThrottled(String shardId, String stream) {
        return new AwsException("ProvisionedThroughputExceededException",
                "Rate exceeded for Shard - " + ACCOUNT + "/" + stream + "/" + shardId, 400);
    }

    /** One Coral validation failure, e.g. {@code memberPath} "data" or "records.1.member.data". */
    static AwsException validation(String memberPath, String constraint) {
        return new AwsException("ValidationException", "1 validation error detected: Value at '" + memberPath
                + "' failed to satisfy constraint: Member must " + constraint, 400);
    }
}
