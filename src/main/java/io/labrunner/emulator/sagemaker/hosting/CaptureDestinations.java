package io.labrunner.emulator.sagemaker.hosting;

import java.util.Optional;

/** Where an endpoint's data capture lands, for Model Monitor to read what the endpoint saw. */
@FunctionalInterface
public interface CaptureDestinations {

    /**
     * The DestinationS3Uri of endpoint {@code endpointName}'s DataCaptureConfig; the records of a variant are under
     * {@code <uri>/<endpointName>/<variantName>/yyyy/mm/dd/hh/}. Empty when the endpoint does not exist or captures
     * nothing.
     */
    Optional<String> captureDestination(String region, String endpointName);
}
