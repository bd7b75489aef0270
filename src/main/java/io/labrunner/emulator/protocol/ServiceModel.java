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
 */
public record ServiceModel(String serviceId, String protocol, String jsonVersion, String targetPrefix,
        Map<String, Shape> shapes, Map<String, Operation> operations, String apiVersion, String xmlNamespace) {

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
