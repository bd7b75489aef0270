package io.labrunner.labs.sagemakerendpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.labrunner.core.Ledger;
import io.labrunner.core.LabRunner;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guide's task as a learner types it — every AWS CLI command of steps 1 to 10, canary.py and
 * costs.py — run with bash against the embedded emulator after the lab's setup; then every check
 * passes. If the guide's commands drift from what the checks want, this fails. Needs the AWS CLI
 * and a Python with boto3 1.28 or newer (LAB_TEST_PYTHON, else python3); skipped without them.
 */
class GuideWalkthroughTest {
    private static final Path LAB_DIR = Path.of("labs", "sagemaker-endpoint");
    private static final String PYTHON = System.getenv().getOrDefault("LAB_TEST_PYTHON", "python3");

    @TempDir
    Path home;

    @Test
    void theGuidesCommandsPassEveryCheck() throws Exception {
        assumeTrue(runs(List.of("aws", "--version")), "no AWS CLI");
        assumeTrue(runs(List.of(PYTHON, "-c", "import boto3, sys; sys.exit(tuple(map(int, boto3.__version__.split('.')[:2]))"
                + " < (1, 28))")), "no " + PYTHON + " with boto3 1.28 or newer");
        SageMakerEndpointLab lab = new SageMakerEndpointLab();
        Path work = Files.createDirectories(home.resolve("work"));
        String script = script(Files.readString(LAB_DIR.resolve("README.md")), work);
        try (EmbeddedEmulator emulator = new EmbeddedEmulator()) {
            StateDirectory state = new StateDirectory(home.resolve("state"));
            LabRunner runner = emulator.runner(state);
            RunNames run = RunNames.of(runner.start(lab).runId());
            Ledger ledger = state.latestRun(Optional.of(lab.info().id()), "embedded").orElseThrow();
            try {
                String url = emulator.clients().endpoint().orElseThrow().toString();
                ProcessBuilder bash = new ProcessBuilder("bash", "-e", "-c", script).directory(work.toFile())
                        .redirectErrorStream(true).redirectOutput(work.resolve("output.txt").toFile());
                Map<String, String> env = bash.environment();
                env.keySet().removeIf(k -> k.startsWith("AWS_"));
                env.putAll(lab.names(run));
                env.putAll(Map.of("ENDPOINT", "--endpoint-url " + url, "AWS_ENDPOINT_URL", url, "AWS_ACCESS_KEY_ID", "test",
                        "AWS_SECRET_ACCESS_KEY", "test", "AWS_DEFAULT_REGION", "us-east-1", "AWS_PAGER", "",
                        "AWS_CONFIG_FILE", home.resolve("none").toString(), "AWS_SHARED_CREDENTIALS_FILE",
                        home.resolve("none").toString(), "AWS_EC2_METADATA_DISABLED", "true", "HOME", home.toString()));
                Process walk = bash.start();
                boolean ended = walk.waitFor(10, TimeUnit.MINUTES);
                String output = Files.readString(work.resolve("output.txt"));
                System.out.println(output);
                assertThat(ended && walk.exitValue() == 0).as("the guide's commands ran:\n" + output).isTrue();

                List<CheckOutcome> checks = runner.check(lab, ledger).checks();
                assertThat(checks).as(checks.toString()).allMatch(CheckOutcome::passed);
            } finally {
                runner.cleanup(lab, ledger);
            }
        }
    }

    /**
     * Steps 1 to 10 of "Your task": its code blocks up to step 11, in order, without the ./lab commands.
     * The one holding costs.py becomes that file; canary.py is called where the guide keeps it.
     */
    private static String script(String guide, Path work) throws Exception {
        int from = guide.indexOf("## Your task");
        int to = guide.indexOf("**11. ");
        Node task = Parser.builder().build().parse(guide.substring(from, to));
        StringBuilder script = new StringBuilder("set -x\n");
        for (Node block = task.getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof IndentedCodeBlock code) {
                String text = code.getLiteral();
                if (text.contains("./lab ")) {
                    continue;
                }
                if (text.startsWith("import json")) {
                    Files.writeString(work.resolve("costs.py"), text);
                } else {
                    script.append(text.replace("python3 labs/sagemaker-endpoint/canary.py",
                            PYTHON + " " + LAB_DIR.resolve("canary.py").toAbsolutePath()).replace("python3 costs.py",
                            PYTHON + " costs.py")).append('\n');
                }
            }
        }
        assertThat(Files.exists(work.resolve("costs.py"))).as("the guide shows costs.py").isTrue();
        return script.toString();
    }

    private static boolean runs(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
