package io.labrunner.emulator.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.iam.IamDirectory;
import io.labrunner.emulator.iam.access.AccessRequest;
import io.labrunner.emulator.iam.access.AccessRequests;
import java.util.ArrayList;
import java.util.List;

/**
 * What IAM authorizes for Firehose: the delivery stream's ARN; CreateDeliveryStream also passes the roles its
 * source and destination act as ({@code iam:PassRole}); ListDeliveryStreams acts on no stream.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonkinesisfirehose.html
 */
final class FirehoseAccess {
    private static final String FIREHOSE = "firehose.amazonaws.com";
    private static final List<String> ROLE_PATHS = List.of("KinesisStreamSourceConfiguration",
            "S3DestinationConfiguration", "ExtendedS3DestinationConfiguration");
    private static final List<String> UPDATE_ROLE_PATHS = List.of("S3DestinationUpdate", "ExtendedS3DestinationUpdate");

    private FirehoseAccess() {
    }

    static List<AccessRequest> of(AwsRequest request) {
        String operation = request.operation().orElse("");
        if (operation.equals("ListDeliveryStreams") || operation.isEmpty()) {
            return List.of();
        }
        JsonNode in = AccessRequests.jsonBody(request);
        List<AccessRequest> out = new ArrayList<>(AccessRequests.on("firehose:" + operation,
                AccessRequests.arn("firehose", request, IamDirectory.ACCOUNT_ID,
                        "deliverystream/" + AccessRequests.text(in, "*", "DeliveryStreamName"))));
        if (operation.equals("CreateDeliveryStream") || operation.equals("UpdateDestination")) {
            for (String member : operation.equals("UpdateDestination") ? UPDATE_ROLE_PATHS : ROLE_PATHS) {
                String role = AccessRequests.text(in, null, member, "RoleARN");
                if (role != null) {
                    out.add(AccessRequests.passRole(role, IamDirectory.ACCOUNT_ID, FIREHOSE));
                }
            }
        }
        return out;
    }
}
