package io.labrunner.emulator.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped AWS models load, say what the API reference says, and their patterns compile in Java. */
class ServiceModelsTest {
    private static final List<String> SHIPPED =
            List.of("kinesis", "firehose", "glue", "athena", "iam", "sts", "bedrock", "bedrock-runtime");

    @Test
    void kinesissModelStatesItsProtocolAndTheStreamNameConstraints() {
        ServiceModel kinesis = ServiceModels.get("kinesis");

        assertThat(kinesis.protocol()).isEqualTo("json");
        assertThat(kinesis.jsonVersion()).isEqualTo("1.1");
        assertThat(kinesis.targetPrefix()).isEqualTo("Kinesis_20131202");
        Shape name = kinesis.shape("StreamName");
        assertThat(name.type()).isEqualTo(ShapeType.STRING);
        assertThat(name.min()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(name.max()).isEqualByComparingTo(BigDecimal.valueOf(128));
        assertThat(name.pattern().source()).isEqualTo("[a-zA-Z0-9_.-]+");
        Operation create = kinesis.operation("CreateStream").orElseThrow();
        assertThat(create.output()).isNull();
        assertThat(kinesis.shape(create.input()).required()).containsExactly("StreamName");
        assertThat(kinesis.shape(create.input()).members().keySet()).startsWith("StreamName", "ShardCount");
        assertThat(kinesis.shape("StreamMode").enumValues()).containsExactly("PROVISIONED", "ON_DEMAND");
    }

    @Test
    void aModelIsLoadedOnceAndThenServedFromMemory() {
        long start = System.nanoTime();
        ServiceModel first = ServiceModels.get("firehose");
        double millis = (System.nanoTime() - start) / 1e6;
        System.out.printf("firehose model: loaded and indexed in %.1f ms (%d shapes, %d operations)%n",
                millis, first.shapes().size(), first.operations().size());

        assertThat(ServiceModels.get("firehose")).isSameAs(first);
    }

    @Test
    void everyPatternOfEveryShippedModelCompilesAsAJavaRegex() {
        int patterns = 0;
        for (String service : SHIPPED) {
            for (Shape shape : ServiceModels.get(service).shapes().values()) {
                if (shape.pattern() != null) {
                    patterns++;
                    assertThat(shape.pattern().compiled()).as(service + " " + shape.name()).isNotNull();
                }
            }
        }
        assertThat(patterns).isGreaterThan(200);
    }

    @Test
    void aServiceWithoutAShippedModelIsNamedInTheError() {
        assertThatThrownBy(() -> ServiceModels.get("no-such-service")).hasMessageContaining("no-such-service");
    }
}
