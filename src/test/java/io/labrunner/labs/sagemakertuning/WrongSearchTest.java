package io.labrunner.labs.sagemakertuning;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.AwsClients;
import io.labrunner.core.LabRunner;
import io.labrunner.core.Ledger;
import io.labrunner.core.RunNames;
import io.labrunner.core.StateDirectory;
import io.labrunner.core.report.CheckOutcome;
import io.labrunner.testing.EmbeddedEmulator;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sagemaker.model.CreateHyperParameterTuningJobRequest;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobConfig;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobStatus;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobStrategyType;

/**
 * Plausible wrong searches, started by hand after the lab's setup with small budgets: the first check
 * fails, and its first hint tells a search of one trial from a search that ranks by the wrong metric.
 */
class WrongSearchTest {
    private static final String CHECK = "Both tuning jobs completed: Bayesian and Random, same budget, ranges and objective";
    private final SageMakerTuningLab lab = new SageMakerTuningLab();

    @TempDir
    Path home;

    @Test
    void aSearchOfOneTrialIsToldItIsNoSearch() throws Exception {
        CheckOutcome check = checkAfter(config -> config.toBuilder()
                .resourceLimits(limits -> limits.maxNumberOfTrainingJobs(1).maxParallelTrainingJobs(1)).build());

        assertThat(check.passed()).isFalse();
        assertThat(check.detail()).contains("MaxNumberOfTrainingJobs 1");
        assertThat(check.hint()).contains("only 1 trial").contains("no search");
    }

    @Test
    void aSearchRankedByTrainingAucIsToldItRewardsMemorising() throws Exception {
        CheckOutcome check = checkAfter(config -> config.toBuilder()
                .resourceLimits(limits -> limits.maxNumberOfTrainingJobs(2).maxParallelTrainingJobs(2))
                .hyperParameterTuningJobObjective(o -> o.type("Maximize").metricName("train:auc")).build());

        // As on AWS, the XGBoost container refuses a train: objective, so every trial fails.
        assertThat(check.passed()).isFalse();
        assertThat(check.detail()).contains("is Failed").contains("train:auc");
        assertThat(check.hint()).contains("only validation: metrics").contains("memorises");
        assertThat(check.hints().get(check.hints().size() - 1)).startsWith("Steps 3 and 4 of the guide");
    }

    /** Sets the lab up, runs both tuning jobs with the guide's request changed by {@code wrong}, and runs the first check. */
    private CheckOutcome checkAfter(UnaryOperator<HyperParameterTuningJobConfig> wrong) throws Exception {
        try (EmbeddedEmulator emulator = new EmbeddedEmulator()) {
            StateDirectory state = new StateDirectory(home);
            LabRunner runner = emulator.runner(state);
            RunNames run = RunNames.of(runner.start(lab).runId());
            Ledger ledger = state.latestRun(Optional.of(lab.info().id()), "embedded").orElseThrow();
            AwsClients aws = emulator.clients();
            try {
                String roleArn = aws.iam().getRole(g -> g.roleName(SageMakerTuningLab.role(run))).role().arn();
                for (HyperParameterTuningJobStrategyType strategy : SageMakerTuningLab.strategies()) {
                    CreateHyperParameterTuningJobRequest guide = TuningSetup.request(SageMakerTuningLab.tuningJob(run, strategy),
                            strategy, "us-east-1", roleArn, SageMakerTuningLab.s3(run, SageMakerTuningLab.TRAIN),
                            SageMakerTuningLab.s3(run, SageMakerTuningLab.VALIDATION), SageMakerTuningLab.s3(run, "tuning/"), Map.of());
                    aws.sageMaker().createHyperParameterTuningJob(guide.toBuilder()
                            .hyperParameterTuningJobConfig(wrong.apply(guide.hyperParameterTuningJobConfig())).build());
                }
                for (HyperParameterTuningJobStrategyType strategy : SageMakerTuningLab.strategies()) {
                    awaitEnd(aws, SageMakerTuningLab.tuningJob(run, strategy));
                }
                return runner.check(lab, ledger).checks().stream().filter(c -> c.name().equals(CHECK)).findFirst().orElseThrow();
            } finally {
                runner.cleanup(lab, ledger);
            }
        }
    }

    private static void awaitEnd(AwsClients aws, String name) throws InterruptedException {
        HyperParameterTuningJobStatus status;
        do {
            Thread.sleep(250);
            status = aws.sageMaker().describeHyperParameterTuningJob(d -> d.hyperParameterTuningJobName(name))
                    .hyperParameterTuningJobStatus();
        } while (status == HyperParameterTuningJobStatus.IN_PROGRESS || status == HyperParameterTuningJobStatus.STOPPING);
    }
}
