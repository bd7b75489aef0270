package io.labrunner.emulator.sagemaker.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.S3Objects;
import io.labrunner.emulator.sagemaker.S3Uri;
import io.labrunner.emulator.sagemaker.algorithms.Algorithm;
import io.labrunner.emulator.sagemaker.algorithms.AlgorithmException;
import io.labrunner.emulator.sagemaker.algorithms.Predictor;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Loads a model's predictor from its artifact, as a serving container starts: the image picks the algorithm,
 * {@code model.tar.gz} is fetched from S3 and unpacked, and the algorithm loads the files. Batch Transform and
 * endpoints both start their models here.
 */
public final class ModelLoader {
    private final S3Objects s3;
    private final Function<String, Optional<Algorithm>> algorithms;
    private final List<String> localRepositories;

    /**
     * @param algorithms        the algorithm that runs an image; empty for an image the emulator cannot run
     * @param localRepositories the image repositories that run locally, named when an image does not
     */
    public ModelLoader(S3Objects s3, Function<String, Optional<Algorithm>> algorithms,
            Collection<String> localRepositories) {
        this.s3 = s3;
        this.algorithms = algorithms;
        this.localRepositories = List.copyOf(localRepositories);
    }

    /** Why a model could not be started, before its algorithm saw the files. */
    public enum Problem { PIPELINE, UNSUPPORTED_IMAGE, MISSING_ARTIFACT, NOT_AN_ARCHIVE }

    /** A model that cannot be started; the message is Batch Transform's failure reason for it. */
    public static final class Unloadable extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final Problem problem;
        private final String artifactUrl;

        Unloadable(Problem problem, String artifactUrl, String message) {
            super(message);
            this.problem = problem;
            this.artifactUrl = artifactUrl;
        }

        public Problem problem() {
            return problem;
        }

        /** The ModelDataUrl involved, or null. */
        public String artifactUrl() {
            return artifactUrl;
        }
    }

    /**
     * The model's predictor.
     *
     * @param log receives the container's "Loading the model" line
     * @throws Unloadable          when the model is a pipeline, its image does not run here, or its artifact is
     *                             missing or not a tar.gz
     * @throws AlgorithmException  when the algorithm cannot read the files as its model
     */
    public Predictor load(SageMakerModel model, Consumer<String> log) throws AlgorithmException {
        if (model.containerCount() > 1) {
            throw new Unloadable(Problem.PIPELINE, null, "ClientError: The embedded emulator serves single-container "
                    + "models only; this model is an inference pipeline of " + model.containerCount()
                    + " containers. Run it with --target aws.");
        }
        ObjectNode container = model.container();
        String image = container.path("Image").asText(container.path("ModelPackageName").asText());
        Algorithm algorithm = algorithms.apply(image).orElseThrow(() -> new Unloadable(Problem.UNSUPPORTED_IMAGE, null,
                "ClientError: The image " + image + " cannot run on the embedded emulator, which runs the images of "
                        + "the built-in algorithms " + String.join(", ", localRepositories) + " locally. Run with "
                        + "--target aws to use any container."));
        Map<String, byte[]> files = Map.of();
        JsonNode url = container.get("ModelDataUrl");
        if (url != null) {
            S3Uri artifact = S3Uri.parse(url.asText()).orElseThrow(() -> missingArtifact(url.asText()));
            byte[] archive = (s3.bucketExists(artifact.bucket()) ? s3.get(artifact.bucket(), artifact.key())
                    : Optional.<byte[]>empty()).orElseThrow(() -> missingArtifact(url.asText()));
            try {
                files = ModelArtifact.unpack(archive);
            } catch (IOException e) {
                throw new Unloadable(Problem.NOT_AN_ARCHIVE, url.asText(), "ClientError: The model data at "
                        + url.asText() + " is not a gzip-compressed tar archive (model.tar.gz): " + e.getMessage());
            }
        }
        log.accept("Loading the model from " + (url == null ? "no artifact" : url.asText()) + ": "
                + String.join(", ", files.keySet()));
        return algorithm.load(files);
    }

    private static Unloadable missingArtifact(String url) {
        return new Unloadable(Problem.MISSING_ARTIFACT, url, "Could not find model data at " + url + ".");
    }
}
