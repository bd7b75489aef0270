package io.labrunner.emulator.logs;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.iam.IamDirectory;
import io.labrunner.emulator.iam.access.AccessRequests;
import io.labrunner.emulator.iam.access.AccessRequest;
import java.util.List;

/**
 * What IAM authorizes for CloudWatch Logs. Operations on a log group act on
 * {@code arn:aws:logs:<region>:<account>:log-group:<name>:log-stream:} (an empty stream, as AWS's AccessDenied
 * messages name it, which is why policies write {@code log-group:<name>:*}); operations on a stream act on
 * {@code ...:log-group:<name>:log-stream:<stream>}; DescribeLogGroups on {@code log-group::log-stream:}; the
 * tagging operations on the ARN they name.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/iam-access-control-overview-cwl.html
 */
final class LogsAccess {
    private LogsAccess() {
    }

    static List<AccessRequest> of(AwsRequest request) {
        String operation = request.operation().orElse("");
        if (operation.isEmpty()) {
            return List.of();
        }
        String action = "logs:" + operation;
        JsonNode in = AccessRequests.jsonBody(request);
        String group = group(in);
        return switch (operation) {
            case "DescribeLogGroups" -> AccessRequests.on(action, stream(request, "", ""));
            case "PutLogEvents", "DeleteLogStream" ->
                    AccessRequests.on(action, stream(request, group, AccessRequests.text(in, "*", "logStreamName")));
            case "TagResource", "UntagResource", "ListTagsForResource" ->
                    AccessRequests.on(action, AccessRequests.text(in, "*", "resourceArn"));
            default -> AccessRequests.on(action, stream(request, group, ""));
        };
    }

    /** The log group a request names, by {@code logGroupName} or {@code logGroupIdentifier} (a name or an ARN). */
    private static String group(JsonNode in) {
        String identifier = AccessRequests.text(in, null, "logGroupIdentifier");
        if (identifier != null && identifier.startsWith("arn:")) {
            String afterGroup = identifier.substring(identifier.indexOf(":log-group:") + ":log-group:".length());
            return afterGroup.endsWith(":*") ? afterGroup.substring(0, afterGroup.length() - 2) : afterGroup;
        }
        return identifier != null ? identifier : AccessRequests.text(in, "*", "logGroupName");
    }

    private static String stream(AwsRequest request, String group, String stream) {
        return AccessRequests.arn("logs", request, IamDirectory.ACCOUNT_ID,
                "log-group:" + group + ":log-stream:" + stream);
    }
}
