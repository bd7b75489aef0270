package io.labrunner.emulator.sagemaker.hosting;

import java.util.Locale;

/** The ARNs of endpoints and endpoint configurations; SageMaker writes the name in lower case. */
final class HostingArns {
    private HostingArns() {
    }

    static String endpoint(String account, String region, String name) {
        return arn(account, region, "endpoint", name);
    }

    static String endpointConfig(String account, String region, String name) {
        return arn(account, region, "endpoint-config", name);
    }

    static String model(String account, String region, String name) {
        return arn(account, region, "model", name);
    }

    /** The key a resource is stored under: region and lower-cased name (names are unique regardless of case). */
    static String key(String region, String name) {
        return region + "/" + name.toLowerCase(Locale.ROOT);
    }

    private static String arn(String account, String region, String kind, String name) {
        return "arn:aws:sagemaker:" + region + ":" + account + ":" + kind + "/" + name.toLowerCase(Locale.ROOT);
    }
}
