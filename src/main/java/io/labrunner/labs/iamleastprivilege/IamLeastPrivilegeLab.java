package io.labrunner.labs.iamleastprivilege;

import io.labrunner.core.Capability;
import io.labrunner.core.Check;
import io.labrunner.core.Lab;
import io.labrunner.core.LabContext;
import io.labrunner.core.LabInfo;
import io.labrunner.core.Resource;
import io.labrunner.core.RunNames;
import io.labrunner.labs.s3glueathena.LabBucket;
import io.labrunner.labs.sagemakerxgboost.Customers;
import io.labrunner.labs.sagemakerxgboost.XgboostTraining;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;

/**
 * Least privilege for a SageMaker training job's execution role. The role starts with AWS's managed
 * AdministratorAccess, so the job could delete the bucket, read another team's data or make itself
 * anything; the learner replaces it with a policy that allows exactly what the job does — list and read
 * the training prefix, write the model prefix, its logs and metrics — and proves it by training as the
 * role. The checks ask IAM's policy simulator, which answers the same on a real account.
 */
public final class IamLeastPrivilegeLab implements Lab {
    static final String TRAIN = "data/train/";
    static final String TRAIN_FILE = "train.csv";
    static final String PII_FILE = "pii/customers.csv";
    static final String MODELS = "models/";
    static final String SALARIES_FILE = "salaries.csv";

    /** A small, quick model: the job is here to prove the role, not to win on AUC. */
    static final Map<String, String> HYPERPARAMETERS = orderedMap(
            "objective", "binary:logistic",
            "num_round", "20",
            "max_depth", "3",
            "eta", "0.3",
            "eval_metric", "auc");

    @Override
    public LabInfo info() {
        return new LabInfo(
                "iam-least-privilege",
                "Least privilege: cut a training job's role from AdministratorAccess to what the job does",
                "A SageMaker training role has AdministratorAccess. Find out what a training job really does"
                        + " as its role, write a policy that allows exactly that on exactly its resources,"
                        + " prove the job still trains, and prove with IAM's policy simulator that deleting"
                        + " the bucket, reading another team's data or passing roles is denied.",
                "4 ML Solution Monitoring, Maintenance, and Security",
                "4.3 Secure AWS resources",
                List.of("AWS IAM", "Amazon SageMaker", "Amazon S3", "Amazon CloudWatch Logs"),
                40,
                "< $0.05",
                Set.of(Capability.S3, Capability.IAM, Capability.SAGEMAKER_TRAINING));
    }

    // Every name depends only on the run id, so each phase (and the learner) finds them again.

    static String bucket(RunNames run) {
        return run.name("training");
    }

    /** Another team's bucket in the same account: what an over-broad role exposes. */
    static String otherBucket(RunNames run) {
        return run.name("payroll");
    }

    static String role(RunNames run) {
        return run.name("training-role");
    }

    static String job(RunNames run) {
        return run.name("churn-train");
    }

    /** The guide's shell variables, in the order its steps use them. */
    @Override
    public Map<String, String> names(RunNames run) {
        return orderedMap("BUCKET", bucket(run), "OTHER_BUCKET", otherBucket(run), "ROLE", role(run),
                "JOB", job(run));
    }

    static String region(LabContext ctx) {
        return ctx.sageMaker().serviceClientConfiguration().region().id();
    }

    /** The ARNs the checks ask about, for this run and this role. */
    static JobAccess.Names access(LabContext ctx, String roleArn) {
        return new JobAccess.Names(bucket(ctx), otherBucket(ctx), roleArn, region(ctx), TrainingRole.account(roleArn),
                job(ctx));
    }

    @Override
    public void setup(LabContext ctx) throws Exception {
        String bucket = bucket(ctx);
        String other = otherBucket(ctx);
        ctx.step("Create bucket " + bucket + " with the training data and a personal-data export beside it", () -> {
            ctx.create(Resource.bucket(bucket), () -> LabBucket.create(ctx.s3(), bucket, ctx.tags()));
            LabBucket.putText(ctx.s3(), bucket, TRAIN + TRAIN_FILE,
                    Customers.labelledCsv(Customers.dataset().train()), "text/csv");
            LabBucket.putText(ctx.s3(), bucket, PII_FILE, SampleFiles.customerContacts(), "text/csv");
        });
        ctx.step("Create bucket " + other + ", another team's, with salaries in it", () -> {
            ctx.create(Resource.bucket(other), () -> LabBucket.create(ctx.s3(), other, ctx.tags()));
            LabBucket.putText(ctx.s3(), other, SALARIES_FILE, SampleFiles.salaries(), "text/csv");
        });
        ctx.step("Create role " + role(ctx) + " that SageMaker may assume, with AdministratorAccess attached", () ->
                ctx.create(Resource.role(role(ctx)), () ->
                        TrainingRole.createWithAdministratorAccess(ctx.iam(), role(ctx), ctx.tags())));
        // The learner starts this job by hand; recording its name now lets cleanup stop it whoever made it.
        ctx.step("Reserve the name of the training job", () -> ctx.create(Resource.trainingJob(job(ctx)), () -> job(ctx)));
        ctx.note("buckets " + bucket + " and " + other + "   role " + role(ctx) + "   job " + job(ctx));
    }

    @Override
    public void solve(LabContext ctx) throws Exception {
        String role = role(ctx);
        ctx.step("Write what the job needs as an inline policy " + TrainingRole.POLICY_NAME + " on " + role, () ->
                ctx.iam().putRolePolicy(put -> put.roleName(role).policyName(TrainingRole.POLICY_NAME)
                        .policyDocument(TrainingRole.leastPrivilege(bucket(ctx)))));
        ctx.step("Detach AdministratorAccess from " + role, () ->
                ctx.iam().detachRolePolicy(detach -> detach.roleName(role).policyArn(TrainingRole.ADMIN)));
        String roleArn = ctx.iam().getRole(get -> get.roleName(role)).role().arn();
        ctx.step("Ask IAM's policy simulator what the role may do now", () -> {
            PolicySimulator simulator = new PolicySimulator(ctx.iam(), roleArn);
            JobAccess.Names names = access(ctx, roleArn);
            JobAccess.needs(names).forEach(n -> ctx.note(line(simulator.ask(n.request()))));
            JobAccess.forbidden(names).forEach(f -> ctx.note(line(simulator.ask(f.request()))));
        });
        ctx.step("Train as the cut-down role (job " + job(ctx) + ") and wait for it", () -> {
            DescribeTrainingJobResponse done = XgboostTraining.trainAndWait(ctx, training(ctx, job(ctx), roleArn));
            ctx.note("model at " + done.modelArtifacts().s3ModelArtifacts());
        });
    }

    private static String line(PolicySimulator.Verdict verdict) {
        return String.format("%-13s %s", verdict.word(), verdict.request());
    }

    /** The training job of the guide: one CSV channel from the training prefix, the model under models/. */
    static CreateTrainingJobRequest training(LabContext ctx, String name, String roleArn) {
        return XgboostTraining.request(name, region(ctx), roleArn,
                orderedMap("train", "s3://" + bucket(ctx) + "/" + TRAIN), "s3://" + bucket(ctx) + "/" + MODELS,
                HYPERPARAMETERS, ctx.tags());
    }

    @Override
    public List<Check> checks() {
        return List.of(
                Check.of("What the training job needs is allowed, each on its own resource and not next door",
                        LeastPrivilegeChecks::needsAllowedAndScoped),
                Check.of("What the job never does is denied: deleting data, another team's bucket, passing roles",
                        LeastPrivilegeChecks::neverNeededDenied),
                Check.of("A training job run as the role completes while IAM enforces the role's policies",
                        EnforcedTraining::completes).needing(Capability.IAM_ENFORCEMENT));
    }

    static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
