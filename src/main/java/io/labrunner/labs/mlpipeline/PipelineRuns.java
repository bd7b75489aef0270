package io.labrunner.labs.mlpipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Reading what the state machine did, as the console's execution list and graph do: its executions
 * (ListExecutions), what each was started with (DescribeExecution's input — for a run started by the rule, the S3
 * event), and each one's history (GetExecutionHistory), oldest event first.
 */
final class PipelineRuns {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One execution with the event that started it, if an S3 "Object Created" event did. */
    record Run(DescribeExecutionResponse execution, Optional<JsonNode> s3Event) {
        String status() {
            return execution.statusAsString();
        }

        String name() {
            return execution.name();
        }

        /** The object whose creation started this run, if an S3 event started it. */
        Optional<String> objectKey() {
            return s3Event.map(e -> e.path("detail").path("object").path("key").asText(null));
        }
    }

    private PipelineRuns() {
    }

    /** The state machine's ARN, by its name; empty when there is none. */
    static Optional<String> stateMachineArn(SfnClient sfn, String name) {
        return sfn.listStateMachinesPaginator(r -> { }).stateMachines().stream()
                .filter(m -> m.name().equals(name)).map(m -> m.stateMachineArn()).findFirst();
    }

    /** Every execution of the state machine, newest first, described. */
    static List<Run> all(SfnClient sfn, String stateMachineArn) {
        List<Run> runs = new ArrayList<>();
        for (ExecutionListItem item : sfn.listExecutionsPaginator(r -> r.stateMachineArn(stateMachineArn)).executions()) {
            DescribeExecutionResponse execution = sfn.describeExecution(r -> r.executionArn(item.executionArn()));
            runs.add(new Run(execution, s3Event(execution.input())));
        }
        return runs;
    }

    /** The newest execution an S3 event about {@code key} started. */
    static Optional<Run> startedBy(SfnClient sfn, String stateMachineArn, String key) {
        return all(sfn, stateMachineArn).stream().filter(r -> r.objectKey().filter(key::equals).isPresent()).findFirst();
    }

    /** The input as an EventBridge event from S3 ("source": "aws.s3", "detail-type": "Object Created"), if it is one. */
    static Optional<JsonNode> s3Event(String input) {
        if (input == null) {
            return Optional.empty();
        }
        try {
            JsonNode event = JSON.readTree(input);
            boolean fromS3 = "aws.s3".equals(event.path("source").asText())
                    && "Object Created".equals(event.path("detail-type").asText())
                    && event.path("detail").path("object").path("key").isTextual();
            return fromS3 ? Optional.of(event) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The execution's whole history, oldest event first (GetExecutionHistory pages 1,000 events at a time). */
    static List<HistoryEvent> history(SfnClient sfn, String executionArn) {
        return sfn.getExecutionHistoryPaginator(r -> r.executionArn(executionArn).includeExecutionData(true))
                .events().stream().toList();
    }

    /** A JSON text from the history (parameters, outputs), or a missing node when it is not JSON. */
    static JsonNode json(String text) {
        if (text == null) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
