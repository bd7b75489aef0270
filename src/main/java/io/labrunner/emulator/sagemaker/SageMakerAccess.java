package io.labrunner.emulator.sagemaker;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.iam.IamDirectory;
import io.labrunner.emulator.iam.access.AccessRequest;
import io.labrunner.emulator.iam.access.AccessRequests;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What IAM authorizes for SageMaker and SageMaker Runtime: the ARN of the resource an operation names
 * ({@code training-job/<name>}, {@code model/<name>}, {@code endpoint/<name>}..., names in lower case as
 * SageMaker writes its ARNs); operations that start work as a role also pass it ({@code iam:PassRole}).
 * Runtime's InvokeEndpoint is {@code sagemaker:InvokeEndpoint} on the endpoint.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonsagemaker.html
 */
final class SageMakerAccess {
    private static final String SAGEMAKER = "sagemaker.amazonaws.com";

    /** Resource type and the request member naming it, by the operation's resource noun. */
    private record Kind(String type, String member) {
    }

    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("TrainingJob", new Kind("training-job", "TrainingJobName")),
            Map.entry("HyperParameterTuningJob", new Kind("hyper-parameter-tuning-job", "HyperParameterTuningJobName")),
            Map.entry("TrainingJobsForHyperParameterTuningJob",
                    new Kind("hyper-parameter-tuning-job", "HyperParameterTuningJobName")),
            Map.entry("Model", new Kind("model", "ModelName")),
            Map.entry("EndpointConfig", new Kind("endpoint-config", "EndpointConfigName")),
            Map.entry("Endpoint", new Kind("endpoint", "EndpointName")),
            Map.entry("EndpointWeightsAndCapacities", new Kind("endpoint", "EndpointName")),
            Map.entry("TransformJob", new Kind("transform-job", "TransformJobName")),
            Map.entry("ProcessingJob", new Kind("processing-job", "ProcessingJobName")),
            Map.entry("ModelPackageGroup", new Kind("model-package-group", "ModelPackageGroupName")),
            Map.entry("ModelPackage", new Kind("model-package", "ModelPackageName")),
            Map.entry("MonitoringSchedule", new Kind("monitoring-schedule", "MonitoringScheduleName")),
            Map.entry("MonitoringExecutions", new Kind("monitoring-schedule", "MonitoringScheduleName")),
            Map.entry("DataQualityJobDefinition", new Kind("data-quality-job-definition", "JobDefinitionName")));
    private static final List<String> VERBS = List.of("Create", "Describe", "Delete", "Update", "Stop", "Start",
            "Invoke", "List");

    private SageMakerAccess() {
    }

    static List<AccessRequest> of(AwsRequest request) {
        if (!request.headers().containsKey("x-amz-target") && request.path().startsWith("/endpoints/")) {
            String[] parts = request.path().split("/");
            String endpoint = parts.length > 2 ? parts[2] : "*";
            return AccessRequests.on("sagemaker:InvokeEndpoint", arn(request, "endpoint", endpoint));
        }
        String operation = request.operation().orElse("");
        String action = "sagemaker:" + operation;
        JsonNode in = AccessRequests.jsonBody(request);
        if (operation.equals("AddTags") || operation.equals("DeleteTags") || operation.equals("ListTags")) {
            return AccessRequests.on(action, AccessRequests.text(in, "*", "ResourceArn"));
        }
        String verb = VERBS.stream().filter(operation::startsWith).findFirst().orElse("");
        Kind kind = KINDS.get(operation.substring(verb.length()));
        if (kind == null || (verb.equals("List") && !in.has(kind.member()))) {
            return List.of(); // List operations act on no one resource
        }
        String name = AccessRequests.text(in, "*", kind.member());
        if (operation.equals("CreateModelPackage")) {
            name = AccessRequests.text(in, name, "ModelPackageGroupName") + (in.has("ModelPackageGroupName") ? "/*" : "");
        }
        List<AccessRequest> out = new ArrayList<>(AccessRequests.on(action,
                name.startsWith("arn:") ? name : arn(request, kind.type(), name)));
        if (verb.equals("Create")) {
            for (String role : List.of(AccessRequests.text(in, "", "RoleArn"),
                    AccessRequests.text(in, "", "ExecutionRoleArn"),
                    AccessRequests.text(in, "", "TrainingJobDefinition", "RoleArn"))) {
                if (!role.isEmpty()) {
                    out.add(AccessRequests.passRole(role, IamDirectory.ACCOUNT_ID, SAGEMAKER));
                }
            }
        }
        return out;
    }

    private static String arn(AwsRequest request, String type, String name) {
        return AccessRequests.arn("sagemaker", request, IamDirectory.ACCOUNT_ID,
                type + "/" + name.toLowerCase(Locale.ROOT));
    }
}
