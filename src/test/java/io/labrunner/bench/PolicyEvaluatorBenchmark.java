package io.labrunner.bench;

import io.labrunner.emulator.iam.policy.EvalDecision;
import io.labrunner.emulator.iam.policy.PolicyDocument;
import io.labrunner.emulator.iam.policy.PolicyEvaluator;
import io.labrunner.emulator.iam.policy.PolicyKind;
import io.labrunner.emulator.iam.policy.PolicySet;
import io.labrunner.emulator.iam.policy.RequestContext;
import io.labrunner.emulator.iam.policy.SourcedPolicy;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The IAM policy evaluator's speed: 100,000 decisions against a set of 20 statements in three policies
 * (wildcard actions and ARNs, NotAction, a Deny, conditions of several operators, a policy variable), the
 * requests varied over actions, buckets, keys and context values. Run with
 * {@code mvn -q -Pbench -DskipTests verify -Dbench=PolicyEvaluatorBenchmark}. Not a test: nothing here fails.
 */
public final class PolicyEvaluatorBenchmark {
    private static final int DECISIONS = 100_000;
    private static final int RUNS = 5;

    private PolicyEvaluatorBenchmark() {
    }

    static PolicySet policies() {
        String data = """
                {"Version": "2012-10-17", "Statement": [
                  {"Sid": "ReadLake", "Effect": "Allow", "Action": ["s3:Get*", "s3:List*"],
                   "Resource": ["arn:aws:s3:::lake-*", "arn:aws:s3:::lake-*/*"]},
                  {"Sid": "WriteCurated", "Effect": "Allow", "Action": "s3:PutObject",
                   "Resource": "arn:aws:s3:::lake-*/curated/*",
                   "Condition": {"StringEquals": {"s3:x-amz-server-side-encryption": "aws:kms"}}},
                  {"Sid": "Home", "Effect": "Allow", "Action": "s3:*",
                   "Resource": "arn:aws:s3:::home/${aws:username}/*"},
                  {"Sid": "NoDeletes", "Effect": "Deny", "Action": ["s3:DeleteObject*", "s3:DeleteBucket"],
                   "Resource": "*"},
                  {"Sid": "TlsOnly", "Effect": "Deny", "Action": "s3:*", "Resource": "*",
                   "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
                  {"Sid": "Office", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*",
                   "Condition": {"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "198.51.100.0/24"]}}},
                  {"Sid": "Tagged", "Effect": "Allow", "Action": "s3:PutObjectTagging", "Resource": "*",
                   "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["team", "cost-center"]}}}
                ]}""";
        String glue = """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": ["glue:Get*", "glue:CreateTable", "glue:UpdateTable"], "Resource": "*"},
                  {"Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
                   "Resource": "arn:aws:logs:*:*:log-group:/aws-glue/*"},
                  {"Effect": "Allow", "Action": "cloudwatch:PutMetricData", "Resource": "*",
                   "Condition": {"StringLike": {"cloudwatch:namespace": "Glue*"}}},
                  {"Effect": "Deny", "Action": "glue:Delete*", "Resource": "*"},
                  {"Effect": "Allow", "Action": "athena:*", "Resource": "arn:aws:athena:*:*:workgroup/primary"},
                  {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*",
                   "Condition": {"StringEquals": {"kms:ViaService": "s3.us-east-1.amazonaws.com"}}}
                ]}""";
        String guard = """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "NotAction": ["iam:*", "organizations:*", "account:*"], "Resource": "*",
                   "Condition": {"StringEquals": {"aws:RequestedRegion": ["us-east-1", "eu-west-1"]}}},
                  {"Effect": "Deny", "Action": "iam:*", "NotResource": "arn:aws:iam::*:role/lab-*"},
                  {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::*:role/lab-*",
                   "Condition": {"StringEquals": {"iam:PassedToService": "glue.amazonaws.com"}}},
                  {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*",
                   "Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:glue:*:*:crawler/*"}}},
                  {"Effect": "Deny", "Action": "*", "Resource": "*",
                   "Condition": {"NumericGreaterThan": {"aws:MultiFactorAuthAge": "3600"}}},
                  {"Effect": "Allow", "Action": "sagemaker:CreateTrainingJob", "Resource": "*",
                   "Condition": {"Null": {"sagemaker:VolumeKmsKey": "false"}}},
                  {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
                   "Condition": {"DateLessThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"}}}
                ]}""";
        List<SourcedPolicy> identity = new ArrayList<>();
        int i = 1;
        for (String document : List.of(data, glue, guard)) {
            identity.add(new SourcedPolicy("policy-" + i++, "role", PolicyDocument.parse(document, PolicyKind.IDENTITY)));
        }
        return PolicySet.identityOnly(identity);
    }

    static List<RequestContext> requests(int count) {
        String[] actions = {"s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket", "glue:GetTable",
            "glue:DeleteTable", "logs:PutLogEvents", "kms:Decrypt", "iam:PassRole", "iam:CreateUser",
            "sagemaker:CreateTrainingJob", "athena:StartQueryExecution", "cloudwatch:PutMetricData"};
        String[] resources = {"arn:aws:s3:::lake-raw/raw/sales/part-%d.csv", "arn:aws:s3:::lake-raw/curated/%d.parquet",
            "arn:aws:s3:::home/ana/notes-%d", "arn:aws:s3:::reports/q%d.pdf",
            "arn:aws:logs:us-east-1:000000000000:log-group:/aws-glue/crawlers:log-stream:%d",
            "arn:aws:iam::000000000000:role/lab-%d-crawler", "arn:aws:glue:us-east-1:000000000000:table/db/t%d", "*"};
        List<RequestContext> list = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            String resource = resources[n % resources.length].replace("%d", Integer.toString(n % 97));
            RequestContext.Builder request = RequestContext.builder(actions[n % actions.length], resource)
                    .principal("arn:aws:iam::000000000000:role/lab-crawler")
                    .key("aws:username", n % 3 == 0 ? "ana" : "bob")
                    .key("aws:SecureTransport", n % 11 == 0 ? "false" : "true")
                    .key("aws:SourceIp", n % 2 == 0 ? "203.0.113." + n % 250 : "192.0.2." + n % 250)
                    .key("aws:RequestedRegion", n % 5 == 0 ? "ap-south-1" : "us-east-1")
                    .key("aws:CurrentTime", "2026-12-07T12:00:00Z");
            if (n % 4 == 0) {
                request.key("s3:x-amz-server-side-encryption", "aws:kms");
            }
            if (n % 7 == 0) {
                request.key("aws:TagKeys", "team", n % 14 == 0 ? "owner" : "cost-center");
            }
            list.add(request.build());
        }
        return list;
    }

    public static void main(String[] args) throws Exception {
        PolicySet policies = policies();
        int statements = policies.identity().stream().mapToInt(p -> p.document().statements().size()).sum();
        List<RequestContext> requests = requests(DECISIONS);
        Map<EvalDecision, Integer> counts = new EnumMap<>(EvalDecision.class);
        for (RequestContext r : requests) {
            counts.merge(PolicyEvaluator.evaluate(policies, r).decision(), 1, Integer::sum);
        }
        double decide = Benchmarks.median(RUNS, () -> {
            long start = System.nanoTime();
            int allowed = 0;
            for (RequestContext r : requests) {
                allowed += PolicyEvaluator.evaluate(policies, r).decision() == EvalDecision.ALLOWED ? 1 : 0;
            }
            if (allowed < 0) {
                throw new IllegalStateException();
            }
            return (System.nanoTime() - start) / 1e9;
        });
        double buildAndDecide = Benchmarks.median(RUNS, () -> {
            long start = System.nanoTime();
            for (RequestContext r : requests(DECISIONS)) {
                PolicyEvaluator.evaluate(policies, r);
            }
            return (System.nanoTime() - start) / 1e9;
        });
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {DECISIONS + " decisions, " + statements + " statements", Benchmarks.fmt(decide) + " s",
            "< 1 s"});
        rows.add(new String[] {"the same, building each request context too", Benchmarks.fmt(buildAndDecide) + " s", ""});
        rows.add(new String[] {"decisions per second", Benchmarks.fmt(DECISIONS / decide), ""});
        rows.add(new String[] {"allowed / explicitDeny / implicitDeny", counts.get(EvalDecision.ALLOWED) + " / "
                + counts.get(EvalDecision.EXPLICIT_DENY) + " / " + counts.get(EvalDecision.IMPLICIT_DENY), ""});
        Benchmarks.print(rows);
    }
}
