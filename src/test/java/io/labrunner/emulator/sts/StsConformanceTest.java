package io.labrunner.emulator.sts;

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
 * Conformance generated from STS's API model for every operation the emulator implements: each constraint of
 * AssumeRole's members is refused with STS's ValidationError wording, before any role is looked up.
 */
class StsConformanceTest {
    private static Emulator emulator;
    private static SignedHttp http;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0).build().start();
        http = new SignedHttp(emulator.getEndpoint(), "sts", emulator.getRegion());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @TestFactory
    Stream<DynamicTest> everyConstraintOfEveryImplementedOperationIsRefusedAsStsWordsIt() {
        List<String> operations = new ArrayList<>(new StsService("000000000000").implementedOperations());
        operations.sort(null);
        assertThat(operations).containsExactly("AssumeRole", "DecodeAuthorizationMessage", "GetCallerIdentity",
                "GetFederationToken", "GetSessionToken");
        // ProvidedContext has no required member, so the generated elements are empty structures, which a query
        // form cannot carry: the "too long" list arrives empty and is no violation.
        return new QueryConformance(ServiceModels.get("sts"), http, List.of()).tests("STS", operations)
                .filter(test -> !test.getDisplayName().equals("AssumeRole: providedContexts too long"));
    }
}
