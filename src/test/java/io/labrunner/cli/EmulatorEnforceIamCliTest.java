package io.labrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.StateDirectory;
import io.labrunner.labs.LabCatalog;
import io.labrunner.target.RunningEmulator;
import io.labrunner.testing.FakeLab;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code lab emulator --enforce-iam}: documented in the help, said at startup, and shown by {@code lab status}. */
class EmulatorEnforceIamCliTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    private int lab(Path home, String... args) {
        CommandLine cli = Main.commandLine(new LabCatalog(List.of(new FakeLab("s3-data-formats"))), new StateDirectory(home));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    @Test
    void theHelpExplainsTheOption() {
        assertThat(lab(dir.resolve("home"), "emulator", "--help")).isZero();
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("--enforce-iam").contains("pass the role's IAM policies");
    }

    @Test
    void anEmulatorStartedWithEnforcementSaysSoAtStartupAndInStatus() throws Exception {
        Path home = dir.resolve("home");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "emulator", "--port", "0", "--enforce-iam").redirectErrorStream(true);
        builder.environment().put("LAB_RUNNER_HOME", home.toString());
        Process emulator = builder.start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
            List<String> startup = new ArrayList<>();
            for (String line = lines.readLine(); line != null && !line.startsWith("Press Ctrl-C"); line = lines.readLine()) {
                startup.add(line);
            }
            assertThat(startup).anyMatch(line -> line.startsWith("IAM enforcement is on"));
            assertThat(RunningEmulator.read(new StateDirectory(home).emulatorPidFile()).orElseThrow().enforceIam()).isTrue();

            assertThat(lab(home, "status")).isZero();
            assertThat(out.toString()).contains("IAM enforced");
        } finally {
            emulator.destroy();
            emulator.waitFor(15, TimeUnit.SECONDS);
            emulator.destroyForcibly();
        }
    }
}
