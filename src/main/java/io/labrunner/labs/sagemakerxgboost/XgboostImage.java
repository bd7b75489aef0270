package io.labrunner.labs.sagemakerxgboost;

import java.util.Map;
import java.util.Optional;

/**
 * Where SageMaker's built-in XGBoost lives: one ECR registry per region, owned by SageMaker, and
 * the framework version as the tag. The same image trains (CreateTrainingJob) and serves
 * (CreateModel). The SageMaker Python SDK's {@code image_uris.retrieve("xgboost", region, "1.7-1")}
 * answers from the same table (its {@code image_uri_config/xgboost.json}); the developer guide lists
 * it under "Docker Registry Paths and Example Code".
 */
public final class XgboostImage {
    public static final String REPOSITORY = "sagemaker-xgboost";
    public static final String VERSION = "1.7-1";

    private static final Map<String, String> REGISTRY_BY_REGION = Map.ofEntries(
            Map.entry("af-south-1", "510948584623"),
            Map.entry("ap-east-1", "651117190479"),
            Map.entry("ap-northeast-1", "354813040037"),
            Map.entry("ap-northeast-2", "366743142698"),
            Map.entry("ap-northeast-3", "867004704886"),
            Map.entry("ap-south-1", "720646828776"),
            Map.entry("ap-south-2", "628508329040"),
            Map.entry("ap-southeast-1", "121021644041"),
            Map.entry("ap-southeast-2", "783357654285"),
            Map.entry("ap-southeast-3", "951798379941"),
            Map.entry("ap-southeast-4", "106583098589"),
            Map.entry("ca-central-1", "341280168497"),
            Map.entry("ca-west-1", "190319476487"),
            Map.entry("eu-central-1", "492215442770"),
            Map.entry("eu-central-2", "680994064768"),
            Map.entry("eu-north-1", "662702820516"),
            Map.entry("eu-south-1", "978288397137"),
            Map.entry("eu-south-2", "104374241257"),
            Map.entry("eu-west-1", "141502667606"),
            Map.entry("eu-west-2", "764974769150"),
            Map.entry("eu-west-3", "659782779980"),
            Map.entry("il-central-1", "898809789911"),
            Map.entry("me-central-1", "272398656194"),
            Map.entry("me-south-1", "801668240914"),
            Map.entry("sa-east-1", "737474898029"),
            Map.entry("us-east-1", "683313688378"),
            Map.entry("us-east-2", "257758044811"),
            Map.entry("us-gov-east-1", "237065988967"),
            Map.entry("us-gov-west-1", "414596584902"),
            Map.entry("us-west-1", "746614075791"),
            Map.entry("us-west-2", "246618743249"));

    private XgboostImage() {
    }

    /** The image URI of XGBoost {@link #VERSION} in {@code region}, e.g. {@code 683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1}. */
    public static String uri(String region) {
        return find(region).orElseThrow(() -> new IllegalArgumentException("SageMaker's XGBoost " + VERSION
                + " has no registry this lab knows in " + region + "; run it in one of " + REGISTRY_BY_REGION.keySet()));
    }

    /** The image URI, or empty for a region not in the table. */
    public static Optional<String> find(String region) {
        return Optional.ofNullable(REGISTRY_BY_REGION.get(region))
                .map(account -> account + ".dkr.ecr." + region + ".amazonaws.com/" + REPOSITORY + ":" + VERSION);
    }
}
