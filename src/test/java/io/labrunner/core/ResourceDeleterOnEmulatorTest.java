package io.labrunner.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.testing.EmbeddedEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import io.labrunner.core.kinds.GlueKinds;
import io.labrunner.core.kinds.KmsKinds;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * A delete that finds nothing says "already gone", for every kind of resource, on the embedded
 * emulator: what a cleanup shows after its run's emulator died and a fresh one answers.
 */
class ResourceDeleterOnEmulatorTest {
    private static EmbeddedEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = new EmbeddedEmulator();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    static java.util.List<ResourceKind> everyKind() {
        return ResourceKinds.standard().all();
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void nothingOfThatNameIsAlreadyGone(ResourceKind type) throws InterruptedException {
        String name = RunIds.resourceName(RunIds.next(), "none");
        if (type == GlueKinds.DATABASE) {
            name = name.replace('-', '_');
        }
        if (type == KmsKinds.ALIAS) {
            name = "alias/" + name; // how the ledger records an alias, as KMS names it
        }

        assertThat(new ResourceDeleter(emulator.clients()).delete(new Resource(type, name)))
                .isEqualTo(ResourceDeleter.Deletion.ALREADY_GONE);
    }

    @org.junit.jupiter.api.Test
    void anAlarmThatIsThereIsDeleted() throws InterruptedException {
        String name = RunIds.resourceName(RunIds.next(), "alarm");
        var cloudWatch = emulator.clients().cloudWatch();
        cloudWatch.putMetricAlarm(r -> r.alarmName(name).namespace("Lab/Test").metricName("m").statistic("Sum")
                .period(60).evaluationPeriods(1).threshold(1.0).comparisonOperator("GreaterThanThreshold"));

        assertThat(new ResourceDeleter(emulator.clients()).delete(Resource.alarm(name)))
                .isEqualTo(ResourceDeleter.Deletion.DELETED);
        assertThat(cloudWatch.describeAlarms(r -> r.alarmNames(name)).metricAlarms()).isEmpty();
    }
}
