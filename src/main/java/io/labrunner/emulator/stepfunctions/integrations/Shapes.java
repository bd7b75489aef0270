package io.labrunner.emulator.stepfunctions.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.protocol.Operation;
import io.labrunner.emulator.protocol.ServiceModel;
import io.labrunner.emulator.protocol.ServiceModels;
import io.labrunner.emulator.protocol.Shape;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Translates a task's parameters into an operation's input, and its output into the task's result, with the
 * service's API model.
 *
 * <p>Parameters are PascalCase even where the API is camelCase (developer guide, "API naming conventions":
 * {@code StateMachineArn} for Step Functions' {@code stateMachineArn}), so members are matched ignoring case; a JSON
 * object or array given for a string member (an execution's {@code Input}, an event's {@code Detail}) is sent as its
 * JSON text. AWS SDK integrations answer with PascalCase members and ISO-8601 timestamps, as the SDK's objects
 * serialize; optimized integrations with the API's own member names and timestamps in epoch milliseconds.
 */
final class Shapes {
    private Shapes() {
    }

    /** The operation of the service with model {@code modelName}, if the model has it. */
    static Optional<Operation> operation(String modelName, String operation) {
        return ServiceModels.get(modelName).operation(operation);
    }

    static JsonNode input(String modelName, Operation operation, JsonNode parameters) {
        if (operation.input() == null || parameters == null || !parameters.isObject()) {
            return parameters == null ? JsonNodeFactory.instance.objectNode() : parameters;
        }
        ServiceModel model = ServiceModels.get(modelName);
        return toInput(model, model.shape(operation.input()), parameters);
    }

    static JsonNode output(String modelName, Operation operation, JsonNode output, boolean sdk) {
        if (operation.output() == null || output == null) {
            return output == null ? JsonNodeFactory.instance.objectNode() : output;
        }
        ServiceModel model = ServiceModels.get(modelName);
        return toOutput(model, model.shape(operation.output()), output, sdk);
    }

    private static JsonNode toInput(ServiceModel model, Shape shape, JsonNode value) {
        switch (shape.type()) {
            case STRUCTURE -> {
                if (!value.isObject()) {
                    return value;
                }
                ObjectNode out = JsonNodeFactory.instance.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    String member = memberNamed(shape, field.getKey());
                    out.set(member == null ? field.getKey() : member, member == null ? field.getValue()
                            : toInput(model, model.shape(shape.members().get(member)), field.getValue()));
                }
                return out;
            }
            case LIST -> {
                if (!value.isArray()) {
                    return value;
                }
                ArrayNode out = JsonNodeFactory.instance.arrayNode();
                value.forEach(item -> out.add(toInput(model, model.shape(shape.member()), item)));
                return out;
            }
            case MAP -> {
                if (!value.isObject()) {
                    return value;
                }
                ObjectNode out = JsonNodeFactory.instance.objectNode();
                value.fields().forEachRemaining(e -> out.set(e.getKey(),
                        toInput(model, model.shape(shape.value()), e.getValue())));
                return out;
            }
            case STRING -> {
                return value.isContainerNode() ? JsonNodeFactory.instance.textNode(value.toString()) : value;
            }
            default -> {
                return value;
            }
        }
    }

    private static JsonNode toOutput(ServiceModel model, Shape shape, JsonNode value, boolean sdk) {
        switch (shape.type()) {
            case STRUCTURE -> {
                if (!value.isObject()) {
                    return value;
                }
                ObjectNode out = JsonNodeFactory.instance.objectNode();
                value.fields().forEachRemaining(e -> {
                    String shapeName = shape.members().get(e.getKey());
                    String name = sdk ? capitalized(e.getKey()) : e.getKey();
                    out.set(name, shapeName == null ? e.getValue()
                            : toOutput(model, model.shape(shapeName), e.getValue(), sdk));
                });
                return out;
            }
            case LIST -> {
                if (!value.isArray()) {
                    return value;
                }
                ArrayNode out = JsonNodeFactory.instance.arrayNode();
                value.forEach(item -> out.add(toOutput(model, model.shape(shape.member()), item, sdk)));
                return out;
            }
            case MAP -> {
                if (!value.isObject()) {
                    return value;
                }
                ObjectNode out = JsonNodeFactory.instance.objectNode();
                value.fields().forEachRemaining(e -> out.set(e.getKey(),
                        toOutput(model, model.shape(shape.value()), e.getValue(), sdk)));
                return out;
            }
            case TIMESTAMP -> {
                if (!value.isNumber()) {
                    return value;
                }
                // The JSON protocols send epoch seconds with a fraction.
                long millis = value.decimalValue().movePointRight(3).setScale(0, java.math.RoundingMode.HALF_UP)
                        .longValue();
                return sdk ? JsonNodeFactory.instance.textNode(Instant.ofEpochMilli(millis).toString())
                        : JsonNodeFactory.instance.numberNode(millis);
            }
            default -> {
                return value;
            }
        }
    }

    private static String memberNamed(Shape shape, String given) {
        if (shape.members().containsKey(given)) {
            return given;
        }
        for (String member : shape.members().keySet()) {
            if (member.equalsIgnoreCase(given)) {
                return member;
            }
        }
        return null;
    }

    static String capitalized(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }


}
