package io.labrunner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tools the guides have the learner use beside Lab Runner: the AWS CLI (v1 or v2) and Python 3
 * with the packages the guides import. Each is asked once, in its own process, both at the same time.
 */
final class LearnerTools {
    private static final Pattern AWS_CLI_VERSION = Pattern.compile("aws-cli/((\\d+)\\.[0-9A-Za-z.]+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Asked of python3: its path and version, and for each module named on the command line whether
     * it is the standard library's, installed (with its distribution's version) or missing. It looks
     * modules up without importing them, which keeps it fast (importing pandas alone takes a second).
     */
    private static final String PROBE = """
            import importlib.util, json, platform, sys, sysconfig
            try:
                from importlib.metadata import version, packages_distributions
            except Exception:
                version = packages_distributions = None
            dists = None
            stdlib_names = getattr(sys, "stdlib_module_names", None)
            stdlib_dir = sysconfig.get_paths()["stdlib"]
            modules = {}
            for name in sys.argv[1:]:
                if stdlib_names is not None and name in stdlib_names:
                    modules[name] = {"stdlib": True}
                    continue
                try:
                    spec = importlib.util.find_spec(name)
                except Exception:
                    spec = None
                if spec is None:
                    modules[name] = {"found": False}
                    continue
                origin = spec.origin or ""
                if stdlib_names is None and (origin in ("built-in", "frozen")
                        or origin.startswith(stdlib_dir) and "-packages" not in origin):
                    modules[name] = {"stdlib": True}
                    continue
                found = ""
                try:
                    found = version(name)
                except Exception:
                    try:
                        if dists is None:  # module and distribution names differ: look it up (slower)
                            dists = packages_distributions()
                        found = version(dists.get(name, [name])[0])
                    except Exception:
                        pass
                modules[name] = {"found": True, "version": found}
            print(json.dumps({"executable": sys.executable, "version": platform.python_version(), "modules": modules}))
            """;

    private LearnerTools() {
    }

    /** What {@code aws --version} said: the major version (1 or 2) and the full one; empty if there is no aws. */
    record AwsCli(boolean found, Integer major, String version, String problem) {
    }

    /** A Python module a guide uses, and which labs' guides do. */
    record PythonPackage(String module, boolean found, String version, List<String> usedBy) {
    }

    /** The python3 on the PATH and the guides' packages it has; {@code found} false if there is none. */
    record Python(boolean found, String executable, String version, List<PythonPackage> packages, String problem) {
    }

    record Report(AwsCli awsCli, Python python) {
    }

    /** Asks the AWS CLI and python3 at once; {@code modules} maps each module to the labs using it. */
    static Report probe(Map<String, List<String>> modules) {
        CompletableFuture<AwsCli> aws = CompletableFuture.supplyAsync(LearnerTools::awsCli);
        Python python = python(modules);
        return new Report(aws.join(), python);
    }

    static AwsCli awsCli() {
        Result result = run(List.of("aws", "--version"));
        if (result.output().isEmpty()) {
            return new AwsCli(false, null, null, result.problem());
        }
        return parseAwsCliVersion(result.output().get())
                .orElse(new AwsCli(false, null, null, "'aws --version' said: " + firstLine(result.output().get())));
    }

    /** From {@code aws-cli/2.15.30 Python/3.11.8 Linux/6.1 exe/x86_64} (v2) or {@code aws-cli/1.45.3 Python/3.13.5 ...} (v1). */
    static Optional<AwsCli> parseAwsCliVersion(String versionLine) {
        Matcher m = AWS_CLI_VERSION.matcher(versionLine);
        return m.find() ? Optional.of(new AwsCli(true, Integer.parseInt(m.group(2)), m.group(1), null)) : Optional.empty();
    }

    static Python python(Map<String, List<String>> modules) {
        List<String> command = new ArrayList<>(List.of("python3", "-c", PROBE));
        command.addAll(modules.keySet());
        Result result = run(command);
        if (result.output().isEmpty()) {
            return new Python(false, null, null, List.of(), result.problem());
        }
        try {
            JsonNode answer = JSON.readTree(lastLine(result.output().get()));
            List<PythonPackage> packages = new ArrayList<>();
            modules.forEach((module, labs) -> {
                JsonNode seen = answer.path("modules").path(module);
                if (!seen.path("stdlib").asBoolean(false)) {
                    String version = seen.path("version").asText("");
                    packages.add(new PythonPackage(module, seen.path("found").asBoolean(false),
                            version.isEmpty() ? null : version, List.copyOf(labs)));
                }
            });
            return new Python(true, answer.path("executable").asText(), answer.path("version").asText(), packages, null);
        } catch (IOException e) {
            return new Python(false, null, null, List.of(), "python3 answered: " + firstLine(result.output().get()));
        }
    }

    /** A command's standard output and error, or why it could not run. */
    private record Result(Optional<String> output, String problem) {
    }

    private static Result run(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start();
            process.getOutputStream().close();
        } catch (IOException e) {
            return new Result(Optional.empty(), "not found on the PATH");
        }
        try {
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "";
                }
            });
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(Optional.empty(), "did not answer within 20 s");
            }
            String text = output.join().strip();
            if (process.exitValue() != 0) {
                return new Result(Optional.empty(), "exited with " + process.exitValue()
                        + (text.isEmpty() ? "" : ": " + firstLine(text)));
            }
            return new Result(Optional.of(text), null);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Result(Optional.empty(), "interrupted");
        }
    }

    private static String firstLine(String text) {
        String line = text.strip().split("\n", 2)[0];
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }
}
