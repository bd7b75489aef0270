package io.labrunner.emulator.sagemaker.hosting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An endpoint configuration made with CreateEndpointConfig: which models serve behind which variants, on what
 * capacity and with what share of the traffic, and whether requests are captured.
 *
 * @param request the CreateEndpointConfig members as given, without EndpointConfigName and Tags
 */
record EndpointConfig(String region, String name, String arn, ObjectNode request, Instant created) {

    /** The variants, in the order given. */
    List<ProductionVariant> variants() {
        List<ProductionVariant> variants = new ArrayList<>();
        for (JsonNode variant : request.path("ProductionVariants")) {
            variants.add(ProductionVariant.of(variant));
        }
        return variants;
    }

    /** The DataCaptureConfig given, or null. */
    ObjectNode dataCapture() {
        JsonNode capture = request.get("DataCaptureConfig");
        return capture != null && capture.isObject() ? (ObjectNode) capture : null;
    }

    Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("EndpointConfigName", name);
        out.put("EndpointConfigArn", arn);
        request.fields().forEachRemaining(member -> out.put(member.getKey(), member.getValue()));
        out.put("CreationTime", created);
        return out;
    }

    Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("EndpointConfigName", name);
        out.put("EndpointConfigArn", arn);
        out.put("CreationTime", created);
        return out;
    }

    /**
     * One ProductionVariant of a configuration.
     *
     * @param serverless its ServerlessConfig, or null when it runs on instances
     */
    record ProductionVariant(String name, String modelName, String instanceType, int instanceCount, double weight,
            ObjectNode serverless) {
        static ProductionVariant of(JsonNode variant) {
            JsonNode serverless = variant.get("ServerlessConfig");
            return new ProductionVariant(variant.path("VariantName").asText(), variant.path("ModelName").asText(),
                    variant.path("InstanceType").asText(null), variant.path("InitialInstanceCount").asInt(0),
                    // InitialVariantWeight defaults to 1.0 (API reference, ProductionVariant).
                    variant.path("InitialVariantWeight").asDouble(1.0),
                    serverless != null && serverless.isObject() ? (ObjectNode) serverless.deepCopy() : null);
        }
    }
}
