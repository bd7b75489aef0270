package io.labrunner.emulator.sagemaker.monitor;

import io.labrunner.emulator.AwsRequest;

/** The region a request was signed for; us-east-1 when it names none. */
final class Regions {
    private Regions() {
    }

    static String of(AwsRequest request) {
        return request.region() == null || request.region().isEmpty() ? "us-east-1" : request.region();
    }
}
