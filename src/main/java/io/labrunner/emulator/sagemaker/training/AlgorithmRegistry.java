package io.labrunner.emulator.sagemaker.training;

import io.labrunner.emulator.sagemaker.algorithms.Algorithm;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in algorithms the emulator runs in-process, found by a training image's repository. SageMaker
 * serves each built-in image from a registry account per region
 * ({@code 683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1}); any account, region, tag
 * or digest is accepted here, since the repository alone says which algorithm it is.
 */
public final class AlgorithmRegistry {
    private static final Pattern ECR_IMAGE = Pattern.compile(
            "\\d{12}\\.dkr\\.ecr\\.[a-z0-9-]+\\.amazonaws\\.com(?:\\.cn)?/([a-z0-9._/-]+)(?::[A-Za-z0-9._-]+|@sha256:[0-9a-f]{64})?");

    private final List<Algorithm> algorithms;

    public AlgorithmRegistry(List<Algorithm> algorithms) {
        this.algorithms = List.copyOf(algorithms);
    }

    /** The algorithm behind {@code image}, or empty when the emulator cannot run it. */
    public Optional<Algorithm> forImage(String image) {
        Matcher matcher = ECR_IMAGE.matcher(image == null ? "" : image.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String repository = matcher.group(1);
        return algorithms.stream().filter(a -> a.repository().equals(repository)).findFirst();
    }

    /** Why a job on {@code image} cannot run here, as its FailureReason. */
    public String cannotRun(String image) {
        String runnable = algorithms.isEmpty() ? "none"
                : String.join(", ", algorithms.stream().map(Algorithm::repository).distinct().toList());
        return "ClientError: The embedded emulator cannot run the training image '" + image + "'. It runs "
                + "SageMaker's built-in algorithm images in-process only, by repository (" + runnable + ", e.g. "
                + "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1); run with --target aws to "
                + "train any container.";
    }
}
