package io.labrunner.emulator.sagemaker.tuning;

import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.AwsService;
import io.labrunner.emulator.Protocol;
import io.labrunner.emulator.protocol.JsonProtocolService;
import io.labrunner.emulator.sagemaker.ResourceTags;
import io.labrunner.emulator.sagemaker.TrainingJobs;
import io.labrunner.emulator.sagemaker.algorithms.MetricDefinition;
import io.labrunner.emulator.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Test-only wiring: SageMaker's model with only the tuning operations, over fake training jobs, served
 * under signing name {@code sagemaker} as the real SageMaker service will serve them.
 */
final class TuningTestService implements AwsService {
    /** The one image the test treats as a built-in algorithm, and the metrics it emits. */
    static final String BUILT_IN_IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1";
    static final List<MetricDefinition> BUILT_IN_METRICS = List.of(new MetricDefinition("validation:rmse", false),
            new MetricDefinition("validation:auc", true));

    private final TuningOperations tuning;
    private final JsonProtocolService protocol;

    TuningTestService(TrainingJobs trainingJobs, StateStore state, Duration poll) {
        this.tuning = new TuningOperations(trainingJobs, new ResourceTags(state), state, Clock.systemUTC(),
                image -> image.equals(BUILT_IN_IMAGE) ? Optional.of(BUILT_IN_METRICS) : Optional.empty(), poll);
        JsonProtocolService.Builder builder = JsonProtocolService.builder("sagemaker");
        tuning.register(builder);
        this.protocol = builder.build();
    }

    @Override
    public String signingName() {
        return "sagemaker";
    }

    @Override
    public Protocol protocol() {
        return Protocol.JSON;
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        return protocol.handle(request);
    }

    @Override
    public void close() {
        tuning.close();
    }
}
