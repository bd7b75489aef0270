package io.labrunner.labs.sagemakerxgboost;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.LabRunner;
import io.labrunner.core.Ledger;
import io.labrunner.core.RunNames;
import io.labrunner.core.StateDirectory;
import io.labrunner.core.report.CheckOutcome;
import io.labrunner.core.report.LabResult;
import io.labrunner.testing.EmbeddedEmulator;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Plausible wrong evaluations, written over the reference solution's: each fails the evaluation check,
 * and the first hint names what is wrong, diagnosed from what the check recomputed.
 */
class WrongEvaluationTest {
    private static final String CHECK = "evaluation/evaluation.json matches the predictions, and its threshold catches 80 % of churners";
    private static final SageMakerXgboostLab LAB = new SageMakerXgboostLab();

    @TempDir
    static Path home;

    private static EmbeddedEmulator emulator;
    private static LabRunner runner;
    private static Ledger ledger;
    private static RunNames run;
    private static List<Double> scores;
    private static List<Integer> labels;

    @BeforeAll
    static void solveOnce() {
        emulator = new EmbeddedEmulator();
        StateDirectory state = new StateDirectory(home);
        runner = emulator.runner(state);
        LabResult started = runner.start(LAB);
        ledger = state.latestRun(Optional.of(LAB.info().id()), "embedded").orElseThrow();
        run = RunNames.of(started.runId());
        runner.solve(LAB, ledger);
        scores = TransformOutput.read(emulator.clients().s3(), SageMakerXgboostLab.s3(run, SageMakerXgboostLab.PREDICTIONS),
                SageMakerXgboostLab.TEST_FILE).scores();
        labels = Customers.dataset().test().stream().map(Customers.Customer::churned).toList();
    }

    @AfterAll
    static void cleanUp() {
        runner.cleanup(LAB, ledger);
        emulator.close();
    }

    @Test
    void anAucCopiedFromTheTrainingJobIsNamedAsTrainAuc() {
        float trainAuc = emulator.clients().sageMaker().describeTrainingJob(d -> d.trainingJobName(SageMakerXgboostLab.job(run)))
                .finalMetricDataList().stream().filter(m -> m.metricName().equals("train:auc")).findFirst().orElseThrow().value();
        ScoredLabels.Counts honest = new ScoredLabels(scores, labels).at(chosenThreshold());

        CheckOutcome evaluation = judge(json(honest, trainAuc));

        assertThat(evaluation.passed()).isFalse();
        assertThat(evaluation.hint()).contains("train:auc").contains("held-out");
        assertThat(evaluation.hints()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(evaluation.hints().get(evaluation.hints().size() - 1)).startsWith("Step 6 of the guide");
    }

    @Test
    void theDefaultThresholdClaimedAsChosenIsCalledTheDefault() {
        ScoredLabels judged = new ScoredLabels(scores, labels);

        CheckOutcome evaluation = judge(json(judged.at(0.5), judged.auc()));

        assertThat(evaluation.passed()).isFalse();
        assertThat(evaluation.detail()).contains("threshold 0.50");
        assertThat(evaluation.hint()).contains("0.5 is the default, not a choice");
    }

    @Test
    void aThresholdLowerThanNeededIsToldAHigherOneStillReachesTheGoal() {
        ScoredLabels judged = new ScoredLabels(scores, labels);

        CheckOutcome evaluation = judge(json(judged.at(0.05), judged.auc()));

        assertThat(evaluation.passed()).isFalse();
        assertThat(evaluation.hint()).contains("a higher one");
    }

    @Test
    void aMatrixCountedOnTheValidationLabelsIsToldSo() {
        List<Integer> validation = Customers.dataset().validation().stream().map(Customers.Customer::churned).toList();
        ScoredLabels wrongLabels = new ScoredLabels(scores, validation);

        CheckOutcome evaluation = judge(json(wrongLabels.at(chosenThreshold()), wrongLabels.auc()));

        assertThat(evaluation.passed()).isFalse();
        assertThat(evaluation.hint()).contains("validation set");
    }

    @Test
    void theReferenceEvaluationPasses() {
        ScoredLabels judged = new ScoredLabels(scores, labels);

        assertThat(judge(json(judged.at(chosenThreshold()), judged.auc())).passed()).isTrue();
    }

    /** The highest threshold on the 0.01 grid whose recall reaches 0.80, found here independently of the lab. */
    private static double chosenThreshold() {
        ScoredLabels judged = new ScoredLabels(scores, labels);
        for (int step = 99; step > 0; step--) {
            if (judged.at(step / 100.0).recall() >= SageMakerXgboostLab.TARGET_RECALL) {
                return step / 100.0;
            }
        }
        return 0;
    }

    private static String json(ScoredLabels.Counts at, double auc) {
        return String.format(Locale.ROOT, "{\"threshold\": %s, \"tp\": %d, \"fp\": %d, \"tn\": %d, \"fn\": %d, \"accuracy\": %s,"
                + " \"precision\": %s, \"recall\": %s, \"f1\": %s, \"auc\": %s}", at.threshold(), at.tp(), at.fp(), at.tn(),
                at.fn(), at.accuracy(), at.precision(), at.recall(), at.f1(), auc);
    }

    private static CheckOutcome judge(String evaluationJson) {
        emulator.clients().s3().putObject(put -> put.bucket(SageMakerXgboostLab.bucket(run)).key(SageMakerXgboostLab.EVALUATION),
                RequestBody.fromString(evaluationJson));
        return runner.check(LAB, ledger).checks().stream().filter(c -> c.name().equals(CHECK)).findFirst().orElseThrow();
    }
}
