package io.labrunner.labs.sagemakerendpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.LabRunner;
import io.labrunner.core.Ledger;
import io.labrunner.core.Resource;
import io.labrunner.core.RunNames;
import io.labrunner.core.StateDirectory;
import io.labrunner.core.report.CheckOutcome;
import io.labrunner.core.report.LabResult;
import io.labrunner.testing.EmbeddedEmulator;
import io.labrunner.testing.WrongSolution;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.EndpointStatus;

/**
 * Plausible wrong endings of the canary, made over the reference solution's endpoint (weights left
 * at 90/10, all traffic on the challenger whose training report looked better, a month priced on
 * the canary's two instances), and one wrong solution run for real (versions never approved, models
 * made from the artifacts): each fails the check that should catch it, with a first hint that names
 * the mistake.
 */
class WrongCanaryTest {
    private static final String VERDICT = "All traffic now goes to the variant";
    private static final String REGISTERED = "Model package group holds both candidates";
    private static final String DEPLOYED = "InService with two variants deployed from the registry";
    private static final SageMakerEndpointLab LAB = new SageMakerEndpointLab();

    @TempDir
    static Path home;

    private static EmbeddedEmulator emulator;
    private static LabRunner runner;
    private static Ledger ledger;
    private static RunNames run;

    @BeforeAll
    static void solveOnce() {
        emulator = new EmbeddedEmulator();
        StateDirectory state = new StateDirectory(home);
        runner = emulator.runner(state);
        run = RunNames.of(runner.start(LAB).runId());
        ledger = state.latestRun(Optional.of(LAB.info().id()), "embedded").orElseThrow();
        LabResult solved = runner.solve(LAB, ledger);
        assertThat(solved.phases()).allMatch(p -> p.ok(), "the reference solution ran: " + solved.message());
    }

    @AfterAll
    static void cleanUp() {
        runner.cleanup(LAB, ledger);
        emulator.close();
    }

    @Test
    void theReferenceSolutionPassesEveryCheck() {
        setWeights(1f, 0f);
        putCosts(CostComparison.forLabTraffic().toJson());

        assertThat(runner.check(LAB, ledger).checks()).allMatch(CheckOutcome::passed);
    }

    @Test
    void weightsLeftAtNinetyTenAreToldTheyNeverMoved() {
        setWeights(0.9f, 0.1f);

        CheckOutcome verdict = check(VERDICT);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.detail()).contains("champion weight 0.90").contains("challenger weight 0.10");
        assertThat(verdict.hint()).contains("never moved");
        assertThat(verdict.hints().get(verdict.hints().size() - 1)).startsWith("Step 9 of the guide");
    }

    @Test
    void promotingTheChallengerForItsTrainingAucIsToldItMemorised() {
        setWeights(0f, 1f);

        CheckOutcome verdict = check(VERDICT);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.hint()).contains("champion ranks the held-out customers better");
        assertThat(verdict.hints().get(1)).contains("train:auc of 1.000 is memorisation");
    }

    @Test
    void aMonthPricedOnTheCanarysTwoInstancesIsToldSo() {
        setWeights(1f, 0f);
        CostComparison right = CostComparison.forLabTraffic();
        putCosts(new CostComparison(right.requestsPerMonth(), 2 * right.realTimeUsd(), right.serverlessUsd(),
                right.batchTransformUsd(), right.cheapest(), right.breakEvenRequestsPerMonth()).toJson());

        CheckOutcome costs = check("costs/comparison.json");

        assertThat(costs.passed()).isFalse();
        assertThat(costs.detail()).contains("real_time_usd 165.6");
        assertThat(costs.hint()).contains("two instances");
    }

    @Test
    void serverlessPricedWithMillisecondsAsSecondsAndBatchBilledAllDayAreToldSo() {
        setWeights(1f, 0f);
        CostComparison right = CostComparison.forLabTraffic();
        putCosts(new CostComparison(right.requestsPerMonth(), right.realTimeUsd(), 1000 * right.serverlessUsd(),
                30 * 24 * 0.115, "batch_transform", right.breakEvenRequestsPerMonth()).toJson());

        CheckOutcome costs = check("costs/comparison.json");

        assertThat(costs.passed()).isFalse();
        assertThat(costs.detail()).contains("serverless_usd 90.0").contains("batch_transform_usd 82.8");
        assertThat(costs.hint()).contains("1,000 times too high");
        assertThat(costs.hints().get(1)).contains("bills the instance all day");
    }

    @Test
    void aDayPricedInsteadOfAMonthIsToldTheMonthHasThirtyDays() {
        CostComparison right = CostComparison.forLabTraffic();
        putCosts(new CostComparison(750, right.realTimeUsd() / 30, right.serverlessUsd() / 30, right.batchTransformUsd() / 30,
                right.cheapest(), right.breakEvenRequestsPerMonth()).toJson());

        CheckOutcome costs = check("costs/comparison.json");

        assertThat(costs.passed()).isFalse();
        assertThat(costs.hint()).contains("one day's traffic");
    }

    @Test
    void versionsNeverApprovedAndModelsMadeFromTheArtifactsFailTheRegistryAndDeploymentChecks() {
        LabResult result = emulator.runner(new StateDirectory(home.resolve("unapproved"))).run(new WrongSolution(LAB, ctx -> {
            String roleArn = ctx.iam().getRole(g -> g.roleName(SageMakerEndpointLab.role(ctx))).role().arn();
            ModelRegistry.createGroup(ctx, SageMakerEndpointLab.group(ctx));
            java.util.Map<String, String> modelByVariant = new java.util.LinkedHashMap<>();
            for (Candidates.Candidate candidate : Candidates.both()) {
                String artifact = ctx.sageMaker().describeTrainingJob(d -> d.trainingJobName(candidate.job(ctx)))
                        .modelArtifacts().s3ModelArtifacts();
                ModelRegistry.register(ctx, SageMakerEndpointLab.group(ctx), io.labrunner.labs.sagemakerxgboost.XgboostImage
                        .uri(SageMakerEndpointLab.region(ctx)), artifact, candidate.job(ctx), candidate.hyperParameters());
                // Skipping the approval: CreateModel from the artifact itself, which nothing refuses.
                io.labrunner.labs.sagemakerxgboost.BatchTransform.createModel(ctx, SageMakerEndpointLab.model(ctx, candidate),
                        SageMakerEndpointLab.region(ctx), artifact, roleArn);
                modelByVariant.put(candidate.variant(), SageMakerEndpointLab.model(ctx, candidate));
            }
            ctx.create(Resource.endpointConfig(SageMakerEndpointLab.endpointConfig(ctx)), () -> {
                Canary.createConfig(ctx.sageMaker(), SageMakerEndpointLab.endpointConfig(ctx), modelByVariant, ctx.tags());
                return "";
            });
            ctx.create(Resource.endpoint(SageMakerEndpointLab.endpoint(ctx)), () -> {
                Canary.createEndpoint(ctx.sageMaker(), SageMakerEndpointLab.endpoint(ctx),
                        SageMakerEndpointLab.endpointConfig(ctx), ctx.tags());
                return "";
            });
            Canary.awaitInService(ctx, SageMakerEndpointLab.endpoint(ctx));
        }), false);

        CheckOutcome registered = WrongSolution.outcome(result, REGISTERED);
        assertThat(registered.passed()).isFalse();
        assertThat(registered.detail()).contains("PendingManualApproval");
        assertThat(registered.hint()).contains("starts PendingManualApproval");
        assertThat(registered.hints().get(registered.hints().size() - 1)).startsWith("Step 4 of the guide");
        CheckOutcome deployed = WrongSolution.outcome(result, DEPLOYED);
        assertThat(deployed.passed()).isFalse();
        assertThat(deployed.detail()).contains("directly, not from a registry version");
        assertThat(deployed.hint()).contains("Deploy what the registry approved");
    }

    private static void setWeights(float champion, float challenger) {
        SageMakerClient sageMaker = emulator.clients().sageMaker();
        String endpoint = SageMakerEndpointLab.endpoint(run);
        sageMaker.updateEndpointWeightsAndCapacities(u -> u.endpointName(endpoint).desiredWeightsAndCapacities(
                w -> w.variantName(Candidates.CHAMPION).desiredWeight(champion),
                w -> w.variantName(Candidates.CHALLENGER).desiredWeight(challenger)));
        while (sageMaker.describeEndpoint(d -> d.endpointName(endpoint)).endpointStatus() != EndpointStatus.IN_SERVICE) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void putCosts(String json) {
        emulator.clients().s3().putObject(put -> put.bucket(SageMakerEndpointLab.bucket(run)).key(SageMakerEndpointLab.COSTS),
                RequestBody.fromString(json));
    }

    private static CheckOutcome check(String nameContains) {
        List<CheckOutcome> checks = runner.check(LAB, ledger).checks();
        checks.forEach(c -> System.out.println((c.passed() ? "✔ " : "✘ ") + c.name() + " — " + c.detail()
                + (c.passed() ? "" : "\n    hints: " + c.hints())));
        return checks.stream().filter(c -> c.name().contains(nameContains)).findFirst().orElseThrow();
    }
}
