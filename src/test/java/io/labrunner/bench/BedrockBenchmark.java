package io.labrunner.bench;

import io.labrunner.core.AwsClients;
import io.labrunner.target.EmbeddedTarget;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

/**
 * The embedded Bedrock's numbers: the embedding model's first call (it loads on first use), 100
 * chunks embedded through InvokeModel as Titan Text Embeddings V2, a grounded Converse answer, and
 * {@code lab run bedrock-rag} end to end in a fresh JVM with its peak resident memory. Run with
 * {@code mvn -q -Pbench -DskipTests verify -Dbench=BedrockBenchmark}. Not a test: nothing here fails.
 */
public final class BedrockBenchmark {
    private static final String EMBEDDING_MODEL = "amazon.titan-embed-text-v2:0";
    private static final String TEXT_MODEL = "amazon.nova-micro-v1:0";
    private static final int CHUNKS = 100;
    private static final String[] SERVICES = {"Kinesis", "Firehose", "Glue", "Athena", "S3", "Bedrock", "IAM", "SageMaker"};
    private static final String[] FACTS = {"keeps records for", "buffers data for", "bills by", "retries failed calls after",
        "charges per", "limits each account to", "writes output to", "scales in steps of"};

    private BedrockBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String[]> rows = new ArrayList<>();
        Path dir = Files.createTempDirectory("lab-bench-bedrock-");
        try (EmbeddedTarget target = EmbeddedTarget.start(dir.resolve("emulator"));
             AwsClients clients = new AwsClients(target.endpoint(), target.region(), target.credentials());
             BedrockRuntimeClient runtime = clients.configure(BedrockRuntimeClient.builder()).build()) {
            long t0 = System.nanoTime();
            embed(runtime, "The first call loads the embedding model.");
            rows.add(new String[] {"first InvokeModel (loads the embedding model)", Benchmarks.fmt((System.nanoTime() - t0) / 1e9) + " s", ""});

            double[] batches = new double[3];
            for (int run = 0; run < batches.length; run++) {
                long start = System.nanoTime();
                for (int i = 0; i < CHUNKS; i++) {
                    embed(runtime, chunk(i + run * CHUNKS));
                }
                batches[run] = (System.nanoTime() - start) / 1e9;
            }
            rows.add(new String[] {"embed " + CHUNKS + " chunks (Titan V2 shape, 1,024 dims)", Benchmarks.fmt(Benchmarks.median(batches)) + " s", ""});

            StringBuilder context = new StringBuilder("Context:\n");
            for (int i = 0; i < 5; i++) {
                context.append(chunk(i * 7)).append('\n');
            }
            double[] answers = new double[10];
            for (int i = 0; i < answers.length; i++) {
                long start = System.nanoTime();
                runtime.converse(c -> c.modelId(TEXT_MODEL)
                        .system(SystemContentBlock.fromText("Answer only from the context. If it has no answer, say you don't know."))
                        .messages(Message.builder().role(ConversationRole.USER)
                                .content(ContentBlock.fromText(context + "\nQuestion: How long does Kinesis keep records?")).build()));
                answers[i] = (System.nanoTime() - start) / 1e9;
            }
            rows.add(new String[] {"Converse, grounded responder, 5 passages", Benchmarks.fmt(Benchmarks.median(answers) * 1000) + " ms", ""});
        }
        double[] walls = new double[3];
        long[] peaks = new long[3];
        // As ./lab runs it: C1 only, and a class-data archive written by a first, untimed run.
        Path archive = dir.resolve("classes.jsa");
        var unused = PeakMemory.ofRun(Benchmarks.javaCommand(
                List.of("-XX:TieredStopAtLevel=1", "-XX:ArchiveClassesAtExit=" + archive), "run", "bedrock-rag", "--no-color"));
        List<String> launcher = List.of("-XX:TieredStopAtLevel=1", "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-XX:SharedArchiveFile=" + archive);
        for (int i = 0; i < walls.length; i++) {
            long start = System.nanoTime();
            peaks[i] = PeakMemory.ofRun(Benchmarks.javaCommand(launcher, "run", "bedrock-rag", "--no-color"));
            walls[i] = (System.nanoTime() - start) / 1e9;
        }
        rows.add(new String[] {"lab run bedrock-rag (as ./lab runs)", Benchmarks.fmt(Benchmarks.median(walls)) + " s", "< 8 s"});
        long peak = 0;
        for (long p : peaks) {
            peak = Math.max(peak, p);
        }
        rows.add(new String[] {"lab run bedrock-rag peak resident memory", String.format(Locale.ROOT, "%d MB", peak / 1_000_000), "< 700 MB"});
        Benchmarks.print(rows);
    }

    private static void embed(BedrockRuntimeClient runtime, String text) {
        String body = "{\"inputText\":\"" + text.replace("\"", "\\\"") + "\"}";
        var unused = runtime.invokeModel(r -> r.modelId(EMBEDDING_MODEL).contentType("application/json")
                .accept("application/json").body(SdkBytes.fromString(body, StandardCharsets.UTF_8)));
    }

    /** A sentence like a chunk of documentation, different for every {@code i}. */
    private static String chunk(int i) {
        return String.format(Locale.ROOT, "Note %d: in this setup %s %s %d %s, as the runbook for team %d explains.",
                i, SERVICES[i % SERVICES.length], FACTS[(i / SERVICES.length) % FACTS.length], 24 + i,
                i % 2 == 0 ? "hours" : "requests", i % 13);
    }
}
