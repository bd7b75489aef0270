package io.labrunner.emulator.sagemaker.hosting;

import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.protocol.ErrorWithMembers;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The errors of hosting. The control plane answers a missing or busy resource with a 400 ValidationException
 * (the SDK waiters count on it: EndpointDeleted succeeds on it, EndpointInService fails on it, botocore
 * {@code sagemaker/2017-07-24/waiters-2.json}); SageMaker Runtime names its own: ValidationError and ModelError.
 */
final class HostingErrors {
    private HostingErrors() {
    }

    static AwsException validation(String message) {
        return new AwsException("ValidationException", message, 400);
    }

    static AwsException endpointNotFound(String arn) {
        return validation("Could not find endpoint \"" + arn + "\".");
    }

    static AwsException endpointConfigNotFound(String arn) {
        return validation("Could not find endpoint configuration \"" + arn + "\".");
    }

    static AwsException inProgress(String arn) {
        return validation("Cannot update in-progress endpoint \"" + arn + "\".");
    }

    /** InvokeEndpoint on an endpoint that does not exist or does not serve yet. */
    static AwsException runtimeEndpointNotFound(String name, String account) {
        return new AwsException("ValidationError", "Endpoint " + name + " of account " + account + " not found.", 400);
    }

    static AwsException runtimeValidation(String message) {
        return new AwsException("ValidationError", message, 400);
    }

    /**
     * What SageMaker Runtime answers when the container refused the request: HTTP 424 with the container's own
     * status and text, and where its logs are.
     */
    static AwsException modelError(int originalStatus, String originalMessage, String container, String logStreamArn,
            String region, String endpoint, String account) {
        String message = "Received " + (originalStatus >= 500 ? "server" : "client") + " error (" + originalStatus
                + ") from " + container + " with message \""
                + originalMessage + "\". See https://" + region + ".console.aws.amazon.com/cloudwatch/home?region="
                + region + "#logEventViewer:group=/aws/sagemaker/Endpoints/" + endpoint + " in account " + account
                + " for more information.";
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("OriginalStatusCode", originalStatus);
        members.put("OriginalMessage", originalMessage);
        members.put("LogStreamArn", logStreamArn);
        return new ErrorWithMembers("ModelError", message, 424, members);
    }
}
