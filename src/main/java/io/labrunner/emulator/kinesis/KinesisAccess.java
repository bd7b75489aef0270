package io.labrunner.emulator.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.iam.IamDirectory;
import io.labrunner.emulator.iam.access.AccessRequest;
import io.labrunner.emulator.iam.access.AccessRequests;
import java.util.List;

/**
 * What IAM authorizes for Kinesis Data Streams: the stream's ARN, from {@code StreamARN} or
 * {@code StreamName}; ListStreams acts on no stream.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonkinesis.html
 */
final class KinesisAccess {
    private KinesisAccess() {
    }

    static List<AccessRequest> of(AwsRequest request) {
        String operation = request.operation().orElse("");
        if (operation.equals("ListStreams") || operation.isEmpty()) {
            return List.of();
        }
        JsonNode in = AccessRequests.jsonBody(request);
        String arn = AccessRequests.text(in, null, "StreamARN");
        if (arn == null) {
            arn = AccessRequests.arn("kinesis", request, IamDirectory.ACCOUNT_ID,
                    "stream/" + AccessRequests.text(in, "*", "StreamName"));
        }
        return AccessRequests.on("kinesis:" + operation, arn);
    }
}
