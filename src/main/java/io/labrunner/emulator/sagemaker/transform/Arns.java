package io.labrunner.emulator.sagemaker.transform;

import java.util.Locale;

/**
 * SageMaker's ARNs. SageMaker names are unique regardless of case and its ARNs carry them in lower
 * case ({@code MyModel} is {@code model/mymodel}).
 */
final class Arns {
    static final String ACCOUNT = "000000000000";

    private Arns() {
    }

    static String model(String region, String name) {
        return arn(region, "model", name);
    }

    static String transformJob(String region, String name) {
        return arn(region, "transform-job", name);
    }

    /** The key a resource is stored under: region and lower-cased name. */
    static String key(String region, String name) {
        return region + "/" + name.toLowerCase(Locale.ROOT);
    }

    private static String arn(String region, String kind, String name) {
        return "arn:aws:sagemaker:" + region + ":" + ACCOUNT + ":" + kind + "/" + name.toLowerCase(Locale.ROOT);
    }
}
