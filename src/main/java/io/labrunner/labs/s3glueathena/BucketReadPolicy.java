package io.labrunner.labs.s3glueathena;

import io.labrunner.core.CheckResult;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Whether the crawler's role may read the lab bucket, judged from the policies' text: an inline
 * policy that names the bucket's ARN and {@code s3:GetObject}, or one of AWS's managed S3
 * policies that read every bucket. This reads the text, it does not evaluate IAM policies
 * (conditions, denies, wildcards in resources), and its hints say so.
 */
final class BucketReadPolicy {
    /** AWS managed policies that allow s3:GetObject on every bucket. */
    private static final Set<String> READS_EVERY_BUCKET = Set.of(
            "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", "arn:aws:iam::aws:policy/AmazonS3FullAccess");

    private BucketReadPolicy() {
    }

    static CheckResult judge(IamClient iam, String role, String bucket, List<String> attached) {
        String bucketArn = "arn:aws:s3:::" + bucket;
        Map<String, String> inline = new LinkedHashMap<>();
        for (String name : iam.listRolePoliciesPaginator(list -> list.roleName(role)).policyNames()) {
            // IAM returns policy documents URL-encoded.
            inline.put(name, URLDecoder.decode(iam.getRolePolicy(get -> get.roleName(role).policyName(name))
                    .policyDocument(), StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, String> policy : inline.entrySet()) {
            if (policy.getValue().contains(bucketArn) && policy.getValue().contains("s3:GetObject")) {
                return CheckResult.pass("trusts glue.amazonaws.com; AWSGlueServiceRole; inline policy "
                        + policy.getKey() + " reads " + bucketArn);
            }
        }
        for (String arn : attached) {
            if (READS_EVERY_BUCKET.contains(arn)) {
                return CheckResult.pass("trusts glue.amazonaws.com; AWSGlueServiceRole; " + arn
                        + " reads every bucket (an inline policy for this bucket alone would grant less)");
            }
        }
        String solution = "aws $ENDPOINT iam put-role-policy --role-name $ROLE --policy-name read-lab-bucket"
                + " --policy-document file://read-bucket.json";
        String howJudged = "This check reads the policies' text (it does not evaluate IAM policies): it wants an"
                + " inline policy that names " + bucketArn + " and s3:GetObject, as read-bucket.json in step 3 does.";
        if (inline.isEmpty()) {
            return CheckResult.fail("no inline policy on " + role + "; attached " + attached,
                    "Nothing on the role lets the crawler read s3://" + bucket + ": AWSGlueServiceRole covers the"
                            + " catalog and logs, not your data.", howJudged, solution);
        }
        for (Map.Entry<String, String> policy : inline.entrySet()) {
            String text = policy.getValue();
            if (text.contains("$BUCKET") || text.contains("arn:aws:s3:::/") || text.contains("arn:aws:s3:::\"")) {
                return CheckResult.fail("inline policy " + policy.getKey() + " has no bucket name in it: "
                                + text.replaceAll("\\s+", " "),
                        "Inline policy " + policy.getKey() + " names no bucket: it says " + (text.contains("$BUCKET")
                                ? "$BUCKET literally" : "arn:aws:s3::: with nothing after it")
                                + ". Was BUCKET set, and was the heredoc unquoted (<<JSON, not <<'JSON') when you wrote"
                                + " read-bucket.json?", howJudged, "Run eval \"$(./lab env s3-glue-athena)\", write"
                                + " read-bucket.json again, then " + solution);
            }
        }
        String names = String.join(", ", inline.keySet());
        boolean namesBucket = inline.values().stream().anyMatch(t -> t.contains(bucketArn));
        return CheckResult.fail("inline policies " + names + " do not allow s3:GetObject on " + bucketArn + "/*",
                namesBucket ? "Inline policy " + names + " names the bucket but not s3:GetObject: the crawler"
                        + " must read the objects, not only list them."
                        : "Inline policy " + names + " does not name this lab's bucket, " + bucketArn + ".",
                howJudged, solution);
    }
}
