package io.labrunner.emulator.s3;

import io.labrunner.emulator.iam.policy.MalformedPolicyException;
import io.labrunner.emulator.iam.policy.PolicyDocument;
import io.labrunner.emulator.iam.policy.PolicyKind;
import io.labrunner.emulator.iam.policy.PrincipalElement;
import io.labrunner.emulator.iam.policy.Statement;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a bucket policy as PutBucketPolicy does: the IAM grammar of a resource-based policy (Principal and
 * Resource required), then S3's own rules, each refused with S3's MalformedPolicy wording — every Resource
 * within this bucket ("Policy has invalid resource"), only s3 actions ("Policy has invalid action"), every
 * action applying to a resource the statement names ("Action does not apply to any resource(s) in
 * statement"), principals that name someone ("Invalid principal in policy").
 */
final class BucketPolicyValidator {
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern AWS_PRINCIPAL = Pattern.compile(
            "arn:aws:iam::\\d{12}:(root|user/.+|role/.+|federated-user/.+)|arn:aws:sts::\\d{12}:assumed-role/.+/.+");
    /** Bucket-level actions by prefix, and the configuration actions that do not say "Bucket". */
    private static final List<String> BUCKET_PREFIXES = List.of("listbucket", "getbucket", "putbucket",
            "deletebucket", "createbucket");
    private static final Set<String> BUCKET_ACTIONS = Set.of("getencryptionconfiguration",
            "putencryptionconfiguration", "getlifecycleconfiguration", "putlifecycleconfiguration",
            "getreplicationconfiguration", "putreplicationconfiguration", "getaccelerateconfiguration",
            "putaccelerateconfiguration", "getanalyticsconfiguration", "putanalyticsconfiguration",
            "getmetricsconfiguration", "putmetricsconfiguration", "getinventoryconfiguration",
            "putinventoryconfiguration", "getintelligenttieringconfiguration",
            "putintelligenttieringconfiguration");
    private static final List<String> OBJECT_PREFIXES = List.of("getobject", "putobject", "deleteobject");
    private static final Set<String> OBJECT_ACTIONS = Set.of("abortmultipartupload", "listmultipartuploadparts",
            "restoreobject", "replicateobject", "replicatedelete", "replicatetags", "bypassgovernanceretention");
    private static final Set<String> ACCOUNT_ACTIONS = Set.of("listallmybuckets", "createjob",
            "getaccountpublicaccessblock", "putaccountpublicaccessblock");

    private BucketPolicyValidator() {
    }

    /** The parsed policy, or a MalformedPolicy S3 error naming the first problem. */
    static PolicyDocument validate(String text, String bucket) {
        if (text.isEmpty() || text.charAt(0) != '{') {
            throw S3Errors.malformedPolicy("Policies must be valid JSON and the first byte must be '{'");
        }
        PolicyDocument policy;
        try {
            policy = PolicyDocument.parse(text, PolicyKind.RESOURCE);
        } catch (MalformedPolicyException e) {
            throw S3Errors.malformedPolicy(e.getMessage());
        }
        String bucketArn = "arn:aws:s3:::" + bucket;
        for (Statement statement : policy.statements()) {
            principals(statement.principals());
            boolean bucketLevel = false;
            boolean objectLevel = false;
            for (String resource : statement.resources().values()) {
                if (resource.equals(bucketArn)) {
                    bucketLevel = true;
                } else if (resource.startsWith(bucketArn + "/")) {
                    objectLevel = true;
                } else if (wildcardMatches(resource, bucketArn)) {
                    bucketLevel = true;
                    objectLevel |= wildcardMatches(resource, bucketArn + "/key");
                } else if (wildcardMatches(resource, bucketArn + "/key")) {
                    objectLevel = true;
                } else {
                    throw S3Errors.malformedPolicy("Policy has invalid resource");
                }
            }
            if (statement.resources().negated()) {
                continue;
            }
            for (String action : statement.actions().values()) {
                applies(action, bucketLevel, objectLevel, statement.actions().negated());
            }
        }
        return policy;
    }

    private static void applies(String action, boolean bucketLevel, boolean objectLevel, boolean notAction) {
        if (action.equals("*")) {
            return;
        }
        if (!action.regionMatches(true, 0, "s3:", 0, 3)) {
            throw S3Errors.malformedPolicy("Policy has invalid action");
        }
        String name = action.substring(3).toLowerCase(java.util.Locale.ROOT);
        if (notAction || name.contains("*") || name.contains("?")) {
            return;
        }
        boolean needsBucket = BUCKET_ACTIONS.contains(name) || BUCKET_PREFIXES.stream().anyMatch(name::startsWith);
        boolean needsObject = OBJECT_ACTIONS.contains(name) || OBJECT_PREFIXES.stream().anyMatch(name::startsWith);
        if (ACCOUNT_ACTIONS.contains(name) || (needsBucket && !bucketLevel) || (needsObject && !objectLevel)) {
            throw S3Errors.malformedPolicy("Action does not apply to any resource(s) in statement");
        }
    }

    private static void principals(PrincipalElement principal) {
        if (principal == null || principal.everyone()) {
            return;
        }
        for (String value : principal.byType().getOrDefault("AWS", List.of())) {
            if (!value.equals("*") && !ACCOUNT.matcher(value).matches() && !AWS_PRINCIPAL.matcher(value).matches()) {
                throw S3Errors.malformedPolicy("Invalid principal in policy");
            }
        }
    }

    /** Whether a Resource pattern with {@code *} or {@code ?} matches {@code arn}. */
    private static boolean wildcardMatches(String pattern, String arn) {
        if (!pattern.contains("*") && !pattern.contains("?")) {
            return false;
        }
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.matches(regex.toString(), arn);
    }
}
