package io.labrunner.emulator.iam.policy;

import java.util.List;
import java.util.Map;

/**
 * Whether a resource-based policy's Principal names the caller (IAM User Guide, "AWS JSON policy elements:
 * Principal"): {@code *} is everyone; an account ID or {@code arn:aws:iam::<account>:root} is every
 * principal of that account; a role's ARN is the role and its sessions
 * ({@code arn:aws:sts::<account>:assumed-role/<name>/<session>}); a service principal is that service.
 */
final class Principals {
    private Principals() {
    }

    static boolean matches(PrincipalElement element, String caller) {
        return matches(element, caller, true);
    }

    /**
     * Whether the element names the caller itself: everyone, its ARN, its role or its service, but not merely
     * its account. Naming the account delegates to the account's identity-based policies: an Allow so worded
     * grants nothing on its own (IAM User Guide, "AWS account principals").
     */
    static boolean grantsDirectly(PrincipalElement element, String caller) {
        return matches(element, caller, false);
    }

    private static boolean matches(PrincipalElement element, String caller, boolean byAccount) {
        if (element == null) {
            return false;
        }
        boolean named = element.everyone() || names(element.byType(), caller, byAccount);
        return named != element.negated();
    }

    private static boolean names(Map<String, List<String>> byType, String caller, boolean byAccount) {
        for (Map.Entry<String, List<String>> type : byType.entrySet()) {
            for (String value : type.getValue()) {
                if (value.equals("*")) {
                    return true;
                }
                if (caller == null) {
                    continue;
                }
                if (type.getKey().equals("AWS") ? namesAws(value, caller, byAccount)
                        : type.getKey().equals("Service") ? value.equalsIgnoreCase(caller) : value.equals(caller)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean namesAws(String value, String caller, boolean byAccount) {
        if (value.equals(caller)) {
            return true;
        }
        String account = account(caller);
        if (account == null) {
            return false;
        }
        if (value.equals(account) || value.equals("arn:aws:iam::" + account + ":root")) {
            return byAccount;
        }
        // A role ARN names the role's sessions too.
        String[] sts = caller.split(":", 6);
        if (sts.length == 6 && sts[2].equals("sts") && sts[5].startsWith("assumed-role/")) {
            String roleName = sts[5].split("/")[1];
            String[] role = value.split(":", 6);
            return role.length == 6 && role[2].equals("iam") && role[4].equals(account)
                    && role[5].startsWith("role/") && role[5].endsWith("/" + roleName);
        }
        return false;
    }

    private static String account(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && parts[0].equals("arn") && !parts[4].isEmpty() ? parts[4] : null;
    }
}
