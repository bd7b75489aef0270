package io.labrunner.emulator.calls;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Calls one of the emulator's own services in-process, the way an AWS service calls another on a customer's
 * behalf: a Step Functions task, an EventBridge target, a SageMaker Pipelines step. The request goes through the
 * same protocol core a client's request does (the API model's checks, then the service's handler), and is
 * authorized for the role the calling service acts as.
 *
 * <p>Served for services that speak AWS JSON (Glue, Athena, Kinesis, Firehose, SageMaker, CloudWatch Logs, KMS,
 * Secrets Manager, Step Functions, EventBridge, ...). Other protocols answer {@code NotImplemented}.
 */
public interface ServiceCalls {

    /**
     * Runs {@code operation} of the service with SigV4 signing name {@code signingName}.
     *
     * @param principal who the call acts as: a role (its session named by the calling service), or the account
     * @param input     the operation's input members, as AWS JSON sends them
     * @param region    the region the call is made in
     * @return the operation's output members; an empty object for an operation without output
     * @throws io.labrunner.emulator.AwsException with the service's error code, message and status
     *         ({@code AccessDeniedException} when the role may not make the call)
     */
    JsonNode call(Principal principal, String signingName, String operation, JsonNode input, String region);

    /**
     * Who an in-process call acts as.
     *
     * @param roleArn     the role's ARN, or null for the account itself
     * @param sessionName the session the calling service names (Step Functions uses the execution's id)
     */
    record Principal(String roleArn, String sessionName) {

        /** The account's own credentials: nothing but resource policies can deny it. */
        public static Principal account() {
            return new Principal(null, null);
        }

        public static Principal role(String roleArn, String sessionName) {
            return new Principal(roleArn, sessionName);
        }
    }
}
