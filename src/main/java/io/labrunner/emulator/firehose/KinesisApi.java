package io.labrunner.emulator.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The emulator's Kinesis, as a KinesisStreamAsSource delivery stream reads it: JSON in, JSON out,
 * through the same API a client calls.
 */
@FunctionalInterface
public interface KinesisApi {

    /**
     * Calls one Kinesis operation.
     *
     * @throws io.labrunner.emulator.AwsException as Kinesis answers it
     */
    JsonNode call(String region, String operation, ObjectNode input);
}
