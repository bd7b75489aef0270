package io.labrunner.labs.s3glueathena;

import io.labrunner.core.CheckResult;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.iam.model.ResourceSpecificResult;
import software.amazon.awssdk.services.iam.model.Statement;

/**
 * Whether the crawler's role may read the lab's data, asked of IAM's policy simulator
 * (SimulatePrincipalPolicy) rather than read from the policies' text: the simulator weighs every
 * policy on the role — inline and managed, wildcards, conditions, and a Deny over any Allow — the way
 * AWS decides the crawler's requests, on the emulator and on a real account alike.
 */
final class BucketReadPolicy {
    /** What a crawler does with the data: list the bucket, read the objects below the dataset folders. */
    private static final String LIST = "s3:ListBucket";
    private static final String READ = "s3:GetObject";

    private BucketReadPolicy() {
    }

    static CheckResult judge(IamClient iam, String role, String roleArn, String bucket) {
        String bucketArn = "arn:aws:s3:::" + bucket;
        List<String> objects = List.of(bucketArn + "/" + S3GlueAthenaLab.RAW_SALES + "sales.csv",
                bucketArn + "/" + S3GlueAthenaLab.RAW_REFUNDS + "refunds.json");
        EvaluationResult read = iam.simulatePrincipalPolicy(s -> s.policySourceArn(roleArn).actionNames(READ)
                .resourceArns(objects)).evaluationResults().get(0);
        EvaluationResult list = iam.simulatePrincipalPolicy(s -> s.policySourceArn(roleArn).actionNames(LIST)
                .resourceArns(bucketArn)).evaluationResults().get(0);
        String solution = "aws $ENDPOINT iam put-role-policy --role-name $ROLE --policy-name read-lab-bucket"
                + " --policy-document file://read-bucket.json";
        for (ResourceSpecificResult object : read.resourceSpecificResults()) {
            if (object.evalResourceDecision() == PolicyEvaluationDecisionType.EXPLICIT_DENY) {
                return denied(READ, object.evalResourceName(), object.matchedStatements());
            }
        }
        if (list.evalDecision() == PolicyEvaluationDecisionType.EXPLICIT_DENY) {
            return denied(LIST, bucketArn, list.matchedStatements());
        }
        for (ResourceSpecificResult object : read.resourceSpecificResults()) {
            if (object.evalResourceDecision() != PolicyEvaluationDecisionType.ALLOWED) {
                return notAllowed(iam, role, READ, object.evalResourceName(), bucketArn, solution);
            }
        }
        if (list.evalDecision() != PolicyEvaluationDecisionType.ALLOWED) {
            return notAllowed(iam, role, LIST, bucketArn, bucketArn, solution);
        }
        return CheckResult.pass("trusts glue.amazonaws.com; AWSGlueServiceRole; IAM's simulator allows " + READ
                + " on " + objects + " (by " + sources(read.resourceSpecificResults().get(0).matchedStatements())
                + ") and " + LIST + " on " + bucketArn);
    }

    private static CheckResult denied(String action, String resource, List<Statement> statements) {
        String by = sources(statements);
        return CheckResult.fail(action + " on " + resource + " is explicitDeny, by " + by,
                "A Deny statement in " + by + " stops the crawler's " + action + " on " + resource
                        + ": in IAM an explicit Deny wins over every Allow, however broad.",
                "Find the statement with " + action + " and \"Effect\": \"Deny\" in " + by + statements.stream()
                        .findFirst().map(s -> " (lines " + s.startPosition().line() + "-" + s.endPosition().line() + ")")
                        .orElse("") + ", and remove it or narrow it to what the crawler must not touch.",
                "Check with aws $ENDPOINT iam simulate-principal-policy --policy-source-arn $(aws $ENDPOINT iam get-role"
                        + " --role-name $ROLE --query Role.Arn --output text) --action-names "
                        + action + " --resource-arns " + resource);
    }

    private static CheckResult notAllowed(IamClient iam, String role, String action, String resource, String bucketArn,
                                          String solution) {
        List<String> names = iam.listRolePoliciesPaginator(l -> l.roleName(role)).policyNames().stream().toList();
        for (String name : names) {
            // IAM returns policy documents URL-encoded.
            String text = URLDecoder.decode(iam.getRolePolicy(g -> g.roleName(role).policyName(name)).policyDocument(),
                    StandardCharsets.UTF_8);
            if (text.contains("$BUCKET") || text.contains("arn:aws:s3:::/") || text.contains("arn:aws:s3:::\"")) {
                return CheckResult.fail(action + " on " + resource + " is implicitDeny; inline policy " + name
                                + " has no bucket name in it: " + text.replaceAll("\\s+", " "),
                        "Inline policy " + name + " names no bucket: it says " + (text.contains("$BUCKET")
                                ? "$BUCKET literally" : "arn:aws:s3::: with nothing after it")
                                + ". Was BUCKET set, and was the heredoc unquoted (<<JSON, not <<'JSON') when you wrote"
                                + " read-bucket.json?",
                        "IAM's policy simulator finds nothing allowing " + action + " on " + resource + ": a Resource"
                                + " must name this lab's bucket, " + bucketArn + ".",
                        "Run eval \"$(./lab env s3-glue-athena)\", write read-bucket.json again, then " + solution);
            }
        }
        return CheckResult.fail(action + " on " + resource + " is implicitDeny (inline policies " + names + ")",
                "Nothing on the role allows " + action + " on " + resource + ": AWSGlueServiceRole covers the"
                        + " catalog and logs, not your data" + (action.equals(READ) ? ", and the crawler must read the"
                        + " objects, not only list them." : "."),
                "IAM's policy simulator (the same answer a real account gives) finds no Allow for " + action + " on "
                        + resource + ". A statement with \"Action\": [\"s3:GetObject\", \"s3:ListBucket\"] and"
                        + " \"Resource\": [\"" + bucketArn + "\", \"" + bucketArn + "/*\"], as read-bucket.json in"
                        + " step 3 has, allows both.",
                solution);
    }

    private static String sources(List<Statement> statements) {
        return statements.stream().map(s -> s.sourcePolicyId()).distinct().toList().toString();
    }
}
