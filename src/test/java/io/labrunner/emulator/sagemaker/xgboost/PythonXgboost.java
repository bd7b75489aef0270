package io.labrunner.emulator.sagemaker.xgboost;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Open-source Python {@code xgboost}, as a learner loads SageMaker's artifact with it: the first of
 * {@code LAB_TEST_PYTHON}, {@code python3} on the PATH and Debian's {@code /usr/bin/python3} (which has
 * {@code python3-xgboost}, the 1.7 line the 1.7-1 container runs) that can import it.
 */
public final class PythonXgboost {
    private final String python;
    private final String version;

    private PythonXgboost(String python, String version) {
        this.python = python;
        this.version = version;
    }

    /** A Python with xgboost, or null. */
    public static PythonXgboost find() {
        List<String> candidates = new ArrayList<>();
        String configured = System.getenv("LAB_TEST_PYTHON");
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        candidates.add("python3");
        candidates.add("/usr/bin/python3");
        for (String candidate : candidates) {
            try {
                String[] result = run(candidate, "import xgboost; print(xgboost.__version__)");
                if (result[0].equals("0")) {
                    return new PythonXgboost(candidate, result[1].strip());
                }
            } catch (IOException | InterruptedException e) {
                // try the next one
            }
        }
        return null;
    }

    public String version() {
        return version;
    }

    /** Runs a script; returns what it printed, or throws with what it wrote to stderr. */
    public String exec(String script) throws IOException, InterruptedException {
        String[] result = run(python, script);
        if (!result[0].equals("0")) {
            throw new IllegalStateException(python + " failed: " + result[2]);
        }
        return result[1];
    }

    private static String[] run(String python, String script) throws IOException, InterruptedException {
        Path out = Files.createTempFile("python-out-", ".txt");
        Path err = Files.createTempFile("python-err-", ".txt");
        try {
            Process process = new ProcessBuilder(python, "-c", script).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out");
            }
            return new String[] {Integer.toString(process.exitValue()), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8)};
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
