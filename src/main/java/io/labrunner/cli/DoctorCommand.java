package io.labrunner.cli;

import io.labrunner.core.LabException;
import io.labrunner.target.DockerCheck;
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
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/** {@code lab doctor}: what this machine offers each target. */
@Command(name = "doctor", description = "Check this machine: Java, Docker, AWS credentials and region, the emulator port, the Bedrock model server.")
final class DoctorCommand implements Callable<Integer> {

    @ParentCommand
    LabCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Style style = root.options.style();
        int feature = Runtime.version().feature();
        report(out, style, feature >= 17, "Java " + Runtime.version(), "Lab Runner needs Java 17 or newer.");
        Optional<String> noDocker = DockerCheck.system(System.getenv()).whyNotAvailable();
        report(out, style, noDocker.isEmpty(), "Docker engine", "not available (" + noDocker.orElse("")
                + "): --target localstack and floci need Docker; embedded does not.");
        report(out, style, credentialsFound(), "AWS credentials", "none found: only needed for --target aws.");
        String region = region();
        report(out, style, region != null, "AWS region" + (region == null ? "" : " " + region), "none set: only needed for --target aws (AWS_REGION or --region).");
        report(out, style, portFree(4566), "Port 4566 on 127.0.0.1 free",
                "in use" + (Files.exists(root.state.emulatorPidFile()) ? " (a 'lab emulator' may be running)" : "")
                        + ": 'lab emulator --port N' picks another.");
        reportModelServer(out, style);
        out.println(style.dim("State directory: " + root.state.root()));
        out.flush();
        return 0;
    }

    private static void report(PrintWriter out, Style style, boolean ok, String what, String otherwise) {
        out.println(ok ? style.green("✔ ") + what : style.yellow("○ ") + what + " — " + otherwise);
    }

    /** Which model answers Bedrock's text models on the embedded target, and whether a configured server answers. */
    private static void reportModelServer(PrintWriter out, Style style) {
        Optional<ModelServerSetting> setting;
        try {
            setting = ModelServerSetting.from(System.getenv());
        } catch (LabException e) {
            report(out, style, false, "Bedrock text model server", e.getMessage());
            return;
        }
        if (setting.isEmpty()) {
            report(out, style, true, "Bedrock text models on embedded: the grounded responder (set "
                    + ModelServerSetting.URL_VARIABLE + " for a local Ollama model)", "");
            return;
        }
        URI url = setting.get().url();
        report(out, style, answers(url), "Bedrock text models on embedded: " + setting.get().model() + " on " + url,
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
