package io.labrunner.emulator.stepfunctions.integrations;

import java.util.Optional;

/**
 * A Task state's service integration resource: {@code arn:<partition>:states:::<service>:<action>[.<pattern>]},
 * or {@code arn:<partition>:states:::aws-sdk:<service>:<action>[.<pattern>]}.
 *
 * @param sdk     whether it is an AWS SDK integration
 * @param service the service as the ARN names it ({@code sagemaker}, {@code athena}, {@code states}, {@code s3}...)
 * @param action  the API action in camelCase ({@code createTrainingJob})
 * @param pattern {@link #REQUEST_RESPONSE}, {@link #SYNC}, {@link #SYNC_2} or {@link #WAIT_FOR_TASK_TOKEN}
 */
record Resource(boolean sdk, String service, String action, String pattern) {
    static final String REQUEST_RESPONSE = "";
    static final String SYNC = "sync";
    static final String SYNC_2 = "sync:2";
    static final String WAIT_FOR_TASK_TOKEN = "waitForTaskToken";

    /** The integration a resource names; empty for anything else (a Lambda function's or an activity's ARN). */
    static Optional<Resource> parse(String resource) {
        String[] parts = resource.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn") || !parts[2].equals("states") || !parts[3].isEmpty()
                || !parts[4].isEmpty()) {
            return Optional.empty();
        }
        String rest = parts[5];
        boolean sdk = rest.startsWith("aws-sdk:");
        if (sdk) {
            rest = rest.substring("aws-sdk:".length());
        }
        int colon = rest.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String service = rest.substring(0, colon);
        String call = rest.substring(colon + 1);
        int dot = call.indexOf('.');
        String action = dot < 0 ? call : call.substring(0, dot);
        String pattern = dot < 0 ? REQUEST_RESPONSE : call.substring(dot + 1);
        if (action.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Resource(sdk, service, action, pattern));
    }

    /** The API operation: the action with its first letter in upper case ({@code createTrainingJob → CreateTrainingJob}). */
    String operation() {
        return Character.toUpperCase(action.charAt(0)) + action.substring(1);
    }

    String name() {
        return "arn:aws:states:::" + (sdk ? "aws-sdk:" : "") + service + ":" + action
                + (pattern.isEmpty() ? "" : "." + pattern);
    }
}
