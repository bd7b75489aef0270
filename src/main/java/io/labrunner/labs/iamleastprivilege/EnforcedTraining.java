package io.labrunner.labs.iamleastprivilege;

import io.labrunner.core.CheckResult;
import io.labrunner.core.LabContext;
import io.labrunner.labs.sagemakerxgboost.XgboostTraining;
import java.util.Optional;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/**
 * The proof the simulator cannot give: a real training job, started by the check as the role as it is
 * now, where IAM enforces the role's policies (always on AWS; on an emulator only when it enforces IAM).
 * Only a role already cut down is worth proving: one that still allows what the job never does would
 * complete and prove nothing.
 */
final class EnforcedTraining {
    private EnforcedTraining() {
    }

    static CheckResult completes(LabContext ctx) {
        Optional<String> roleArn = LeastPrivilegeChecks.roleArn(ctx);
        if (roleArn.isEmpty()) {
            return LeastPrivilegeChecks.noRole();
        }
        Optional<PolicySimulator.Verdict> broad = LeastPrivilegeChecks.firstAllowedThatNeverIsNeeded(ctx, roleArn.get());
        if (broad.isPresent()) {
            return CheckResult.fail("not run: the role still allows " + broad.get().request() + ", by "
                            + broad.get().byText(),
                    "Cut the role down first: it still allows " + broad.get().request() + ". A job that completes as"
                            + " a role that may do anything proves nothing about least privilege.",
                    "Once the check above passes, this one trains a job as the role and expects it to complete.");
        }
        // Each round of checks proves the role as it is now, so each trains a job of its own.
        String job = IamLeastPrivilegeLab.job(ctx) + "-check-" + Long.toString(System.currentTimeMillis(), 36);
        try {
            XgboostTraining.start(ctx, IamLeastPrivilegeLab.training(ctx, job, roleArn.get()));
            DescribeTrainingJobResponse done = XgboostTraining.await(ctx, job);
            return CheckResult.pass("training job " + job + " completed as " + IamLeastPrivilegeLab.role(ctx)
                    + " with IAM enforced; model at " + done.modelArtifacts().s3ModelArtifacts());
        } catch (SageMakerException e) {
            String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            return failed(ctx, job, "SageMaker refused to start it: " + message);
        } catch (IllegalStateException e) {
            String reason = ctx.sageMaker().describeTrainingJob(d -> d.trainingJobName(job)).failureReason();
            return failed(ctx, job, "it failed: " + reason);
        }
    }

    private static CheckResult failed(LabContext ctx, String job, String what) {
        CheckResult simulated = LeastPrivilegeChecks.needsAllowedAndScoped(ctx);
        return CheckResult.fail("training job " + job + " as $ROLE: " + what,
                "The job could not do its work as $ROLE: " + what,
                simulated.passed() ? "IAM's simulator allows everything on the job's list, so look at the failure"
                        + " reason for the request it lacked." : simulated.hint(),
                "aws $ENDPOINT sagemaker describe-training-job --training-job-name " + job
                        + " --query FailureReason shows the reason again.");
    }
}
