package io.labrunner.emulator.sagemaker.monitor;

import java.util.Optional;

/**
 * Where an endpoint's data capture writes: the DestinationS3Uri of its endpoint config's DataCaptureConfig.
 * Captured records are under {@code {destination}/{endpoint}/{variant}/yyyy/mm/dd/hh/}.
 */
@FunctionalInterface
public interface CaptureDestinations {

    /** No endpoint captures anything: for an emulator without hosting. */
    CaptureDestinations NONE = endpoint -> Optional.empty();

    /** The capture destination of {@code endpointName}, or empty when it has no endpoint or no data capture. */
    Optional<String> destinationS3Uri(String endpointName);
}
