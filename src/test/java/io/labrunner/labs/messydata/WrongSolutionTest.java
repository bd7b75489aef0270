package io.labrunner.labs.messydata;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.AwsClients;
import io.labrunner.core.LabRunner;
import io.labrunner.core.Ledger;
import io.labrunner.core.RunNames;
import io.labrunner.core.StateDirectory;
import io.labrunner.core.report.CheckOutcome;
import io.labrunner.labs.messydata.MessyDataLab.Variant;
import io.labrunner.labs.sagemakerxgboost.XgboostTraining;
import io.labrunner.testing.EmbeddedEmulator;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatus;

/**
 * Plausible wrong solutions, done by hand against the emulator after the lab's setup: each fails the
 * check it should, and the first hint says what was done, diagnosed from what the check saw.
 */
class WrongSolutionTest {
    private static final String CLEAN_CHECK = "readings_clean has no duplicates, no gaps and no glitches, and keeps every reading";
    private static final String TRAINING_CHECK =
            "Two XGBoost jobs trained on the cleaned CSV, one with scale_pos_weight near negatives/positives";
    private final MessyDataLab lab = new MessyDataLab();

    @TempDir
    Path home;

    @Test
    void anInvertedWeightIsCalledUpsideDownAndDroppingRowsWithGapsIsCalledDropping() throws Exception {
        try (EmbeddedEmulator emulator = new EmbeddedEmulator()) {
            StateDirectory state = new StateDirectory(home);
            LabRunner runner = emulator.runner(state);
            RunNames run = RunNames.of(runner.start(lab).runId());
            Ledger ledger = state.latestRun(Optional.of(lab.info().id()), "embedded").orElseThrow();
            AwsClients aws = emulator.clients();
            try {
                // The guide's cleaning and export, then the weight as failures / non-failures: upside down.
                ask(aws, run, CleaningSql.clean(MessyDataLab.bucket(run)));
                ask(aws, run, CleaningSql.exportTrainingCsv(MessyDataLab.bucket(run)));
                double inverted = 1 / MessyChecks.expectedWeight();
                train(aws, run, Variant.PLAIN, MessyDataLab.hyperParameters(Variant.PLAIN, 1));
                train(aws, run, Variant.WEIGHTED, Map.of("objective", "binary:logistic", "num_round", "5",
                        "scale_pos_weight", String.format(java.util.Locale.ROOT, "%.4f", inverted)));

                CheckOutcome training = outcome(runner, ledger, TRAINING_CHECK);
                assertThat(training.passed()).isFalse();
                assertThat(training.hint()).contains("upside down");
                assertThat(training.hints().get(training.hints().size() - 1)).startsWith("Step 6 of the guide");
                assertThat(outcome(runner, ledger, CLEAN_CHECK).passed()).as("the guide's cleaning passes").isTrue();

                // Cleaning by dropping every row with a gap or a glitch instead of fixing it.
                ask(aws, run, "DROP TABLE readings_clean");
                aws.s3().listObjectsV2Paginator(l -> l.bucket(MessyDataLab.bucket(run)).prefix(MessyDataLab.CURATED)).contents()
                        .forEach(o -> aws.s3().deleteObject(d -> d.bucket(MessyDataLab.bucket(run)).key(o.key())));
                ask(aws, run, "CREATE TABLE readings_clean WITH (format = 'PARQUET', external_location = '"
                        + MessyDataLab.s3(run, MessyDataLab.CURATED) + "') AS SELECT DISTINCT * FROM readings_raw"
                        + " WHERE temperature_c IS NOT NULL AND pressure_bar IS NOT NULL AND temperature_c < 150"
                        + " AND vibration_mm_s < 20");

                CheckOutcome clean = outcome(runner, ledger, CLEAN_CHECK);
                assertThat(clean.passed()).isFalse();
                assertThat(clean.hint()).contains("were dropped");
            } finally {
                runner.cleanup(lab, ledger);
            }
        }
    }

    private static CheckOutcome outcome(LabRunner runner, Ledger ledger, String check) {
        return runner.check(new MessyDataLab(), ledger).checks().stream().filter(c -> c.name().equals(check)).findFirst()
                .orElseThrow();
    }

    private static void ask(AwsClients aws, RunNames run, String sql) throws InterruptedException {
        String id = aws.athena().startQueryExecution(s -> s.queryString(sql)
                .queryExecutionContext(c -> c.database(MessyDataLab.database(run)))
                .resultConfiguration(r -> r.outputLocation(MessyDataLab.results(run)))).queryExecutionId();
        QueryExecutionState state;
        do {
            Thread.sleep(100);
            state = aws.athena().getQueryExecution(g -> g.queryExecutionId(id)).queryExecution().status().state();
        } while (state == QueryExecutionState.QUEUED || state == QueryExecutionState.RUNNING);
        assertThat(state).as(sql).isEqualTo(QueryExecutionState.SUCCEEDED);
    }

    private static void train(AwsClients aws, RunNames run, Variant variant, Map<String, String> hyperParameters)
            throws InterruptedException {
        String roleArn = aws.iam().getRole(g -> g.roleName(MessyDataLab.role(run))).role().arn();
        String job = MessyDataLab.job(run, variant);
        aws.sageMaker().createTrainingJob(XgboostTraining.request(job, "us-east-1", roleArn,
                Map.of("train", MessyDataLab.s3(run, MessyDataLab.TRAINING)), MessyDataLab.s3(run, MessyDataLab.MODELS),
                hyperParameters, Map.of()));
        TrainingJobStatus status;
        do {
            Thread.sleep(200);
            status = aws.sageMaker().describeTrainingJob(d -> d.trainingJobName(job)).trainingJobStatus();
        } while (status == TrainingJobStatus.IN_PROGRESS || status == TrainingJobStatus.STOPPING);
        assertThat(status).as(job).isEqualTo(TrainingJobStatus.COMPLETED);
    }
}
