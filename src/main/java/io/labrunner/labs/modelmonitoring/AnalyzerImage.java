package io.labrunner.labs.modelmonitoring;

import java.util.Map;
import java.util.Optional;

/**
 * Model Monitor's built-in analyzer, {@code sagemaker-model-monitor-analyzer}: one image, owned by
 * SageMaker, that suggests a baseline when run as a processing job and compares captured data with
 * it when a monitoring schedule runs it. One ECR registry per region; the SageMaker Python SDK's
 * {@code image_uris.retrieve("model-monitor", region)} answers from the same table (its
 * {@code image_uri_config/model-monitor.json}).
 */
public final class AnalyzerImage {
    public static final String REPOSITORY = "sagemaker-model-monitor-analyzer";

    private static final Map<String, String> REGISTRY_BY_REGION = Map.ofEntries(
            Map.entry("ap-east-1", "001633400207"),
            Map.entry("ap-northeast-1", "574779866223"),
            Map.entry("ap-northeast-2", "709848358524"),
            Map.entry("ap-south-1", "126357580389"),
            Map.entry("ap-southeast-1", "245545462676"),
            Map.entry("ap-southeast-2", "563025443158"),
            Map.entry("ca-central-1", "536280801234"),
            Map.entry("eu-central-1", "048819808253"),
            Map.entry("eu-north-1", "895015795356"),
            Map.entry("eu-west-1", "468650794304"),
            Map.entry("eu-west-2", "749857270468"),
            Map.entry("eu-west-3", "680080141114"),
            Map.entry("me-south-1", "607024016150"),
            Map.entry("sa-east-1", "539772159869"),
            Map.entry("us-east-1", "156813124566"),
            Map.entry("us-east-2", "777275614652"),
            Map.entry("us-west-1", "890145073186"),
            Map.entry("us-west-2", "159807026194"));

    private AnalyzerImage() {
    }

    /** The analyzer's image URI in {@code region}, e.g. {@code 156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer}. */
    public static String uri(String region) {
        return Optional.ofNullable(REGISTRY_BY_REGION.get(region))
                .map(account -> account + ".dkr.ecr." + region + ".amazonaws.com/" + REPOSITORY)
                .orElseThrow(() -> new IllegalArgumentException("Model Monitor's analyzer has no registry this lab knows in "
                        + region + "; run it in one of " + REGISTRY_BY_REGION.keySet()));
    }
}
