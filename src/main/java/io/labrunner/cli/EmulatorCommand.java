package io.labrunner.cli;

import io.labrunner.emulator.Emulator;
import io.labrunner.target.RunningEmulator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code lab emulator}: serve the embedded emulator for the learner's own AWS CLI or SDK code. */
@Command(name = "emulator",
        description = {"Serve the embedded AWS emulator on 127.0.0.1 until Ctrl-C.",
                "While it runs, 'lab start', 'check', 'solve' and 'cleanup' use it too."},
        footerHeading = "%nExamples:%n",
        footer = {"  lab emulator",
                "  AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 \\",
                "    aws --endpoint-url http://127.0.0.1:4566 s3 ls",
                "  lab emulator --port 0 --data ./my-data   # any free port, data in ./my-data"})
final class EmulatorCommand implements Callable<Integer> {

    @ParentCommand
    LabCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "4566", paramLabel = "PORT",
            description = "Port on 127.0.0.1; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

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

    @Override
    public Integer call() throws Exception {
        Path dataDir = data != null ? data.toAbsolutePath() : root.state.emulatorData();
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        try (Emulator emulator = Emulator.builder().port(port).dataDir(dataDir)
                .modelServer(modelServer, modelServerModel).build().start()) {
            Path note = root.state.emulatorPidFile();
            new RunningEmulator(emulator.getEndpoint().toString(), emulator.getRegion(), ProcessHandle.current().pid())
                    .writeTo(note);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                emulator.close();
                try {
                    Files.deleteIfExists(note);
                } catch (java.io.IOException ignored) {
                    // Best effort: a stale note is ignored because nothing answers on its port.
                }
                stopped.countDown();
            }, "emulator-stop"));
            out.println("Emulator serving on " + emulator.getEndpoint() + " (region " + emulator.getRegion()
                    + ", account 000000000000)");
            out.println("Data: " + dataDir);
            if (modelServer != null) {
                out.println("Bedrock text models: " + modelServerModel + " on " + modelServer);
            }
            out.println("Use it with any key pair, e.g.:");
            out.println("  export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=" + emulator.getRegion());
            out.println("  aws --endpoint-url " + emulator.getEndpoint() + " s3 ls");
            out.println("Press Ctrl-C to stop.");
            out.flush();
            stopped.await();
        }
        return 0;
    }
}
