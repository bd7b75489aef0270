package io.labrunner.emulator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.Emulator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IAM's and STS's XML, answers and errors, read by clients written independently of this project:
 * boto3 raises the modelled exception class with IAM's code and message, and the AWS CLI prints them.
 */
class QueryErrorsByExternalClientsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Prints what boto3 made of an IAM error, a validation error and an STS answer, as one JSON object. */
    private static final String SCRIPT = String.join("\n",
            "import boto3, json, sys",
            "from botocore.config import Config",
            "kw = dict(endpoint_url=sys.argv[1], region_name='us-east-1', config=Config(retries={'max_attempts': 1}))",
            "iam = boto3.client('iam', **kw)",
            "out = {}",
            "try:",
            "    iam.get_role(RoleName='ghost')",
            "except iam.exceptions.NoSuchEntityException as e:",
            "    out['missing'] = {'code': e.response['Error']['Code'], 'message': e.response['Error']['Message'],",
            "                      'status': e.response['ResponseMetadata']['HTTPStatusCode'],",
            "                      'type': e.response['Error'].get('Type')}",
            "try:",
            "    iam.untag_role(RoleName='r' * 65, TagKeys=['k'])",
            "except iam.exceptions.ClientError as e:",
            "    out['invalid'] = {'code': e.response['Error']['Code'], 'message': e.response['Error']['Message']}",
            "out['identity'] = boto3.client('sts', **kw).get_caller_identity()['Account']",
            "print(json.dumps(out))");

    @TempDir
    static Path home;
    private static Emulator emulator;
    private static ExternalClients external;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0).build().start();
        external = new ExternalClients(home);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void boto3RaisesIamsModelledExceptionsWithIamsCodesAndMessages() throws Exception {
        String missing = external.boto3Missing();
        assumeTrue(missing == null, () -> "boto3 check skipped: " + missing);
        ExternalClients.Result result = external.run(List.of(ExternalClients.PYTHON, "-c", SCRIPT,
                emulator.getEndpoint().toString()));
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        JsonNode out = JSON.readTree(result.stdout());
        assertThat(out.path("missing").path("code").asText()).isEqualTo("NoSuchEntity");
        assertThat(out.path("missing").path("message").asText()).isEqualTo("The role with name ghost cannot be found.");
        assertThat(out.path("missing").path("status").asInt()).isEqualTo(404);
        assertThat(out.path("missing").path("type").asText()).isEqualTo("Sender");
        assertThat(out.path("invalid").path("code").asText()).isEqualTo("ValidationError");
        assertThat(out.path("invalid").path("message").asText()).isEqualTo("1 validation error detected: Value '"
                + "r".repeat(65) + "' at 'roleName' failed to satisfy constraint: Member must have length less than or"
                + " equal to 64");
        assertThat(out.path("identity").asText()).isEqualTo("000000000000");
    }

    @Test
    void theAwsCliPrintsIamsErrorCodeAndMessage() throws Exception {
        String missing = external.awsCliMissing();
        assumeTrue(missing == null, () -> "AWS CLI check skipped: " + missing);
        ExternalClients.Result result = external.aws(emulator.getEndpoint().toString(), "iam", "get-role",
                "--role-name", "ghost");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("An error occurred (NoSuchEntity) when calling the GetRole operation:"
                + " The role with name ghost cannot be found.");
    }
}
