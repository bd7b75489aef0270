package io.labrunner.emulator.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.protocol.QueryConformance;
import io.labrunner.emulator.protocol.ServiceModels;
import io.labrunner.emulator.protocol.SignedHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Conformance generated from IAM's API model: for every operation the emulator implements, the request
 * with only its required members passes validation, and a signed form request breaking each constraint
 * of each member (below min, above max, off pattern, a required member missing, too many tags; nested
 * Tag members too) comes back as IAM's 400 ValidationError naming that member and constraint.
 */
class IamConformanceTest {
    private static Emulator emulator;
    private static SignedHttp http;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0).build().start();
        http = new SignedHttp(emulator.getEndpoint(), "iam", emulator.getRegion());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @TestFactory
    Stream<DynamicTest> everyConstraintOfEveryImplementedOperationIsRefusedAsIamWordsIt() {
        List<String> operations = new ArrayList<>(new IamService().implementedOperations());
        operations.sort(null);
        assertThat(operations).hasSize(67);
        return new QueryConformance(ServiceModels.get("iam"), http,
                List.of("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", "v1")).tests("IAM", operations);
    }
}
