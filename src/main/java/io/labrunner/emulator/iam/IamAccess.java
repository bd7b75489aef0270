package io.labrunner.emulator.iam;

import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.iam.access.AccessRequest;
import io.labrunner.emulator.iam.access.AccessRequests;
import java.util.List;

/**
 * What IAM authorizes for IAM's own operations: the role a role operation names (its ARN, path included, for a
 * role that exists), the managed policy a policy operation names, the role whose policies
 * SimulatePrincipalPolicy simulates; listing and SimulateCustomPolicy act on no one resource.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html
 */
final class IamAccess {
    private final IamDirectory roles;

    IamAccess(IamDirectory roles) {
        this.roles = roles;
    }

    List<AccessRequest> of(AwsRequest request) {
        String operation = request.operation().orElse("");
        String action = "iam:" + operation;
        if (request.param("RoleName").isPresent()) {
            String name = request.param("RoleName").get();
            String arn = roles.role(name).map(Role::arn).orElse("arn:aws:iam::" + IamDirectory.ACCOUNT_ID + ":role"
                    + request.param("Path").orElse("/") + name);
            return AccessRequests.on(action, arn);
        }
        if (request.param("PolicyArn").isPresent()) {
            return AccessRequests.on(action, request.param("PolicyArn").get());
        }
        if (operation.equals("CreatePolicy")) {
            return AccessRequests.on(action, "arn:aws:iam::" + IamDirectory.ACCOUNT_ID + ":policy"
                    + request.param("Path").orElse("/") + request.param("PolicyName").orElse("*"));
        }
        if (request.param("PolicySourceArn").isPresent()) {
            return AccessRequests.on(action, request.param("PolicySourceArn").get());
        }
        return List.of();
    }
}
