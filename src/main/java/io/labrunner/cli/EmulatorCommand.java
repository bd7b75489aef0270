package io.labrunner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.core.LabException;
import io.labrunner.emulator.Emulator;
import io.labrunner.target.RunningEmulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code lab emulator}: serve the embedded emulator for the learner's own AWS CLI or SDK code. */
@Command(name = "emulator",
        description = {"Serve the embedded AWS emulator on 127.0.0.1 until Ctrl-C (or 'lab emulator stop').",
                "While it runs, 'lab start', 'check', 'solve' and 'cleanup' use it too; without one,"
                        + " they start one in the background."},
        subcommands = EmulatorStopCommand.class,
        footerHeading = "%nExamples:%n",
        footer = {"  lab emulator",
                "  AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 \\",
                "    aws --endpoint-url http://127.0.0.1:4566 s3 ls",
                "  aws --endpoint-url https://127.0.0.1:4566 --ca-bundle DATA/tls/emulator-cert.pem s3 ls   # over TLS",
                "  lab emulator --port 0 --data ./my-data   # any free port, data in ./my-data",
                "  lab emulator stop                        # stops the one serving your labs"})
final class EmulatorCommand implements Callable<Integer> {

    /** Options every command inherits that mean nothing to the emulator: it is always the embedded target. */
    private static final Set<String> TARGET_OPTIONS = Set.of("--target", "--endpoint", "--image", "--reuse",
            "--profile", "--region", "--yes", "--junit");

    /**
     * Takes the inherited target options off {@code lab emulator} and its subcommands, so that its
     * help lists only what applies and {@code lab emulator --target aws} is a usage error.
     */
    static void ownOptionsOnly(CommandLine emulator) {
        CommandSpec spec = emulator.getCommandSpec();
        for (OptionSpec option : List.copyOf(spec.options())) {
            if (TARGET_OPTIONS.contains(option.longestName())) {
                spec.remove(option);
            }
        }
        emulator.getSubcommands().values().forEach(EmulatorCommand::ownOptionsOnly);
    }

    @ParentCommand
    LabCommand root;

    @Spec
    CommandSpec spec;

    /** How long a graceful stop may take before the process halts anyway. */
    private static final long STOP_DEADLINE_MILLIS = 10_000;

    @Option(names = "--port", defaultValue = "4566", paramLabel = "PORT",
            description = "Port on 127.0.0.1; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--cors", paramLabel = "ORIGIN",
            description = "Let web pages from ORIGIN (e.g. http://localhost:3000) call the emulator. "
                    + "Default: none; requests from web pages are refused.")
    String cors;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Where every service's state (S3 objects, IAM, Glue, Athena, Kinesis, Firehose, Bedrock) is kept "
                    + "across restarts. Default: the lab state directory.")
    Path data;

    @Option(names = "--model-server", paramLabel = "URL",
            description = "A local model server with Ollama's API (e.g. http://127.0.0.1:11434) that answers Bedrock's "
                    + "text models. Default: none; a grounded responder answers from the prompt's own context.")
    java.net.URI modelServer;

    @Option(names = "--model-server-model", paramLabel = "NAME", defaultValue = "llama3.2",
            description = "The model the model server runs. Default: ${DEFAULT-VALUE}.")
    String modelServerModel;

    @Option(names = "--enforce-iam",
            description = "Make requests signed with a role's temporary credentials (from sts assume-role) pass the "
                    + "role's IAM policies, and services acting as a role (a Glue crawler, a training job) act with its "
                    + "permissions; what the policies do not allow is refused with AccessDenied, as on AWS. "
                    + "Default: off; only bucket and key policies are enforced.")
    boolean enforceIam;

    @Option(names = "--no-limits",
            description = "Turn off AWS's throughput limits (Kinesis: 1 MiB/s and 1,000 records/s per shard in, "
                    + "2 MiB/s and 5 calls/s out), for load tests. Default: limits on, as on AWS.")
    boolean noLimits;

    /** Set when a command started this emulator in the background: where its output goes, for 'lab status'. */
    @Option(names = "--log", paramLabel = "FILE", hidden = true)
    Path log;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be 0 to 65535, not " + port);
        }
        if (cors != null && !cors.matches("https?://[^/\\s]+")) {
            throw new ParameterException(spec.commandLine(),
                    "--cors takes an origin such as http://localhost:3000 (scheme, host and port; no path), not " + cors);
        }
        Path note = root.state.emulatorPidFile();
        Optional<RunningEmulator> other = RunningEmulator.readIfAlive(note)
                .filter(running -> running.pid() != ProcessHandle.current().pid());
        if (other.isPresent()) {
            throw anotherServes(other.get());
        }
        FileChannel homeLock = serveAlone(note);
        Path dataDir = data != null ? data.toAbsolutePath() : root.state.emulatorData();
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        try (FileChannel held = homeLock;
             Emulator emulator = Emulator.builder().port(port).dataDir(dataDir).corsOrigin(cors)
                .modelServer(modelServer, modelServerModel).enforceIam(enforceIam).limits(!noLimits).build().start()) {
            RunningEmulator serving = new RunningEmulator(emulator.getEndpoint().toString(), emulator.getRegion(),
                    ProcessHandle.current().pid(), dataDir.toString(), log == null ? null : log.toAbsolutePath().toString(),
                    enforceIam);
            serving.writeTo(note);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(emulator, note, stopped), "emulator-stop"));
            if (root.options.output == GlobalOptions.OutputFormat.json) {
                ObjectMapper json = new ObjectMapper();
                out.println(json.writeValueAsString(json.valueToTree(serving) instanceof ObjectNode node
                        ? node.put("httpsEndpoint", emulator.getHttpsEndpoint().toString())
                                .put("certificate", emulator.getCertificatePem().toString())
                        : serving));
                out.flush();
                stopped.await();
                return 0;
            }
            out.println("Emulator serving on " + emulator.getEndpoint() + " (region " + emulator.getRegion()
                    + ", account 000000000000)");
            out.println("HTTPS on the same port: " + emulator.getHttpsEndpoint()
                    + " (self-signed certificate for localhost, 127.0.0.1 and ::1)");
            out.println("Data: " + dataDir);
            if (modelServer != null) {
                out.println("Bedrock text models: " + modelServerModel + " on " + modelServer);
            }
            if (cors != null) {
                out.println("Web pages from " + cors + " may call it.");
            }
            if (enforceIam) {
                out.println("IAM enforcement is on: requests signed with a role's temporary credentials must be allowed"
                        + " by its policies.");
            }
            if (noLimits) {
                out.println("Throughput limits are off: Kinesis never answers ProvisionedThroughputExceededException.");
            }
            out.println("Use it with the key pair test/test (signatures are checked), e.g.:");
            out.println("  export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=" + emulator.getRegion());
            out.println("  aws --endpoint-url " + emulator.getEndpoint() + " s3 ls");
            String pem = emulator.getCertificatePem().toString();
            out.println("Over HTTPS (a policy's aws:SecureTransport is true only this way), trust its certificate:");
            out.println("  aws --endpoint-url " + emulator.getHttpsEndpoint() + " --ca-bundle " + pem + " s3 ls");
            out.println("  export AWS_CA_BUNDLE=" + pem + "   # read by the AWS CLI and boto3");
            out.println("  boto3.client(\"s3\", endpoint_url=\"" + emulator.getHttpsEndpoint() + "\", verify=\"" + pem + "\")");
            out.println("Press Ctrl-C to stop.");
            out.flush();
            stopped.await();
        }
        return 0;
    }

    private static LabException anotherServes(RunningEmulator other) {
        return new LabException("Another lab emulator (pid " + other.pid() + ") is serving this home on "
                + other.endpoint() + "; stop it first ('lab emulator stop'), or give this one its own LAB_RUNNER_HOME.");
    }

    /**
     * Takes the home's serving lock for as long as this process lives (the system lets go of it when the
     * process ends, however it ends), so that two emulators never serve one home even when they start at
     * the same moment and neither has written its note yet.
     */
    private FileChannel serveAlone(Path note) throws IOException {
        Files.createDirectories(note.getParent());
        FileChannel channel = FileChannel.open(root.state.emulatorServingLock(), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        boolean mine;
        try {
            mine = channel.tryLock() != null;
        } catch (OverlappingFileLockException heldInThisProcess) {
            mine = false;
        }
        if (!mine) {
            channel.close();
            throw RunningEmulator.readIfAlive(note).map(EmulatorCommand::anotherServes).orElseGet(() -> new LabException(
                    "Another lab emulator holds this home (" + root.state.emulatorServingLock() + ") but has left no"
                            + " live note yet; wait for 'lab status' to show it, or end that process."));
        }
        return channel;
    }

    /**
     * The shutdown hook: forget the note first if it is still ours (so other terminals stop using this
     * emulator, and a newer emulator's note stays), then stop
     * gracefully; a watchdog halts the JVM if that takes longer than {@link #STOP_DEADLINE_MILLIS}
     * (a request stuck in a service must not keep SIGTERM from working).
     */
    private static void stop(Emulator emulator, Path note, CountDownLatch stopped) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(STOP_DEADLINE_MILLIS);
                System.err.println("lab: the emulator did not stop within " + STOP_DEADLINE_MILLIS / 1000
                        + " s; exiting anyway.");
                Runtime.getRuntime().halt(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "emulator-stop-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        RunningEmulator.deleteIfNames(note, ProcessHandle.current().pid());
        try {
            emulator.close();
        } finally {
            watchdog.interrupt();
            stopped.countDown();
        }
    }
}
