package io.labrunner.emulator.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.calls.ServiceCalls;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Sends one payload to one target through {@link ServiceCalls}, as the target's role (its RoleArn, else the
 * rule's): a Step Functions state machine (StartExecution), a Kinesis stream or a Firehose delivery stream
 * (PutRecord), a CloudWatch Logs log group (PutLogEvents). Other kinds of target (Lambda, SQS, SNS, ...) are not
 * served here; delivering to them fails, as a delivery to a missing target fails on AWS: quietly, counted.
 */
final class TargetInvoker {
    private final java.util.function.Supplier<ServiceCalls> calls;

    TargetInvoker(java.util.function.Supplier<ServiceCalls> calls) {
        this.calls = calls;
    }

    /**
     * @param partitionKey the Kinesis partition key when the target has no KinesisParameters (the event's id)
     * @throws AwsException when the target's service refuses, or the kind of target is not served
     */
    void invoke(JsonNode target, String roleArn, String ruleName, String payload, JsonNode event,
            String partitionKey) {
        String arn = target.path("Arn").asText();
        String[] parts = arn.split(":", 6);
        String service = parts[2];
        String region = parts[3];
        String resource = parts[5];
        ServiceCalls.Principal principal = roleArn == null ? ServiceCalls.Principal.account()
                : ServiceCalls.Principal.role(roleArn, "aws-events-" + ruleName);
        ObjectNode input = Json.object();
        switch (service) {
            case "states" -> {
                input.put("stateMachineArn", arn);
                input.put("input", payload);
                calls.get().call(principal, "states", "StartExecution", input, region);
            }
            case "kinesis" -> {
                input.put("StreamName", after(resource, "stream/"));
                input.put("Data", base64(payload));
                String keyPath = target.path("KinesisParameters").path("PartitionKeyPath").asText(null);
                JsonNode key = keyPath == null ? null : TargetInput.read(event, keyPath);
                input.put("PartitionKey", key == null || key.isNull() ? partitionKey
                        : key.isTextual() ? key.textValue() : key.toString());
                calls.get().call(principal, "kinesis", "PutRecord", input, region);
            }
            case "firehose" -> {
                input.put("DeliveryStreamName", after(resource, "deliverystream/"));
                input.putObject("Record").put("Data", base64(payload));
                calls.get().call(principal, "firehose", "PutRecord", input, region);
            }
            case "logs" -> logs(principal, region, after(resource, "log-group:"), payload, event, partitionKey);
            default -> throw new AwsException("NotImplemented", "The embedded emulator does not deliver events to "
                    + service + " targets", 501);
        }
    }

    /** One log stream per event, named by the event's id, as EventBridge writes to a log group. */
    private void logs(ServiceCalls.Principal principal, String region, String group, String payload, JsonNode event,
            String stream) {
        String name = group.endsWith(":*") ? group.substring(0, group.length() - 2) : group;
        ObjectNode create = Json.object();
        create.put("logGroupName", name);
        create.put("logStreamName", stream);
        calls.get().call(principal, "logs", "CreateLogStream", create, region);
        ObjectNode put = Json.object();
        put.put("logGroupName", name);
        put.put("logStreamName", stream);
        ObjectNode line = put.putArray("logEvents").addObject();
        line.put("timestamp", java.time.Instant.parse(event.path("time").asText()).toEpochMilli());
        line.put("message", payload);
        calls.get().call(principal, "logs", "PutLogEvents", put, region);
    }

    private static String after(String resource, String prefix) {
        return resource.startsWith(prefix) ? resource.substring(prefix.length()) : resource;
    }

    private static String base64(String payload) {
        return Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    }
}
