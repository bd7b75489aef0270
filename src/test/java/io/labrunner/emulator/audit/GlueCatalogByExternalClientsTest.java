package io.labrunner.emulator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.Emulator;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Glue's table versions, user-defined functions, refused database renames and tags as boto3 and the AWS CLI
 * call them: their paginators, their error parsing, their own serializers.
 */
class GlueCatalogByExternalClientsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void boto3WalksVersionsFunctionsAndTags(@TempDir Path home) throws Exception {
        ExternalClients clients = new ExternalClients(home);
        String missing = clients.boto3Missing();
        assumeTrue(missing == null, () -> "boto3 check skipped: " + missing);
        Path script = home.resolve("glue_catalog_by_boto3.py");
        try (InputStream in = GlueCatalogByExternalClientsTest.class.getResourceAsStream("glue_catalog_by_boto3.py")) {
            Files.copy(in, script);
        }
        try (Emulator emulator = Emulator.builder().port(0).build().start()) {
            ExternalClients.Result ran = clients.run(List.of(ExternalClients.PYTHON, script.toString(),
                    emulator.getEndpoint().toString(), emulator.getRegion()));
            assertThat(ran.exitCode()).as(ran.stderr()).isZero();
            JsonNode out = JSON.readTree(ran.stdout());

            assertThat(out.path("versions").toString()).isEqualTo(
                    "[[\"3\",\"update 3\"],[\"2\",\"update 2\"],[\"1\",\"update 1\"],[\"0\",\"first\"]]");
            assertThat(out.path("one").asText()).isEqualTo("update 1");
            assertThat(out.path("batch")).hasSize(1);
            assertThat(out.path("batch").get(0).path("VersionId").asText()).isEqualTo("9");
            assertThat(out.path("batch").get(0).at("/ErrorDetail/ErrorCode").asText())
                    .isEqualTo("EntityNotFoundException");
            assertThat(out.path("after_batch").toString()).isEqualTo("[\"3\",\"2\"]");
            assertThat(out.at("/stale/code").asText()).isEqualTo("ConcurrentModificationException");

            assertThat(out.at("/duplicate_fn/code").asText()).isEqualTo("AlreadyExistsException");
            assertThat(out.path("fn").asText()).isEqualTo("com.example.Mask2");
            assertThat(out.path("fns").toString()).isEqualTo("[\"mask_email\"]");
            assertThat(out.at("/missing_fn/code").asText()).isEqualTo("EntityNotFoundException");

            assertThat(out.at("/rename/code").asText()).isEqualTo("InvalidInputException");
            assertThat(out.at("/rename/message").asText()).isEqualTo("Database cannot be renamed");
            assertThat(out.at("/rename/status").asInt()).isEqualTo(400);

            assertThat(out.path("tags").toString()).isEqualTo("{\"stage\":\"dev\"}");
            assertThat(out.at("/unknown_arn/code").asText()).isEqualTo("EntityNotFoundException");
        }
    }

    @Test
    void theAwsCliListsTableVersionsAndIsToldADatabaseCannotBeRenamed(@TempDir Path home) throws Exception {
        ExternalClients clients = new ExternalClients(home);
        String missing = clients.awsCliMissing();
        assumeTrue(missing == null, () -> "AWS CLI check skipped: " + missing);
        try (Emulator emulator = Emulator.builder().port(0).build().start()) {
            String endpoint = emulator.getEndpoint().toString();
            assertThat(clients.aws(endpoint, "glue", "create-database", "--database-input", "{\"Name\":\"cli_db\"}")
                    .exitCode()).isZero();
            assertThat(clients.aws(endpoint, "glue", "create-table", "--database-name", "cli_db", "--table-input",
                    "{\"Name\":\"t\",\"Description\":\"one\"}").exitCode()).isZero();
            ExternalClients.Result updated = clients.aws(endpoint, "glue", "update-table", "--database-name", "cli_db",
                    "--table-input", "{\"Name\":\"t\",\"Description\":\"two\"}", "--no-skip-archive");
            assertThat(updated.exitCode()).as(updated.stderr()).isZero();
            ExternalClients.Result versions = clients.aws(endpoint, "glue", "get-table-versions", "--database-name",
                    "cli_db", "--table-name", "t");
            assertThat(versions.exitCode()).as(versions.stderr()).isZero();
            assertThat(JSON.readTree(versions.stdout()).path("TableVersions").findValuesAsText("VersionId"))
                    .containsExactly("1", "1", "0", "0");

            ExternalClients.Result rename = clients.aws(endpoint, "glue", "update-database", "--name", "cli_db",
                    "--database-input", "{\"Name\":\"cli_db_renamed\"}");
            assertThat(rename.exitCode()).isNotZero();
            assertThat(rename.stderr()).contains("(InvalidInputException)").contains("Database cannot be renamed");
        }
    }
}
