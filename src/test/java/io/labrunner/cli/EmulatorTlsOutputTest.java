package io.labrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lab emulator} tells how to reach it over HTTPS and which file to trust, and never shows the key. */
class EmulatorTlsOutputTest {
    @TempDir
    Path dir;

    /** The lines {@code lab emulator ARGS} prints up to and including {@code last}, then stops it. */
    private List<String> linesUntil(String last, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("LAB_RUNNER_HOME", dir.resolve("home").toString());
        Process emulator = builder.start();
        List<String> lines = new ArrayList<>();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
                if (line.contains(last)) {
                    break;
                }
            }
        } finally {
            emulator.destroy();
            emulator.waitFor(15, TimeUnit.SECONDS);
            emulator.destroyForcibly();
        }
        return lines;
    }

    @Test
    void itPrintsTheHttpsEndpointAndHowTheCliAndBoto3TrustTheCertificate() throws Exception {
        Path data = dir.resolve("data");
        List<String> lines = linesUntil("Press Ctrl-C", "emulator", "--port", "0", "--data", data.toString());
        String text = String.join("\n", lines);
        String port = lines.get(0).replaceAll(".*127\\.0\\.0\\.1:(\\d+).*", "$1");
        Path pem = data.resolve("tls").resolve("emulator-cert.pem");

        assertThat(lines.get(1)).isEqualTo("HTTPS on the same port: https://127.0.0.1:" + port
                + " (self-signed certificate for localhost, 127.0.0.1 and ::1)");
        assertThat(text).contains("  aws --endpoint-url https://127.0.0.1:" + port + " --ca-bundle " + pem + " s3 ls")
                .contains("export AWS_CA_BUNDLE=" + pem)
                .contains("verify=\"" + pem + "\"");
        String key = Files.readString(pem.resolveSibling("emulator-key.pem"));
        String keyBody = key.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
        assertThat(text).doesNotContain("PRIVATE KEY").doesNotContain(keyBody).doesNotContain("emulator-key.pem");
    }

    @Test
    void itsJsonNamesTheHttpsEndpointAndTheCertificate() throws Exception {
        Path data = dir.resolve("data");
        List<String> lines = linesUntil("\"endpoint\"", "emulator", "--port", "0", "--data", data.toString(),
                "--output", "json");
        JsonNode serving = new ObjectMapper().readTree(lines.get(lines.size() - 1));

        assertThat(serving.path("httpsEndpoint").asText())
                .isEqualTo(serving.path("endpoint").asText().replace("http://", "https://"));
        assertThat(serving.path("certificate").asText()).isEqualTo(data.resolve("tls").resolve("emulator-cert.pem").toString());
    }
}
