package io.labrunner.emulator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.Emulator;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator's HTTPS as the clients a learner types with reach it: boto3 with {@code verify=PEM}, the AWS CLI
 * v1 and v2 with {@code --ca-bundle} or {@code AWS_CA_BUNDLE}; plain HTTP on the same port; and the same clients
 * refusing the certificate when they were not told to trust it.
 */
class TlsByExternalClientsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Debian's packaged AWS CLI v2, when installed. */
    private static final String CLI_V2 = "/usr/bin/aws";

    @Test
    void boto3TrustingThePemReachesHttpsAndPlainHttpAndRefusesItUntold(@TempDir Path home) throws Exception {
        ExternalClients clients = new ExternalClients(home);
        String missing = clients.boto3Missing();
        assumeTrue(missing == null, missing);
        Path script = home.resolve("tls_by_boto3.py");
        try (InputStream in = TlsByExternalClientsTest.class.getResourceAsStream("tls_by_boto3.py")) {
            Files.copy(in, script);
        }
        try (Emulator emulator = Emulator.builder().port(0).build().start()) {
            ExternalClients.Result ran = clients.run(List.of(ExternalClients.PYTHON, script.toString(),
                    emulator.getHttpsEndpoint().toString(), emulator.getEndpoint().toString(),
                    emulator.getCertificatePem().toString()));
            assertThat(ran.exitCode()).as(ran.stderr()).isZero();
            JsonNode seen = JSON.readTree(ran.stdout());
            assertThat(seen.path("readOverHttps").asText()).isEqualTo("over tls");
            assertThat(seen.path("callerOverHttps").asText()).isEqualTo(Emulator.ACCOUNT_ID);
            assertThat(seen.path("readOverHttp").asText()).isEqualTo("over tls");
            assertThat(seen.path("untrusted").asText()).startsWith("SSLError").contains("CERTIFICATE_VERIFY_FAILED");
            assertThat(seen.path("strictHandshake").asText()).startsWith("TLSv1.");
        }
    }

    @Test
    void theAwsCliV1TrustsTheCertificateGivenWithCaBundle(@TempDir Path home) throws Exception {
        ExternalClients external = new ExternalClients(home);
        String missing = external.awsCliMissing();
        assumeTrue(missing == null, () -> "AWS CLI check skipped: " + missing);
        roundTrip(external, "aws", home);
    }

    @Test
    void theAwsCliV2TrustsTheCertificateGivenWithCaBundle(@TempDir Path home) throws Exception {
        assumeTrue(Files.isExecutable(Path.of(CLI_V2)), "no packaged AWS CLI v2 here");
        ExternalClients external = new ExternalClients(home);
        ExternalClients.Result version = external.run(List.of(CLI_V2, "--version"));
        assumeTrue(version.exitCode() == 0 && version.stdout().startsWith("aws-cli/2"), "not an AWS CLI v2");
        roundTrip(external, CLI_V2, home);
    }

    private static void roundTrip(ExternalClients external, String cli, Path home) throws Exception {
        Path file = Files.writeString(home.resolve("upload.txt"), "from the cli");
        try (Emulator emulator = Emulator.builder().port(0).build().start()) {
            String https = emulator.getHttpsEndpoint().toString();
            String pem = emulator.getCertificatePem().toString();

            ExternalClients.Result made = run(external, cli, https, List.of("--ca-bundle", pem), "s3", "mb", "s3://tls-cli");
            assertThat(made.exitCode()).as(made.stderr()).isZero();
            ExternalClients.Result copied = run(external, cli, https, List.of("--ca-bundle", pem),
                    "s3", "cp", file.toString(), "s3://tls-cli/upload.txt");
            assertThat(copied.exitCode()).as(copied.stderr()).isZero();

            // The environment variable works as the option does.
            ExternalClients.Result listed = external.run(withCaBundleEnv(pem, command(cli, https,
                    List.of(), "s3api", "list-objects-v2", "--bucket", "tls-cli")));
            assertThat(listed.exitCode()).as(listed.stderr()).isZero();
            assertThat(JSON.readTree(listed.stdout()).at("/Contents/0/Key").asText()).isEqualTo("upload.txt");

            ExternalClients.Result plain = run(external, cli, emulator.getEndpoint().toString(), List.of(),
                    "s3api", "head-object", "--bucket", "tls-cli", "--key", "upload.txt");
            assertThat(plain.exitCode()).as(plain.stderr()).isZero();
            assertThat(JSON.readTree(plain.stdout()).path("ContentLength").asInt()).isEqualTo(12);

            ExternalClients.Result untrusted = run(external, cli, https, List.of(), "s3", "ls");
            assertThat(untrusted.exitCode()).isNotZero();
            assertThat(untrusted.stderr()).containsIgnoringCase("SSL validation failed")
                    .contains("CERTIFICATE_VERIFY_FAILED");
        }
    }

    private static ExternalClients.Result run(ExternalClients external, String cli, String endpoint, List<String> options,
                                              String... args) throws Exception {
        return external.run(command(cli, endpoint, options, args));
    }

    private static List<String> command(String cli, String endpoint, List<String> options, String... args) {
        List<String> command = new ArrayList<>(List.of(cli, "--endpoint-url", endpoint, "--output", "json"));
        command.addAll(options);
        command.addAll(List.of(args));
        return command;
    }

    /** {@code env AWS_CA_BUNDLE=PEM COMMAND}: ExternalClients clears AWS_ variables, so the child sets its own. */
    private static List<String> withCaBundleEnv(String pem, List<String> command) {
        List<String> withEnv = new ArrayList<>(List.of("env", "AWS_CA_BUNDLE=" + pem));
        withEnv.addAll(command);
        return withEnv;
    }
}
