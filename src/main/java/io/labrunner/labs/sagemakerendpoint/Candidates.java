package io.labrunner.labs.sagemakerendpoint;

import io.labrunner.core.LabContext;
import io.labrunner.core.RunNames;
import io.labrunner.labs.sagemakerxgboost.XgboostTraining;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two churn models the team has to choose between, trained by the lab's setup on the same
 * customers with the built-in XGBoost. The champion is what production runs today: shallow trees,
 * a learning rate of 0.1, judged on a validation channel while it trained. The challenger is the
 * data scientist's new favourite: deep trees, a high learning rate, many rounds, trained on the
 * training channel alone — its report says {@code train:auc} 1.000, which is what makes the team
 * want to ship it.
 */
final class Candidates {
    static final String CHAMPION = "champion";
    static final String CHALLENGER = "challenger";

    /**
     * One candidate.
     *
     * @param variant   the production variant that serves it, and how the guide names it
     * @param suffix    the run-name suffix of its training job and its model
     * @param validated whether it trained with a validation channel next to the training one
     */
    record Candidate(String variant, String suffix, Map<String, String> hyperParameters, boolean validated) {

        String job(RunNames run) {
            return run.name(suffix);
        }
    }

    static final Candidate CHAMPION_V1 = new Candidate(CHAMPION, "churn-v1", ordered(
            "objective", "binary:logistic",
            "num_round", "50",
            "max_depth", "3",
            "eta", "0.1",
            "eval_metric", "auc"), true);

    static final Candidate CHALLENGER_V2 = new Candidate(CHALLENGER, "churn-v2", ordered(
            "objective", "binary:logistic",
            "num_round", "200",
            "max_depth", "10",
            "eta", "0.5",
            "min_child_weight", "0",
            "eval_metric", "auc"), false);

    /** Champion first: the order of the registry's versions, the endpoint's variants and every table. */
    static List<Candidate> both() {
        return List.of(CHAMPION_V1, CHALLENGER_V2);
    }

    private Candidates() {
    }

    /** Starts both training jobs (they run side by side) and waits for both; returns each one's model artifact. */
    static Map<Candidate, String> train(LabContext ctx, String roleArn) {
        for (Candidate candidate : both()) {
            Map<String, String> channels = new LinkedHashMap<>();
            channels.put("train", SageMakerEndpointLab.s3(ctx, SageMakerEndpointLab.TRAIN));
            if (candidate.validated()) {
                channels.put("validation", SageMakerEndpointLab.s3(ctx, SageMakerEndpointLab.VALIDATION));
            }
            XgboostTraining.start(ctx, XgboostTraining.request(candidate.job(ctx), SageMakerEndpointLab.region(ctx), roleArn,
                    channels, SageMakerEndpointLab.s3(ctx, SageMakerEndpointLab.MODELS), candidate.hyperParameters(), ctx.tags()));
        }
        Map<Candidate, String> artifacts = new LinkedHashMap<>();
        for (Candidate candidate : both()) {
            artifacts.put(candidate, XgboostTraining.await(ctx, candidate.job(ctx)).modelArtifacts().s3ModelArtifacts());
        }
        return artifacts;
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
