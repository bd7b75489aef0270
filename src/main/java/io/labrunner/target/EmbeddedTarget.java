package io.labrunner.target;

import io.labrunner.core.Capability;
import io.labrunner.core.Location;
import io.labrunner.core.TlsEndpoint;
import io.labrunner.emulator.Emulator;
import io.labrunner.emulator.tls.EmulatorCertificate;
import java.net.URI;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The default target: the emulator in this process on a free loopback port, or a {@code lab
 * emulator} already serving the shared data directory.
 */
public final class EmbeddedTarget implements Target {
    /** What the embedded emulator serves today. */
    static final Set<Capability> CAPABILITIES = EnumSet.of(Capability.S3, Capability.STS, Capability.IAM,
            Capability.GLUE_CATALOG, Capability.GLUE_CRAWLER, Capability.ATHENA_SQL,
            Capability.KINESIS, Capability.KINESIS_SHARD_LIMITS,
            Capability.KINESIS_RESHARD_LINEAGE,
            Capability.FIREHOSE_S3, Capability.BEDROCK_GUARDRAILS, Capability.BEDROCK_TEXT, Capability.BEDROCK_EMBEDDINGS,
            Capability.SAGEMAKER_TRAINING, Capability.SAGEMAKER_HOSTING, Capability.SAGEMAKER_MODEL_MONITOR,
            Capability.CLOUDWATCH_METRICS, Capability.KMS, Capability.SECRETS_MANAGER, Capability.S3_ENCRYPTION,
            Capability.S3_BUCKET_POLICIES, Capability.TLS,
            Capability.STEP_FUNCTIONS, Capability.EVENTBRIDGE, Capability.S3_EVENTBRIDGE,
            Capability.SAGEMAKER_PIPELINES);

    private final Emulator emulator;
    private final boolean enforcesIam;
    /** What an emulator another process serves says of itself; empty for this process's own. */
    private final Optional<Set<Capability>> attachedServes;
    private final URI endpoint;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final Location location;
    private final Optional<TlsEndpoint> tls;

    private EmbeddedTarget(Emulator emulator, boolean enforcesIam, URI endpoint, Region region, Location location,
                           Optional<TlsEndpoint> tls) {
        this(emulator, enforcesIam, endpoint, region, location, tls, Optional.empty());
    }

    private EmbeddedTarget(Emulator emulator, boolean enforcesIam, URI endpoint, Region region, Location location,
                           Optional<TlsEndpoint> tls, Optional<Set<Capability>> attachedServes) {
        this.emulator = emulator;
        this.attachedServes = attachedServes;
        this.enforcesIam = enforcesIam;
        this.endpoint = endpoint;
        this.region = region;
        this.location = location;
        this.tls = tls;
        this.credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }

    /**
     * Starts an emulator in this process on a free port; {@code dataDir} null means a temp dir. When
     * {@code LAB_MODEL_SERVER_URL} is set, Bedrock's text models are answered by that Ollama-style
     * server running {@code LAB_MODEL_SERVER_MODEL} (default {@code llama3.2}).
     */
    public static EmbeddedTarget start(Path dataDir) {
        return start(dataDir, false);
    }

    /**
     * As {@link #start(Path)}; with {@code enforceIam} the emulator enforces IAM (as {@code lab emulator
     * --enforce-iam}) and the target offers {@link Capability#IAM_ENFORCEMENT}, for labs about IAM.
     */
    public static EmbeddedTarget start(Path dataDir, boolean enforceIam) {
        Optional<ModelServerSetting> modelServer = ModelServerSetting.from(System.getenv());
        Emulator emulator = Emulator.builder().port(0).dataDir(dataDir).enforceIam(enforceIam)
                .modelServer(modelServer.map(ModelServerSetting::url).orElse(null),
                        modelServer.map(ModelServerSetting::model).orElse(null))
                .build().start();
        Location here = place(emulator.getEndpoint(), Region.of(emulator.getRegion()));
        // Without a data folder the emulator's state is a temp folder that goes when this process ends.
        here = dataDir == null ? here.endingWithThisProcess() : here.withData(dataDir);
        return new EmbeddedTarget(emulator, enforceIam, emulator.getEndpoint(), Region.of(emulator.getRegion()), here,
                Optional.of(new TlsEndpoint(emulator.getHttpsEndpoint(), emulator.getCertificatePem())));
    }

    /**
     * Uses an emulator another process serves (a running {@code lab emulator}), which keeps its
     * state in {@code data} when its note says, and its TLS certificate there too. What it serves, and whether it
     * enforces IAM or throughput limits, its health path says.
     */
    public static EmbeddedTarget attach(URI endpoint, Region region, Optional<Path> data) {
        Location here = place(endpoint, region);
        // The same port answers https; the certificate is the one in its data folder.
        Optional<TlsEndpoint> tls = data.map(EmulatorCertificate::pemIn).filter(java.nio.file.Files::isRegularFile)
                .map(pem -> new TlsEndpoint(URI.create("https://" + endpoint.getRawAuthority()), pem));
        // Its health path says what it serves and with which settings (IAM enforcement, throughput limits).
        Optional<Set<Capability>> serves = CapabilityProbe.labEmulator(endpoint);
        return new EmbeddedTarget(null, false, endpoint, region, data.map(here::withData).orElse(here), tls, serves);
    }

    private static Location place(URI endpoint, Region region) {
        return Location.of("embedded", Optional.of(endpoint), region.id()).withAccount(Emulator.ACCOUNT_ID);
    }

    /** The emulator's data folder, or a throwaway one that ends with this process; not its port, which changes. */
    @Override
    public Location location() {
        return location;
    }

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public Optional<URI> endpoint() {
        return Optional.of(endpoint);
    }

    @Override
    public Region region() {
        return region;
    }

    @Override
    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    @Override
    public Set<Capability> capabilities() {
        Set<Capability> offered = EnumSet.copyOf(CAPABILITIES);
        attachedServes.ifPresent(serves -> {
            // Its health lists services and settings; TLS is decided below, by whether its certificate is found.
            Set<Capability> kept = EnumSet.copyOf(serves);
            kept.add(Capability.TLS);
            offered.retainAll(kept);
            if (serves.contains(Capability.IAM_ENFORCEMENT)) {
                offered.add(Capability.IAM_ENFORCEMENT);
            }
        });
        if (tls.isEmpty()) {
            // An emulator that keeps no certificate where this one looks (its data folder unknown) offers no TLS here.
            offered.remove(Capability.TLS);
        }
        if (enforcesIam) {
            offered.add(Capability.IAM_ENFORCEMENT);
        }
        return offered;
    }

    @Override
    public Optional<TlsEndpoint> tlsEndpoint() {
        return tls;
    }

    @Override
    public void close() {
        if (emulator != null) {
            emulator.close();
        }
    }
}
