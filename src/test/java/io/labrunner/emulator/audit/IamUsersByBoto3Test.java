package io.labrunner.emulator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.Emulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IAM users and access keys as boto3 uses them: errors, a created key signing as its user, a session token. */
class IamUsersByBoto3Test {
    @TempDir
    Path home;

    @Test
    void boto3SeesIamsErrorsAndSignsWithACreatedKeyAsItsUser() throws Exception {
        ExternalClients external = new ExternalClients(home);
        String missing = external.boto3Missing();
        assumeTrue(missing == null, () -> "boto3 check skipped: " + missing);
        Path script = home.resolve("iam_users_by_boto3.py");
        try (var in = getClass().getResourceAsStream("iam_users_by_boto3.py")) {
            Files.copy(in, script);
        }
        try (Emulator emulator = Emulator.builder().port(0).build().start()) {
            ExternalClients.Result run = external.run(List.of(ExternalClients.PYTHON, script.toString(),
                    emulator.getEndpoint().toString()));
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            JsonNode out = new ObjectMapper().readTree(run.stdout());
            assertThat(out.at("/missing/code").asText()).isEqualTo("NoSuchEntity");
            assertThat(out.at("/missing/status").asInt()).isEqualTo(404);
            assertThat(out.at("/missing/message").asText()).isEqualTo("The user with name nobody cannot be found.");
            assertThat(out.path("callerArn").asText()).isEqualTo("arn:aws:iam::000000000000:user/py-user");
            assertThat(out.path("selfName").asText()).isEqualTo("py-user");
            assertThat(out.path("sessionKeyPrefix").asText()).isEqualTo("ASIA");
            assertThat(out.path("deleteConflict").asText()).isEqualTo("DeleteConflict");
        }
    }
}
