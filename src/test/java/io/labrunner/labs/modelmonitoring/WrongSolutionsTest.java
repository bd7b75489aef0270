package io.labrunner.labs.modelmonitoring;

import static io.labrunner.testing.WrongSolution.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.LabContext;
import io.labrunner.core.Resource;
import io.labrunner.core.StateDirectory;
import io.labrunner.core.report.CheckOutcome;
import io.labrunner.core.report.LabResult;
import io.labrunner.labs.sagemakerxgboost.SageMakerRole;
import io.labrunner.labs.sagemakerxgboost.XgboostTraining;
import io.labrunner.testing.EmbeddedEmulator;
import io.labrunner.testing.WrongSolution;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plausible wrong solutions, on the embedded emulator: each fails the check that judges what it got
 * wrong, with a first hint that names the mistake, while what it got right still passes.
 */
class WrongSolutionsTest {
    private static final ModelMonitoringLab LAB = new ModelMonitoringLab();
    private static EmbeddedEmulator emulator;

    @TempDir
    Path home;

    @BeforeAll
    static void start() {
        emulator = new EmbeddedEmulator();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void anEndpointDeployedWithoutDataCaptureIsToldCaptureIsOff() {
        LabResult result = run(ctx -> {
            ctx.create(Resource.endpointConfig(ModelMonitoringLab.endpointConfig(ctx)), () -> ctx.sageMaker()
                    .createEndpointConfig(create -> create
                            .endpointConfigName(ModelMonitoringLab.endpointConfig(ctx))
                            .productionVariants(v -> v.variantName(CapturedEndpoint.VARIANT).modelName(ModelMonitoringLab.model(ctx))
                                    .instanceType(CapturedEndpoint.INSTANCE).initialInstanceCount(1).initialVariantWeight(1f))
                            .tags(XgboostTraining.tags(ctx.tags()))));
            ctx.create(Resource.endpoint(ModelMonitoringLab.endpoint(ctx)), () -> CapturedEndpoint.create(ctx.sageMaker(),
                    ModelMonitoringLab.endpoint(ctx), ModelMonitoringLab.endpointConfig(ctx), ctx.tags()));
            CapturedEndpoint.awaitInService(ctx.sageMaker(), ModelMonitoringLab.endpoint(ctx));
            ModelMonitoringLab.baseline(ctx, roleArn(ctx));
            CapturedEndpoint.send(ctx, ModelMonitoringLab.endpoint(ctx), Traffic.normal());
            CapturedEndpoint.send(ctx, ModelMonitoringLab.endpoint(ctx), Traffic.drifted());
        });

        CheckOutcome endpoint = outcome(result, "captures every request");
        assertThat(endpoint.passed()).isFalse();
        assertThat(endpoint.detail()).contains("captures nothing");
        assertThat(endpoint.hint()).contains("Data capture is off");
        assertThat(endpoint.hints().get(1)).contains("update-endpoint");
        CheckOutcome capture = outcome(result, "capture files hold");
        assertThat(capture.passed()).isFalse();
        assertThat(capture.detail()).startsWith("no capture files");
        assertThat(outcome(result, "baseline's statistics").passed()).isTrue();
    }

    @Test
    void trafficWithoutDriftIsToldTheDriftedCustomersWereNeverSent() {
        LabResult result = run(ctx -> {
            ModelMonitoringLab.deploy(ctx, 100);
            ModelMonitoringLab.baseline(ctx, roleArn(ctx));
            CapturedEndpoint.send(ctx, ModelMonitoringLab.endpoint(ctx), Traffic.normal());
            ModelMonitoringLab.awaitCapture(ctx, Traffic.NORMAL);
            ModelMonitoringLab.monitorNow(ctx, roleArn(ctx));
            ModelMonitoringLab.putAlarm(ctx, Traffic.SHIFTED);
        });

        CheckOutcome capture = outcome(result, "capture files hold");
        assertThat(capture.passed()).isFalse();
        assertThat(capture.detail()).contains("300 of the 300 normal customers, 0 of the 300 drifted");
        assertThat(capture.hint()).contains("drifted customers were never sent");
        CheckOutcome violations = outcome(result, "found the drifted features");
        assertThat(violations.passed()).isFalse();
        assertThat(violations.detail()).contains("but not [monthly_charge, contract_months, data_usage_gb]");
        assertThat(violations.hint()).contains("did not drift");
        CheckOutcome alarm = outcome(result, "is in ALARM");
        assertThat(alarm.passed()).isFalse();
        assertThat(alarm.hint()).contains("did not drift").contains("Send the drifted customers");
        assertThat(outcome(result, "captures every request").passed()).isTrue();
    }

    @Test
    void anAlarmOnAFeatureThatDidNotDriftIsToldSo() {
        LabResult result = run(ctx -> {
            ModelMonitoringLab.deploy(ctx, 100);
            ModelMonitoringLab.baseline(ctx, roleArn(ctx));
            CapturedEndpoint.send(ctx, ModelMonitoringLab.endpoint(ctx), Traffic.normal());
            CapturedEndpoint.send(ctx, ModelMonitoringLab.endpoint(ctx), Traffic.drifted());
            ModelMonitoringLab.awaitCapture(ctx, Traffic.NORMAL + Traffic.DRIFTED);
            ModelMonitoringLab.monitorNow(ctx, roleArn(ctx));
            ModelMonitoringLab.putAlarm(ctx, "age");
        });

        CheckOutcome alarm = outcome(result, "is in ALARM");
        assertThat(alarm.passed()).isFalse();
        assertThat(alarm.detail()).contains("feature_baseline_drift_age");
        assertThat(alarm.hint()).startsWith("age did not drift");
        assertThat(alarm.hints().get(alarm.hints().size() - 1)).startsWith("Step 7 of the guide");
        assertThat(outcome(result, "found the drifted features").passed()).isTrue();
    }

    private static String roleArn(LabContext ctx) {
        return SageMakerRole.arn(ctx.iam(), ModelMonitoringLab.role(ctx));
    }

    private LabResult run(WrongSolution.Solution wrong) {
        return emulator.runner(new StateDirectory(home)).run(new WrongSolution(LAB, wrong), false);
    }
}
