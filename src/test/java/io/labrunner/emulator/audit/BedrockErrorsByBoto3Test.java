package io.labrunner.emulator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.Emulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bedrock's errors as botocore, which shares no code with the emulator, reads them: the error code from the
 * {@code x-amzn-ErrorType} header, the message from the body, the status, for the protocol core's own errors
 * (validation of a label, a query-string member, a body member; an unknown route) and a handler's.
 */
class BedrockErrorsByBoto3Test {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Calls that fail, each printed as {name: {code, message, status}}. */
    private static final String SCRIPT = String.join("\n",
            "import json, sys, boto3, botocore",
            "endpoint = sys.argv[1]",
            "bedrock = boto3.client('bedrock', endpoint_url=endpoint)",
            "runtime = boto3.client('bedrock-runtime', endpoint_url=endpoint)",
            "calls = {",
            "  'label': lambda: runtime.converse(modelId='no such model!',"
                    + " messages=[{'role': 'user', 'content': [{'text': 'Hi'}]}]),",
            "  'query': lambda: bedrock.list_guardrails(maxResults=1001),",
            "  'body': lambda: runtime.apply_guardrail(guardrailIdentifier='abcdefghijkl', guardrailVersion='DRAFT',"
                    + " source='SIDEWAYS', content=[{'text': {'text': 'hi'}}]),",
            "  'handler': lambda: bedrock.get_guardrail(guardrailIdentifier='abcdefghijkl'),",
            "}",
            "out = {}",
            "for name, call in calls.items():",
            "    try:",
            "        call()",
            "        out[name] = {'code': None}",
            "    except botocore.exceptions.ClientError as e:",
            "        out[name] = {'code': e.response['Error']['Code'], 'message': e.response['Error']['Message'],",
            "                     'status': e.response['ResponseMetadata']['HTTPStatusCode'],",
            "                     'class': type(e).__name__}",
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
    void boto3RaisesBedrocksModelledExceptionsWithTheCoresMessages() throws Exception {
        String missing = external.boto3Missing();
        assumeTrue(missing == null, () -> "boto3 check skipped: " + missing);
        // botocore checks enums and ranges itself; these calls turn its checks off to reach the emulator's.
        Path config = home.resolve("config");
        Files.writeString(config, "[default]\nparameter_validation = false\n");
        Path script = home.resolve("errors.py");
        Files.writeString(script, SCRIPT);
        ExternalClients.Result result = external.run(List.of("env", "AWS_CONFIG_FILE=" + config,
                ExternalClients.PYTHON, script.toString(), emulator.getEndpoint().toString()));
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        JsonNode out = JSON.readTree(result.stdout());

        assertThat(out.path("label").path("class").asText()).isEqualTo("ValidationException");
        assertThat(out.path("label").path("message").asText())
                .startsWith("1 validation error detected: Value 'no such model!' at 'modelId' failed to satisfy");
        assertThat(out.path("query").path("code").asText()).isEqualTo("ValidationException");
        assertThat(out.path("query").path("message").asText()).contains("Value '1001' at 'maxResults'");
        assertThat(out.path("body").path("message").asText()).contains("Value 'SIDEWAYS' at 'source' failed to "
                + "satisfy constraint: Member must satisfy enum value set: [INPUT, OUTPUT]");
        assertThat(out.path("handler").path("class").asText()).isEqualTo("ResourceNotFoundException");
        assertThat(out.path("handler").path("status").asInt()).isEqualTo(404);
        assertThat(out.path("handler").path("message").asText())
                .isEqualTo("The specified guardrail or guardrail version was not found.");
    }
}
