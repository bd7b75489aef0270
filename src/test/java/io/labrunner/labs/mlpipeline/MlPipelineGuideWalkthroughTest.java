package io.labrunner.labs.mlpipeline;

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
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guide's task as a learner types it — every command of steps 2 to 10, with the AWS CLI v1 and v2 — run with
 * bash against the embedded emulator after the lab's setup; then every check passes. If the guide's commands drift
 * from what the checks want, or use an option one CLI lacks, this fails. Skipped where that CLI is missing.
 */
class MlPipelineGuideWalkthroughTest {
    private static final Path LAB_DIR = Path.of("labs", "ml-pipeline");

    /** @param cli the CLI to run: {@code aws} on the PATH (v1 here), or {@code /usr/bin/aws} (v2) */
    @ParameterizedTest(name = "with {0}")
    @ValueSource(strings = {"aws", "/usr/bin/aws"})
    void theGuidesCommandsPassEveryCheck(String cli, @org.junit.jupiter.api.io.TempDir Path home) throws Exception {
        assumeTrue(runs(List.of(cli, "--version")), "no AWS CLI at " + cli);
        MlPipelineLab lab = new MlPipelineLab();
        Path work = Files.createDirectories(home.resolve("work"));
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path wrapper = bin.resolve("aws");
        Files.writeString(wrapper, "#!/bin/sh\nexec " + which(cli) + " \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        String script = script(Files.readString(LAB_DIR.resolve("README.md")));
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
                env.put("PATH", bin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
                env.putAll(Map.of("ENDPOINT", "--endpoint-url " + url, "AWS_ACCESS_KEY_ID", "test",
                        "AWS_SECRET_ACCESS_KEY", "test", "AWS_DEFAULT_REGION", "us-east-1", "AWS_PAGER", "",
                        "AWS_CONFIG_FILE", home.resolve("none").toString(), "AWS_SHARED_CREDENTIALS_FILE",
                        home.resolve("none").toString(), "AWS_EC2_METADATA_DISABLED", "true", "HOME", home.toString()));
                Process walk = bash.start();
                boolean ended = walk.waitFor(10, TimeUnit.MINUTES);
                if (!ended) {
                    walk.destroyForcibly();
                }
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

    /** Steps 2 to 10 of "Your task": its code blocks up to step 11, in order, without the ./lab commands. */
    private static String script(String guide) {
        int from = guide.indexOf("## Your task");
        int to = guide.indexOf("**11. ");
        Node task = Parser.builder().build().parse(guide.substring(from, to));
        StringBuilder script = new StringBuilder("set -x\n");
        for (Node block = task.getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof IndentedCodeBlock code && !code.getLiteral().contains("./lab ")) {
                script.append(code.getLiteral().replace("labs/ml-pipeline/pipeline.asl.json",
                        LAB_DIR.resolve(PipelineDefinition.FILE).toAbsolutePath().toString())).append('\n');
            }
        }
        return script.toString();
    }

    private static String which(String cli) throws Exception {
        if (cli.startsWith("/")) {
            return cli;
        }
        Process process = new ProcessBuilder("sh", "-c", "command -v " + cli).start();
        return new String(process.getInputStream().readAllBytes()).strip();
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
