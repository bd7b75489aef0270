package io.labrunner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.labrunner.core.Lab;
import io.labrunner.core.LabException;
import io.labrunner.target.DockerCheck;
import io.labrunner.target.DockerEngine;
import io.labrunner.target.ModelServerSetting;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/** {@code lab doctor}: what this machine offers each target, and the tools the guides use. */
@Command(name = "doctor", description = "Check this machine: Java, Docker, AWS credentials and region, the emulator port,"
        + " the Bedrock model server, the AWS CLI, and the Python packages the guides use.")
final class DoctorCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final String AWS_CLI_INSTALL = "v2: https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html"
            + " (or 'apt-get install awscli' on Debian 13); v1: 'python3 -m pip install awscli'";

    @ParentCommand
    LabCommand root;

    @Spec
    CommandSpec spec;

    /** One line of the report: what was looked at, whether it is fine, and what to do if not. */
    record Finding(String check, boolean ok, String what, String advice) {
        Finding {
            advice = ok ? null : advice;
        }
    }

    /** {@code lab doctor --output json}. */
    record DoctorJson(List<Finding> findings, LearnerTools.AwsCli awsCli, LearnerTools.Python python, String stateDirectory) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        // The slow ones (a python and an aws process; the SDK's credential and region chains, which may
        // wait for an instance metadata service) run side by side.
        CompletableFuture<LearnerTools.Report> tools = CompletableFuture.supplyAsync(
                () -> LearnerTools.probe(Guides.pythonModules(guides())));
        CompletableFuture<Boolean> credentials = CompletableFuture.supplyAsync(DoctorCommand::credentialsFound);
        CompletableFuture<String> regionFound = CompletableFuture.supplyAsync(DoctorCommand::region);
        List<Finding> findings = new ArrayList<>();
        int feature = Runtime.version().feature();
        findings.add(new Finding("java", feature >= 17, "Java " + Runtime.version(), "Lab Runner needs Java 17 or newer."));
        Optional<String> noDocker = DockerCheck.system(System.getenv()).whyNotAvailable();
        findings.add(new Finding("docker", noDocker.isEmpty(), "Docker engine"
                + (noDocker.isEmpty() ? DockerEngine.version().map(v -> " " + v).orElse("") : ""),
                "not available (" + noDocker.orElse("") + "): --target localstack and floci need Docker; embedded does not."));
        if (noDocker.isEmpty()) {
            for (String image : DockerEngine.pinnedImages()) {
                findings.add(new Finding("docker-image", DockerEngine.holds(image), "Image " + image + " is here",
                        "not pulled yet: 'docker pull " + image + "', or the first run of its target pulls it."));
            }
        }
        findings.add(new Finding("aws-credentials", credentials.join(), "AWS credentials", "none found: only needed for --target aws."));
        String region = regionFound.join();
        findings.add(new Finding("aws-region", region != null, "AWS region" + (region == null ? "" : " " + region),
                "none set: only needed for --target aws (AWS_REGION or --region)."));
        findings.add(new Finding("emulator-port", portFree(4566), "Port 4566 on 127.0.0.1 free",
                "in use" + (Files.exists(root.state.emulatorPidFile()) ? " (a 'lab emulator' may be running)" : "")
                        + ": 'lab emulator --port N' picks another."));
        findings.add(modelServer());
        LearnerTools.Report learnerTools = tools.join();
        findings.add(awsCli(learnerTools.awsCli()));
        findings.addAll(python(learnerTools.python()));
        if (root.options.output == GlobalOptions.OutputFormat.json) {
            out.println(JSON.writeValueAsString(new DoctorJson(findings, learnerTools.awsCli(), learnerTools.python(),
                    root.state.root().toString())));
        } else {
            Style style = root.options.style();
            for (Finding finding : findings) {
                out.println(finding.ok() ? style.green("✔ ") + finding.what()
                        : style.yellow("○ ") + finding.what() + " — " + finding.advice());
            }
            out.println(style.dim("State directory: " + root.state.root()));
        }
        out.flush();
        return 0;
    }

    /** Every lab's guide by lab id, for the Python packages they use (labs without a guide have none). */
    private Map<String, String> guides() {
        Map<String, String> guides = new LinkedHashMap<>();
        for (Lab lab : root.catalog.all()) {
            try {
                guides.put(lab.info().id(), Guides.load(lab.info().id()));
            } catch (LabException e) {
                // no guide, no packages
            }
        }
        return guides;
    }

    static Finding awsCli(LearnerTools.AwsCli cli) {
        if (!cli.found()) {
            return new Finding("aws-cli", false, "AWS CLI", cli.problem() + ": the guides' commands need it; install "
                    + AWS_CLI_INSTALL + ".");
        }
        return new Finding("aws-cli", true, "AWS CLI v" + cli.major() + " (" + cli.version() + ")", null);
    }

    static List<Finding> python(LearnerTools.Python python) {
        if (!python.found()) {
            return List.of(new Finding("python", false, "Python 3 (python3)", python.problem()
                    + ": some guides run Python; install python3 (e.g. 'apt-get install python3 python3-pip')."));
        }
        List<Finding> findings = new ArrayList<>();
        findings.add(new Finding("python", true, "Python " + python.version() + " (" + python.executable() + ")", null));
        for (LearnerTools.PythonPackage pkg : python.packages()) {
            String labs = String.join(", ", pkg.usedBy());
            findings.add(pkg.found()
                    ? new Finding("python-package", true, "Python package " + pkg.module()
                            + (pkg.version() == null ? "" : " " + pkg.version()) + " (used by " + labs + ")", null)
                    : new Finding("python-package", false, "Python package " + pkg.module(), "missing in "
                            + python.executable() + ": the guide of " + labs + " uses it; 'python3 -m pip install "
                            + pkg.module() + "' (or your distribution's python3-" + pkg.module() + ")."));
        }
        return findings;
    }

    /** Which model answers Bedrock's text models on the embedded target, and whether a configured server answers. */
    private static Finding modelServer() {
        Optional<ModelServerSetting> setting;
        try {
            setting = ModelServerSetting.from(System.getenv());
        } catch (LabException e) {
            return new Finding("model-server", false, "Bedrock text model server", e.getMessage());
        }
        if (setting.isEmpty()) {
            return new Finding("model-server", true, "Bedrock text models on embedded: the grounded responder (set "
                    + ModelServerSetting.URL_VARIABLE + " for a local Ollama model)", null);
        }
        URI url = setting.get().url();
        return new Finding("model-server", answers(url), "Bedrock text models on embedded: " + setting.get().model() + " on " + url,
                "not reachable: start the server, or unset " + ModelServerSetting.URL_VARIABLE + " to use the grounded responder.");
    }

    /** True when an Ollama-style server lists its models ({@code GET /api/tags}) within two seconds. */
    private static boolean answers(URI server) {
        HttpRequest tags = HttpRequest.newBuilder(server.resolve("/api/tags")).timeout(Duration.ofSeconds(2)).GET().build();
        try {
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(tags, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean credentialsFound() {
        try (DefaultCredentialsProvider provider = DefaultCredentialsProvider.builder().build()) {
            provider.resolveCredentials();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String region() {
        try {
            return new DefaultAwsRegionProviderChain().getRegion().id();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
