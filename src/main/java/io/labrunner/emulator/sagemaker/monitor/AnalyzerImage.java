package io.labrunner.emulator.sagemaker.monitor;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises Model Monitor's built-in analyzer, {@code <account>.dkr.ecr.<region>.amazonaws.com/
 * sagemaker-model-monitor-analyzer[:tag]}, by the per-region registry accounts AWS publishes (the SageMaker
 * Python SDK's image_uri_config/model-monitor.json).
 */
final class AnalyzerImage {
    static final String REPOSITORY = "sagemaker-model-monitor-analyzer";
    private static final Pattern URI = Pattern.compile(
            "(\\d{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?/" + REPOSITORY + "(?::[\\w.-]+)?");
    private static final Map<String, String> REGISTRIES = Map.ofEntries(
            Map.entry("eu-north-1", "895015795356"), Map.entry("me-south-1", "607024016150"),
            Map.entry("ap-south-1", "126357580389"), Map.entry("us-east-2", "777275614652"),
            Map.entry("eu-west-1", "468650794304"), Map.entry("eu-central-1", "048819808253"),
            Map.entry("sa-east-1", "539772159869"), Map.entry("ap-east-1", "001633400207"),
            Map.entry("us-east-1", "156813124566"), Map.entry("ap-northeast-2", "709848358524"),
            Map.entry("eu-west-2", "749857270468"), Map.entry("eu-west-3", "680080141114"),
            Map.entry("ap-northeast-1", "574779866223"), Map.entry("us-west-2", "159807026194"),
            Map.entry("us-west-1", "890145073186"), Map.entry("ap-southeast-1", "245545462676"),
            Map.entry("ap-southeast-2", "563025443158"), Map.entry("ca-central-1", "536280801234"),
            Map.entry("cn-north-1", "453000072557"), Map.entry("cn-northwest-1", "453252182341"));

    private AnalyzerImage() {
    }

    /** The analyzer's URI in {@code region}, as the SDK's image_uris.retrieve("model-monitor", region) gives it. */
    static String uri(String region) {
        return REGISTRIES.getOrDefault(region, REGISTRIES.get("us-east-1")) + ".dkr.ecr." + region + ".amazonaws.com"
                + (region.startsWith("cn-") ? ".cn" : "") + "/" + REPOSITORY;
    }

    /** Whether {@code image} is the analyzer from its registry account for its region. */
    static boolean isAnalyzer(String image) {
        Matcher m = URI.matcher(image == null ? "" : image);
        return m.matches() && m.group(1).equals(REGISTRIES.get(m.group(2)));
    }
}
