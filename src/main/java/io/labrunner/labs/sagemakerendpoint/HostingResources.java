package io.labrunner.labs.sagemakerendpoint;

import io.labrunner.core.Resource;
import io.labrunner.core.ResourceType;

/**
 * TEMPORARY: the ledger entries of an endpoint and its configuration, until the resource types for
 * SageMaker hosting exist; then these become {@code new Resource(ResourceType.SAGEMAKER_ENDPOINT, name)}.
 * Recording them as models keeps the lab compiling; cleanup of them is wrong until then.
 */
final class HostingResources {
    private HostingResources() {
    }

    static Resource endpointConfig(String name) {
        return new Resource(ResourceType.SAGEMAKER_MODEL, name);
    }

    static Resource endpoint(String name) {
        return new Resource(ResourceType.SAGEMAKER_MODEL, name);
    }
}
