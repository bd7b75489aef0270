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

/** IAM account aliases as boto3 uses them: one alias per account, AWS's errors for a second and a wrong delete. */
class AccountAliasByBoto3Test {
    @TempDir
    Path home;

    @Test
    void oneAliasPerAccountWithAwsErrors() throws Exception {
        ExternalClients external = new ExternalClients(home);
        String missing = external.boto3Missing();
        assumeTrue(missing == null, () -> "boto3 check skipped: " + missing);
        Path script = home.resolve("account_alias_by_boto3.py");
        try (var in = getClass().getResourceAsStream("account_alias_by_boto3.py")) {
            Files.copy(in, script);
        }
        try (Emulator emulator = Emulator.builder().port(0).build().start()) {
            ExternalClients.Result run = external.run(List.of(ExternalClients.PYTHON, script.toString(),
                    emulator.getEndpoint().toString()));
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            JsonNode out = new ObjectMapper().readTree(run.stdout());
            assertThat(out.path("listed").toString()).isEqualTo("[\"my-lab\"]");
            assertThat(out.at("/second/code").asText()).isEqualTo("EntityAlreadyExists");
            assertThat(out.at("/second/message").asText()).isEqualTo("The account alias my-lab already exists.");
            assertThat(out.at("/wrongDelete/code").asText()).isEqualTo("NoSuchEntity");
            assertThat(out.path("afterDelete").toString()).isEqualTo("[]");
        }
    }
}
