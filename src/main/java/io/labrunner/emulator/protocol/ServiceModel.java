package io.labrunner.emulator.protocol;

import java.util.Map;
import java.util.Optional;

/**
 * One AWS service's API model: its protocol settings, shapes and operations, as botocore's
 * {@code service-2.json} states them.
 *
 * @param serviceId    the model's service id, e.g. {@code Kinesis}
 * @param protocol     the wire protocol, e.g. {@code json}, {@code query}, {@code rest-json}
 * @param jsonVersion  {@code 1.0} or {@code 1.1} for JSON protocols, else null
 * @param targetPrefix the {@code X-Amz-Target} prefix, e.g. {@code Kinesis_20131202}, or null
 * @param shapes       every shape by name
 * @param operations   every operation by name
 * @param apiVersion   the API version, e.g. {@code 2010-05-08}: the query protocol's {@code Version}
 * @param xmlNamespace the namespace of XML responses (query protocol), e.g.
 *                     {@code https://iam.amazonaws.com/doc/2010-05-08/}, or null
 * @param protocols    every protocol the service speaks, in the model's order of preference (CloudWatch:
 *                     {@code smithy-rpc-v2-cbor}, {@code json}, {@code query}); {@code protocol} alone when the
 *                     model lists none
 * @param queryCompatible whether the model has the {@code awsQueryCompatible} trait: a service that moved from
 *                     the query protocol to JSON or CBOR, whose errors keep their query codes
 * @param queryErrorCodes the query error code of each error shape that declares one
 *                     ({@code InvalidParameterValueException → InvalidParameterValue})
 */
public record ServiceModel(String serviceId, String protocol, String jsonVersion, String targetPrefix,
        Map<String, Shape> shapes, Map<String, Operation> operations, String apiVersion, String xmlNamespace,
        java.util.List<String> protocols, boolean queryCompatible, Map<String, String> queryErrorCodes) {

    /** A model speaking one protocol, without query compatibility. */
    public ServiceModel(String serviceId, String protocol, String jsonVersion, String targetPrefix,
            Map<String, Shape> shapes, Map<String, Operation> operations, String apiVersion, String xmlNamespace) {
        this(serviceId, protocol, jsonVersion, targetPrefix, shapes, operations, apiVersion, xmlNamespace,
                java.util.List.of(protocol), false, Map.of());
    }

    /** Whether the service speaks {@code name} ({@code json}, {@code query}, {@code smithy-rpc-v2-cbor}, ...). */
    public boolean speaks(String name) {
        return protocols.contains(name);
    }

    /**
     * The error shape whose query code is {@code code} ({@code InvalidParameterValue →
     * InvalidParameterValueException}), or {@code code} itself when no shape declares it.
     */
    public String errorShape(String code) {
        for (Map.Entry<String, String> e : queryErrorCodes.entrySet()) {
            if (e.getValue().equals(code)) {
                return e.getKey();
            }
        }
        return code;
    }

    public Optional<Operation> operation(String name) {
        return Optional.ofNullable(operations.get(name));
    }

    /** The shape named, which a well-formed model always has. */
    public Shape shape(String name) {
        Shape shape = shapes.get(name);
        if (shape == null) {
            throw new IllegalStateException("The " + serviceId + " model has no shape " + name);
        }
        return shape;
    }
}
