package io.labrunner.emulator.iam.access;

/**
 * Why a request was denied.
 *
 * @param principal the caller's ARN, as the message names it
 * @param action    the denied action
 * @param resource  the resource's ARN, or {@code *}
 * @param reason    IAM's reason: {@code because no identity-based policy allows the s3:GetObject action},
 *                  {@code with an explicit deny in a resource-based policy}, ...
 */
public record Denial(String principal, String action, String resource, String reason) {

    /**
     * AWS's AccessDenied message: {@code User: <arn> is not authorized to perform: <action> on resource: <arn>
     * <reason>}; S3 puts the resource in double quotes, other services do not.
     */
    public String message(boolean quoteResource) {
        String on = "*".equals(resource) ? "" : " on resource: " + (quoteResource ? "\"" + resource + "\"" : resource);
        return "User: " + principal + " is not authorized to perform: " + action + on + " " + reason;
    }
}
