package io.labrunner.emulator.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs boto3 scripts and the AWS CLI as child processes with the emulator's test credentials and
 * nothing from the host's AWS configuration (no profile, no config or credentials file).
 */
final class ExternalClients {
    /** The Python that has boto3: {@code LAB_TEST_PYTHON} (CI points it at one), else {@code python3}. */
    static final String PYTHON = System.getenv().getOrDefault("LAB_TEST_PYTHON", "python3");

    private final Path home;

    /** @param home an empty folder the children may use as their home */
    ExternalClients(Path home) {
        this.home = home;
    }

    /** What a child printed and how it exited. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    /** Null when {@link #PYTHON} with boto3 can run, otherwise why not. */
    String boto3Missing() {
        // The audit covers Bedrock: an older botocore (Debian 12 ships 1.29) has no model for it.
        return missing(PYTHON + " with a boto3 that knows Bedrock", PYTHON, "-c",
                "import boto3, sys; sys.exit(0 if 'bedrock-runtime' in boto3.session.Session()"
                        + ".get_available_services() else 'boto3 ' + boto3.__version__ + ' has no Bedrock model')");
    }

    /** Null when the AWS CLI can run, otherwise why not. */
    String awsCliMissing() {
        return missing("the AWS CLI (aws)", "aws", "--version");
    }

    Result run(List<String> command) throws IOException, InterruptedException {
        return run(command, Map.of());
    }

    /**
     * Runs {@code command} with {@code credentials} in the environment instead of the test key pair, e.g. the
     * temporary credentials of an assumed role ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY},
     * {@code AWS_SESSION_TOKEN}).
     */
    Result run(List<String> command, Map<String, String> credentials) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.putAll(credentials);
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_CONFIG_FILE", home.resolve("no-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("no-credentials").toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_PAGER", "");
        env.put("HOME", home.toString());
        Path out = home.resolve("stdout-" + System.nanoTime());
        Path err = home.resolve("stderr-" + System.nanoTime());
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        return new Result(process.exitValue(), java.nio.file.Files.readString(out, StandardCharsets.UTF_8),
                java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
    }

    /** {@code aws --endpoint-url ENDPOINT --output json ARGS...}. */
    Result aws(String endpoint, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", endpoint, "--output", "json"));
        command.addAll(List.of(args));
        return run(command);
    }

    private String missing(String what, String... probe) {
        try {
            Result result = run(List.of(probe));
            String lastLine = result.stderr().strip().lines().reduce((a, b) -> b).orElse("exit " + result.exitCode());
            return result.exitCode() == 0 ? null : what + " is not usable here: " + lastLine;
        } catch (IOException e) {
            return what + " is not installed";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return what + " check was interrupted";
        }
    }
}
