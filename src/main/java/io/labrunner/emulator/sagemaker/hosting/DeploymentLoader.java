package io.labrunner.emulator.sagemaker.hosting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.S3Objects;
import io.labrunner.emulator.logs.LogWriter;
import io.labrunner.emulator.sagemaker.algorithms.AlgorithmException;
import io.labrunner.emulator.sagemaker.algorithms.Predictor;
import io.labrunner.emulator.sagemaker.transform.ModelLoader;
import io.labrunner.emulator.sagemaker.transform.Models;
import io.labrunner.emulator.sagemaker.transform.SageMakerModel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts an endpoint's variants: loads each variant's model from its artifact, as its container does when the
 * endpoint is created, and writes what the container prints to the endpoint's log group
 * {@code /aws/sagemaker/Endpoints/<name>}. The reasons a deployment fails are SageMaker's FailureReasons for an
 * artifact that is missing, is not a tar.gz, or holds no model the container can load (a container that does not
 * start fails its health check).
 */
final class DeploymentLoader {
    private final String account;
    private final Models models;
    private final ModelLoader loader;
    private final S3Objects s3;
    private final LogWriter logs;
    private final Clock clock;

    DeploymentLoader(String account, Models models, ModelLoader loader, S3Objects s3, LogWriter logs, Clock clock) {
        this.account = account;
        this.models = models;
        this.loader = loader;
        this.s3 = s3;
        this.logs = logs;
        this.clock = clock;
    }

    Deployment load(String region, String endpoint, List<Endpoint.VariantState> variants, ObjectNode capture)
            throws DeploymentFailure {
        List<Deployment.ServingVariant> serving = new ArrayList<>();
        try {
            for (Endpoint.VariantState variant : variants) {
                serving.add(new Deployment.ServingVariant(variant.name(), predictor(region, endpoint, variant),
                        variant.serverless() == null ? variant.desiredInstanceCount() : 0));
            }
        } catch (DeploymentFailure | RuntimeException e) {
            serving.forEach(v -> v.predictor().close());
            throw e;
        }
        CaptureWriter writer = CaptureSettings.of(capture).map(s -> new CaptureWriter(s3, endpoint, s)).orElse(null);
        return new Deployment(serving, variants.stream().map(Endpoint.VariantState::desiredWeight).toList(), writer);
    }

    private Predictor predictor(String region, String endpoint, Endpoint.VariantState variant)
            throws DeploymentFailure {
        Optional<SageMakerModel> model = models.find(region, variant.modelName());
        if (model.isEmpty()) {
            throw new DeploymentFailure("Could not find model \"" + HostingArns.model(account, region,
                    variant.modelName()) + "\".");
        }
        String stream = variant.name() + "/i-" + Integer.toHexString((endpoint + variant.name()).hashCode());
        try {
            return loader.load(model.get(), line -> log(region, endpoint, stream, line));
        } catch (ModelLoader.Unloadable e) {
            throw new DeploymentFailure(switch (e.problem()) {
                case MISSING_ARTIFACT -> "Failed to download model data for container \"container_1\" from URL: \""
                        + e.artifactUrl() + "\". Please ensure that there is an object located at the URL and that "
                        + "the role passed to CreateModel has permissions to download the object.";
                case NOT_AN_ARCHIVE -> "Failed to extract model data archive from URL \"" + e.artifactUrl()
                        + "\". Please ensure that the object located at the URL is a valid tar.gz archive.";
                default -> e.getMessage();
            });
        } catch (AlgorithmException e) {
            log(region, endpoint, stream, e.getMessage());
            throw new DeploymentFailure("The primary container for production variant " + variant.name()
                    + " did not pass the ping health check. Please check CloudWatch logs for this endpoint.");
        }
    }

    private void log(String region, String endpoint, String stream, String line) {
        logs.append(region, "/aws/sagemaker/Endpoints/" + endpoint, stream, clock.millis(), line);
    }
}
