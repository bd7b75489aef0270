package io.labrunner.emulator.athena;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.iam.IamDirectory;
import io.labrunner.emulator.iam.access.AccessRequest;
import io.labrunner.emulator.iam.access.AccessRequests;
import java.util.ArrayList;
import java.util.List;

/**
 * What IAM authorizes for Athena: the work group a request runs in or names
 * ({@code arn:aws:athena:<region>:<account>:workgroup/<name>}); operations on a query execution act on the
 * execution's work group; ListWorkGroups on none.
 * https://docs.aws.amazon.com/athena/latest/ug/workgroups-iam-policy.html
 */
final class AthenaAccess {
    private static final String PRIMARY = "primary";
    private final AthenaStore store;

    AthenaAccess(AthenaStore store) {
        this.store = store;
    }

    List<AccessRequest> of(AwsRequest request) {
        String operation = request.operation().orElse("");
        String action = "athena:" + operation;
        JsonNode in = AccessRequests.jsonBody(request);
        switch (operation) {
            case "StartQueryExecution", "ListQueryExecutions":
                return AccessRequests.on(action, workGroup(request, AccessRequests.text(in, PRIMARY, "WorkGroup")));
            case "GetWorkGroup", "CreateWorkGroup", "DeleteWorkGroup", "UpdateWorkGroup":
                // GetWorkGroup and DeleteWorkGroup name it WorkGroup, CreateWorkGroup Name.
                return AccessRequests.on(action, workGroup(request,
                        AccessRequests.text(in, AccessRequests.text(in, "*", "Name"), "WorkGroup")));
            case "GetQueryExecution", "GetQueryResults", "StopQueryExecution":
                return AccessRequests.on(action, executionWorkGroup(request, AccessRequests.text(in, "",
                        "QueryExecutionId")));
            case "BatchGetQueryExecution": {
                List<AccessRequest> out = new ArrayList<>();
                for (JsonNode id : in.path("QueryExecutionIds")) {
                    out.addAll(AccessRequests.on(action, executionWorkGroup(request, id.asText())));
                }
                return out;
            }
            default:
                return List.of();
        }
    }

    /** The execution's work group; an unknown execution is authorized as the primary one's (it is then not found). */
    private String executionWorkGroup(AwsRequest request, String id) {
        QueryExecution execution = store.execution(id);
        return workGroup(request, execution == null || execution.workGroup == null ? PRIMARY : execution.workGroup);
    }

    private static String workGroup(AwsRequest request, String name) {
        return AccessRequests.arn("athena", request, IamDirectory.ACCOUNT_ID, "workgroup/" + name);
    }
}
