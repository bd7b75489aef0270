package io.labrunner.emulator.sagemaker.monitor;

import java.util.Locale;

/** ARNs and storage keys of this package's resources; SageMaker lower-cases names in its ARNs. */
final class MonitorArns {
    static final String ACCOUNT = "000000000000";

    private MonitorArns() {
    }

    static String processingJob(String region, String name) {
        return arn(region, "processing-job", name);
    }

    static String jobDefinition(String region, String name) {
        return arn(region, "data-quality-job-definition", name);
    }

    static String schedule(String region, String name) {
        return arn(region, "monitoring-schedule", name);
    }

    /** The key a resource is stored under: region and lower-cased name (names are unique regardless of case). */
    static String key(String region, String name) {
        return region + "/" + name.toLowerCase(Locale.ROOT);
    }

    private static String arn(String region, String kind, String name) {
        return "arn:aws:sagemaker:" + region + ":" + ACCOUNT + ":" + kind + "/" + name.toLowerCase(Locale.ROOT);
    }
}
