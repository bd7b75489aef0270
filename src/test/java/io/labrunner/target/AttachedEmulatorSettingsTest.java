package io.labrunner.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.Capability;
import io.labrunner.emulator.Emulator;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/** A running lab emulator's settings, read from its health path, decide what a target attached to it offers. */
class AttachedEmulatorSettingsTest {

    @Test
    void anEmulatorWithoutLimitsOffersNoShardLimitsAndOneEnforcingIamOffersEnforcement() {
        try (Emulator running = Emulator.builder().port(0).limits(false).enforceIam(true).build().start()) {
            EmbeddedTarget attached = EmbeddedTarget.attach(running.getEndpoint(), Region.US_EAST_1, Optional.empty());

            assertThat(attached.capabilities()).contains(Capability.KINESIS, Capability.IAM_ENFORCEMENT,
                    Capability.STEP_FUNCTIONS, Capability.EVENTBRIDGE).doesNotContain(Capability.KINESIS_SHARD_LIMITS);
        }
    }

    @Test
    void aDefaultEmulatorKeepsAwssLimitsAndDoesNotEnforceIam() {
        try (Emulator running = Emulator.builder().port(0).build().start()) {
            EmbeddedTarget attached = EmbeddedTarget.attach(running.getEndpoint(), Region.US_EAST_1, Optional.empty());

            assertThat(attached.capabilities()).contains(Capability.KINESIS_SHARD_LIMITS)
                    .doesNotContain(Capability.IAM_ENFORCEMENT);
        }
    }
}
