package io.labrunner.labs.iamleastprivilege;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.labrunner.core.LabRunner;
import io.labrunner.core.Ledger;
import io.labrunner.core.RunNames;
import io.labrunner.core.StateDirectory;
import io.labrunner.core.report.CheckOutcome;
import io.labrunner.testing.EmbeddedEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guide's task as a learner types it — every AWS CLI command of steps 2 to 6 — run with bash against
 * the embedded emulator after the lab's setup, once with AWS CLI v1 and once with v2; the simulator
 * answers what the guide says it answers, and then every check the target can judge passes. Skipped
 * for a CLI this machine lacks.
 */
class GuideWalkthroughTest {
    private static final Path GUIDE = Path.of("labs", "iam-least-privilege", "README.md");

    @TempDir
    Path home;

    /** {@code aws} first on the PATH is v1 here (pip), {@code /usr/bin/aws} is Debian's v2. */
    @ParameterizedTest
    @ValueSource(strings = {"aws-cli/1.", "aws-cli/2."})
    void theGuidesCommandsCutTheRoleAndPassEveryCheck(String version) throws Exception {
        Optional<Path> cli = cli(version);
        assumeTrue(cli.isPresent(), "no " + version + "x AWS CLI on this machine");
        IamLeastPrivilegeLab lab = new IamLeastPrivilegeLab();
        Path work = Files.createDirectories(home.resolve("work"));
        Path bin = Files.createDirectories(home.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("aws"), cli.get());
        try (EmbeddedEmulator emulator = new EmbeddedEmulator()) {
            StateDirectory state = new StateDirectory(home.resolve("state"));
            LabRunner runner = emulator.runner(state);
            RunNames run = RunNames.of(runner.start(lab).runId());
            Ledger ledger = state.latestRun(Optional.of(lab.info().id()), "embedded").orElseThrow();
            try {
                String url = emulator.clients().endpoint().orElseThrow().toString();
                ProcessBuilder bash = new ProcessBuilder("bash", "-e", "-c", script(Files.readString(GUIDE)))
                        .directory(work.toFile()).redirectErrorStream(true)
                        .redirectOutput(work.resolve("output.txt").toFile());
                Map<String, String> env = bash.environment();
                env.keySet().removeIf(k -> k.startsWith("AWS_"));
                env.putAll(lab.names(run));
                env.put("PATH", bin + ":" + env.get("PATH"));
                env.putAll(Map.of("ENDPOINT", "--endpoint-url " + url, "AWS_ACCESS_KEY_ID", "test",
                        "AWS_SECRET_ACCESS_KEY", "test", "AWS_DEFAULT_REGION", "us-east-1", "AWS_PAGER", "",
                        "AWS_CONFIG_FILE", home.resolve("none").toString(), "AWS_SHARED_CREDENTIALS_FILE",
                        home.resolve("none").toString(), "AWS_EC2_METADATA_DISABLED", "true", "HOME", home.toString()));
                Process walk = bash.start();
                boolean ended = walk.waitFor(5, TimeUnit.MINUTES);
                String output = Files.readString(work.resolve("output.txt"));
                assertThat(ended && walk.exitValue() == 0).as("the guide's commands ran:\n" + output).isTrue();
                assertThat(output).as("the CLI the walk ran with").contains(version)
                        .contains("s3:DeleteBucket\tallowed")
                        .contains(run.name("training") + "/data/train/train.csv\tallowed")
                        .contains(run.name("training") + "/pii/customers.csv\timplicitDeny")
                        .contains(run.name("payroll") + "/salaries.csv\timplicitDeny")
                        .contains("iam:PassRole\timplicitDeny")
                        .contains("Completed\tNone");

                List<CheckOutcome> checks = runner.check(lab, ledger).checks();
                assertThat(checks.stream().filter(c -> !c.wasSkipped()).toList()).as(checks.toString())
                        .hasSize(2).allMatch(CheckOutcome::passed);
            } finally {
                runner.cleanup(lab, ledger);
            }
        }
    }

    /** Steps 2 to 6: the task's code blocks without the ./lab commands, after the CLI's version. */
    private static String script(String guide) {
        int from = guide.indexOf("## Your task");
        int to = guide.indexOf("**7. ");
        Node task = Parser.builder().build().parse(guide.substring(from, to));
        StringBuilder script = new StringBuilder("aws --version\n");
        for (Node block = task.getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof IndentedCodeBlock code && !code.getLiteral().contains("./lab ")) {
                script.append(code.getLiteral()).append('\n');
            }
        }
        return script.toString();
    }

    /** The first of {@code aws} on the PATH and {@code /usr/bin/aws} whose version starts so. */
    private static Optional<Path> cli(String version) {
        for (String candidate : List.of("aws", "/usr/bin/aws")) {
            try {
                Process process = new ProcessBuilder(candidate, "--version").redirectErrorStream(true).start();
                String out = new String(process.getInputStream().readAllBytes());
                if (process.waitFor(60, TimeUnit.SECONDS) && out.startsWith(version)) {
                    Process which = new ProcessBuilder("bash", "-c", "command -v " + candidate).start();
                    String path = new String(which.getInputStream().readAllBytes()).strip();
                    return which.waitFor(10, TimeUnit.SECONDS) && !path.isEmpty()
                            ? Optional.of(Path.of(path).toRealPath()) : Optional.empty();
                }
            } catch (Exception e) {
                // not installed: try the next
            }
        }
        return Optional.empty();
    }
}
