package io.labrunner.emulator.sagemaker;

import io.labrunner.emulator.protocol.JsonProtocolService;
import io.labrunner.emulator.protocol.RestJsonProtocolService;

/**
 * One group of SageMaker operations (training jobs, tags, tuning jobs, models, transform jobs): it adds
 * its handlers to the service's protocol core and releases what it holds when the emulator stops.
 */
public interface OperationGroup extends AutoCloseable {

    /** Adds this group's operations to {@code sagemaker}. */
    void register(JsonProtocolService.Builder sagemaker);

    /** Adds this group's SageMaker Runtime operations (REST-JSON, same signing name); by default there are none. */
    default void registerRuntime(RestJsonProtocolService.Builder runtime) {
    }

    /** Stops background work (running jobs); by default there is none. */
    @Override
    default void close() {
    }
}
