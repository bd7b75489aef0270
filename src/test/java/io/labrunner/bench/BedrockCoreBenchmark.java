package io.labrunner.bench;

import io.labrunner.emulator.Emulator;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailContentSource;

/**
 * What the REST-JSON protocol core costs Bedrock: median latency through SDK v2 of GetGuardrail,
 * ApplyGuardrail (keyword topics only), ListFoundationModels and a Converse refused for its model id, against
 * this build and an earlier build in the same JVM, alternating in blocks. Not a test: nothing here fails.
 *
 * <p>The earlier build is given as its compiled classes (see {@link ProtocolCoreBenchmark}):
 * {@code BENCH_BEFORE_CLASSES=DIR/target/classes mvn -q -Pbench -DskipTests verify -Dbench=BedrockCoreBenchmark}.
 */
public final class BedrockCoreBenchmark {
    private static final int CALLS_PER_BLOCK = 200;
    private static final int BLOCKS = 4;

    private BedrockCoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String before = System.getProperty("before.classes", System.getenv("BENCH_BEFORE_CLASSES"));
        if (before == null) {
            System.err.println("Give the earlier build's classes with -Dbefore.classes=DIR or BENCH_BEFORE_CLASSES=DIR");
            System.exit(2);
        }
        try (Emulator after = Emulator.builder().port(0).build().start();
                Earlier earlier = Earlier.start(Path.of(before))) {
            List<Clients> clients = List.of(new Clients(earlier.endpoint), new Clients(after.getEndpoint()));
            List<String> names = List.of("GetGuardrail", "ApplyGuardrail", "ListFoundationModels", "Converse refused (model id)");
            List<List<List<Long>>> nanos = new ArrayList<>();
            for (Clients c : clients) {
                String id = c.bedrock.createGuardrail(r -> r.name("bench").blockedInputMessaging("no")
                        .blockedOutputsMessaging("no").topicPolicyConfig(t -> t.topicsConfig(x -> x.name("Stocks")
                                .definition("Advice about investing in stocks").type("DENY")))).guardrailId();
                c.calls = List.of(
                        () -> c.bedrock.getGuardrail(r -> r.guardrailIdentifier(id)),
                        () -> c.runtime.applyGuardrail(r -> r.guardrailIdentifier(id).guardrailVersion("DRAFT")
                                .source(GuardrailContentSource.INPUT).content(b -> b.text(t -> t.text("What is S3?")))),
                        () -> c.bedrock.listFoundationModels(r -> { }),
                        () -> {
                            try {
                                c.runtime.converse(r -> r.modelId("no.such-model").messages(m -> m.role("user")
                                        .content(ContentBlock.fromText("Hi"))));
                            } catch (SdkServiceException expected) {
                                // refused, as measured
                            }
                        });
                nanos.add(new ArrayList<>());
                for (int op = 0; op < names.size(); op++) {
                    nanos.get(nanos.size() - 1).add(new ArrayList<>());
                    time(c.calls.get(op), CALLS_PER_BLOCK, t -> { }); // warm up
                }
            }
            for (int block = 0; block < BLOCKS; block++) {
                for (int side = 0; side < clients.size(); side++) {
                    for (int op = 0; op < names.size(); op++) {
                        time(clients.get(side).calls.get(op), CALLS_PER_BLOCK, nanos.get(side).get(op)::add);
                    }
                }
            }
            System.out.println();
            System.out.printf(Locale.ROOT, "%-40s %12s %12s %10s%n", "median ms (" + BLOCKS * CALLS_PER_BLOCK + " calls)",
                    "before", "after", "change");
            for (int op = 0; op < names.size(); op++) {
                double b = percentile(nanos.get(0).get(op), 0.5) / 1e6;
                double a = percentile(nanos.get(1).get(op), 0.5) / 1e6;
                System.out.printf(Locale.ROOT, "%-40s %12.3f %12.3f %+9.3f ms%n", names.get(op), b, a, a - b);
            }
            clients.forEach(Clients::close);
        }
    }

    private static void time(Runnable call, int times, Consumer<Long> sink) {
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            call.run();
            sink.accept(System.nanoTime() - start);
        }
    }

    private static double percentile(List<Long> values, double p) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }

    /** The SDK clients of one emulator and the calls measured against it. */
    private static final class Clients {
        final BedrockClient bedrock;
        final BedrockRuntimeClient runtime;
        List<Runnable> calls;

        Clients(URI endpoint) {
            StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
            bedrock = BedrockClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                    .credentialsProvider(credentials).httpClient(ApacheHttpClient.builder().build()).build();
            runtime = BedrockRuntimeClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                    .credentialsProvider(credentials).httpClient(ApacheHttpClient.builder().build()).build();
        }

        void close() {
            bedrock.close();
            runtime.close();
        }
    }

    /** An earlier build's emulator with its default services, its {@code io.labrunner} classes loaded apart. */
    private static final class Earlier implements AutoCloseable {
        private final Object emulator;
        private final URI endpoint;

        private Earlier(Object emulator, URI endpoint) {
            this.emulator = emulator;
            this.endpoint = endpoint;
        }

        static Earlier start(Path classes) throws Exception {
            ClassLoader loader = new ChildFirst(new URL[] {classes.toUri().toURL()},
                    BedrockCoreBenchmark.class.getClassLoader());
            Class<?> emulatorClass = loader.loadClass("io.labrunner.emulator.Emulator");
            Object builder = emulatorClass.getMethod("builder").invoke(null);
            builder.getClass().getMethod("port", int.class).invoke(builder, 0);
            Object emulator = builder.getClass().getMethod("build").invoke(builder);
            emulatorClass.getMethod("start").invoke(emulator);
            Method endpoint = emulatorClass.getMethod("getEndpoint");
            return new Earlier(emulator, (URI) endpoint.invoke(emulator));
        }

        @Override
        public void close() throws Exception {
            emulator.getClass().getMethod("close").invoke(emulator);
        }
    }

    /** Loads {@code io.labrunner} classes from its own URLs first, everything else from the parent. */
    private static final class ChildFirst extends URLClassLoader {
        ChildFirst(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("io.labrunner.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = findClass(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }

    static {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty(
                "org.slf4j.simpleLogger.defaultLogLevel", "warn"));
    }
}
