package io.labrunner.emulator.stepfunctions;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Step Functions' ARNs and the names inside them. A name may hold none of: white space, brackets
 * ({@code < > { } [ ]}), wildcards ({@code ? *}), special characters ({@code " # % \ ^ | ~ ` $ & , ; : /}) or
 * control characters (the API reference's rules for {@code name}).
 */
final class SfnNames {
    private static final Pattern FORBIDDEN = Pattern.compile("[\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\x00-\\x1f\\x7f-\\x9f]");

    private SfnNames() {
    }

    static boolean validName(String name) {
        return name != null && !name.isEmpty() && name.length() <= 80 && !FORBIDDEN.matcher(name).find();
    }

    static String machineArn(String region, String account, String name) {
        return "arn:" + partition(region) + ":states:" + region + ":" + account + ":stateMachine:" + name;
    }

    static String executionArn(String machineArn, String executionName) {
        // arn:aws:states:<region>:<account>:stateMachine:<machine> -> ...:execution:<machine>:<name>
        return machineArn.replaceFirst(":stateMachine:", ":execution:") + ":" + executionName;
    }

    static String expressExecutionArn(String machineArn, String executionName, String id) {
        return machineArn.replaceFirst(":stateMachine:", ":express:") + ":" + executionName + ":" + id;
    }

    /** An ARN of the given resource type ({@code stateMachine}, {@code execution}), else InvalidArn as AWS words it. */
    static void requireArn(String arn, String resourceType) {
        String[] parts = arn.split(":", -1);
        if (!arn.startsWith("arn:") || parts.length < 6) {
            throw SfnErrors.invalidArn("Invalid ARN prefix: " + arn);
        }
        if (!"states".equals(parts[2])) {
            throw SfnErrors.invalidArn("Invalid ARN service: " + arn);
        }
        if (!parts[5].equals(resourceType)) {
            throw SfnErrors.invalidArn("Resource type not valid in this context: " + parts[5]);
        }
    }

    /** The resource type of a Step Functions ARN ({@code stateMachine}, {@code execution}...), if it is one. */
    static Optional<String> resourceType(String arn) {
        String[] parts = arn.split(":", -1);
        return arn.startsWith("arn:") && parts.length >= 7 && "states".equals(parts[2]) ? Optional.of(parts[5])
                : Optional.empty();
    }

    /** The region an ARN names. */
    static String region(String arn) {
        String[] parts = arn.split(":", -1);
        return parts.length > 3 ? parts[3] : "";
    }

    static String partition(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }
}
