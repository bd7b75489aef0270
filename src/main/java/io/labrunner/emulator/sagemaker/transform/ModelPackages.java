package io.labrunner.emulator.sagemaker.transform;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The model registry as CreateModel sees it: a container that names a {@code ModelPackageName} is served by
 * the package's own inference container (image, artifact, environment).
 */
@FunctionalInterface
public interface ModelPackages {

    /** No registry: every package is unknown. */
    ModelPackages NONE = (region, nameOrArn) -> {
        throw TransformErrors.validation("Could not find model package \"" + nameOrArn + "\".");
    };

    /**
     * The inference container of the package {@code nameOrArn} (a name, {@code group/version}, or an ARN).
     *
     * @throws io.labrunner.emulator.AwsException when there is no such package or it may not be deployed
     */
    ObjectNode deployableContainer(String region, String nameOrArn);
}
