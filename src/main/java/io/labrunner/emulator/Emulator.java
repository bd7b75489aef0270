package io.labrunner.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.athena.AthenaService;
import io.labrunner.emulator.athena.GlueTableCatalog;
import io.labrunner.emulator.bedrock.BedrockService;
import io.labrunner.emulator.bedrock.text.ModelServer;
import io.labrunner.emulator.firehose.FirehoseService;
import io.labrunner.emulator.firehose.FirehoseSettings;
import io.labrunner.emulator.firehose.GlueTables;
import io.labrunner.emulator.firehose.KinesisApi;
import io.labrunner.emulator.firehose.ObjectStore;
import io.labrunner.emulator.glue.CrawlerTimings;
import io.labrunner.emulator.glue.GlueCatalog;
import io.labrunner.emulator.glue.GlueService;
import io.labrunner.emulator.iam.IamService;
import io.labrunner.emulator.iam.ManagedPolicyStore;
import io.labrunner.emulator.iam.RoleStore;
import io.labrunner.emulator.iam.UserStore;
import io.labrunner.emulator.iam.access.AccessControl;
import io.labrunner.emulator.iam.access.Caller;
import io.labrunner.emulator.kinesis.KinesisService;
import io.labrunner.emulator.kms.KeyRing;
import io.labrunner.emulator.kms.KmsKeys;
import io.labrunner.emulator.kms.KmsService;
import io.labrunner.emulator.kinesis.KinesisSettings;
import io.labrunner.emulator.cloudwatch.CloudWatchService;
import io.labrunner.emulator.logs.LogWriter;
import io.labrunner.emulator.logs.LogsService;
import io.labrunner.emulator.iam.access.BucketPolicies;
import io.labrunner.emulator.s3.S3Frontend;
import io.labrunner.emulator.s3.S3Security;
import io.labrunner.emulator.sagemaker.monitor.ModelMonitor;
import io.labrunner.emulator.sagemaker.monitor.MonitoringSchedules;
import io.labrunner.emulator.sagemaker.monitor.ProcessingJobs;
import io.labrunner.emulator.sagemaker.OperationGroup;
import io.labrunner.emulator.sagemaker.pipelines.PipelineOperations;
import io.labrunner.emulator.sagemaker.ResourceTags;
import io.labrunner.emulator.sagemaker.SageMakerService;
import io.labrunner.emulator.sagemaker.hosting.EndpointConfigs;
import io.labrunner.emulator.sagemaker.hosting.Endpoints;
import io.labrunner.emulator.sagemaker.transform.ModelLoader;
import io.labrunner.emulator.sagemaker.registry.ModelRegistryOperations;
import io.labrunner.emulator.sagemaker.TagOperations;
import io.labrunner.emulator.sagemaker.algorithms.Algorithm;
import io.labrunner.emulator.sagemaker.tuning.TuningOperations;
import io.labrunner.emulator.sagemaker.training.AlgorithmRegistry;
import io.labrunner.emulator.sagemaker.training.TrainingJobService;
import io.labrunner.emulator.sagemaker.transform.Models;
import io.labrunner.emulator.sagemaker.transform.TransformJobs;
import io.labrunner.emulator.sagemaker.training.TrainingTimings;
import io.labrunner.emulator.sagemaker.linearlearner.LinearLearner;
import io.labrunner.emulator.sagemaker.xgboost.XgboostAlgorithm;
import io.labrunner.emulator.secretsmanager.SecretsManagerService;
import io.labrunner.emulator.state.CommitAfterEachRequest;
import io.labrunner.emulator.state.StateStore;
import io.labrunner.emulator.sts.SessionRegistry;
import io.labrunner.emulator.sts.StsService;
import io.labrunner.emulator.tls.EmulatorCertificate;
import io.labrunner.emulator.tls.TlsOnSamePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The embedded AWS emulator: every service on one loopback port, started with a builder like
 * Testcontainers' {@code LocalStackContainer}.
 *
 * <pre>{@code
 * try (Emulator emulator = Emulator.builder().port(0).build().start()) {
 *     S3Client s3 = S3Client.builder()
 *             .endpointOverride(emulator.getEndpoint())
 *             .region(Region.of(emulator.getRegion()))
 *             .credentialsProvider(StaticCredentialsProvider.create(
 *                     AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey())))
 *             .forcePathStyle(true)
 *             .build();
 * }
 * }</pre>
 *
 * S3, STS, IAM, Glue, Athena, Kinesis, Firehose, Bedrock, CloudWatch Logs, CloudWatch metrics and alarms and
 * SageMaker (training and tuning jobs, models, Batch Transform, Pipelines), KMS, Secrets Manager, Step Functions
 * (state machines run with their service integrations) and EventBridge (with S3's EventBridge notifications) are
 * always served;
 * other services are added with
 * {@link Builder#service}.
 * Jetty's threads are not daemons: always {@link #close()} the emulator.
 */
public final class Emulator implements AutoCloseable {
    /** The account every request acts in. */
    public static final String ACCOUNT_ID = "000000000000";
    private static final String ACCESS_KEY = "test";
    private static final String SECRET_KEY = "test";
    private static final int IO_BUFFER_BYTES = 256 * 1024;
    /**
     * Bodies up to this size are read without holding a worker thread (Jetty's EagerContentHandler)
     * before the front door runs, so clients that send their body slowly, or never finish it, cost a
     * connection but no thread. Larger bodies (big S3 uploads) stream and hold one.
     */
    private static final int EAGER_BODY_BYTES = FrontDoor.MAX_BODY_BYTES + 64 * 1024;
    /**
     * How long a connection may send or receive nothing before Jetty closes it (idle keep-alive
     * connections, stalled large uploads), and how long a body read before dispatch may take in all
     * ({@link BodyDeadline}). Jetty 12 does not enforce HttpConfiguration's minimum data rates.
     */
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);
    /** How long stop() lets requests in flight finish before Jetty closes their connections. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(2);
    /** Long enough that a client which does not wait for its query sees QUEUED, short enough for labs. */
    private static final Duration ATHENA_QUEUE_TIME = Duration.ofMillis(50);

    private final String host;
    private final int requestedPort;
    private final Path configuredDataDir;
    private final String region;
    private final String corsOrigin;
    private final List<ServiceFactory> factories;
    /** Glue's Data Catalog, shared by Glue, Athena (its AwsDataCatalog) and Firehose's format conversion. */
    private GlueCatalog catalog;
    /** KMS's keys, shared by KMS, Secrets Manager and S3's SSE-KMS: open from start() to close(). */
    private KmsKeys kmsKeys;
    private final ModelServer modelServer;
    private final List<Algorithm> algorithms;
    private final TrainingTimings trainingTimings;
    private final java.time.Duration tuningPoll;
    private final boolean enforceIam;
    /** Whether Kinesis enforces AWS's per-shard throughput limits. */
    private final boolean limits;
    /** The clock temporary credentials expire by. */
    private final java.time.Clock credentialClock;
    private volatile AccessControl accessControl;
    /** The temporary credentials STS issued: who signed each request. */
    private volatile SessionRegistry sessions;
    /** The IAM users' access keys, which sign requests as their users. */
    private volatile UserStore iamUsers;

    private Server server;
    private Path dataDir;
    /** HTTPS on the same port, with the certificate kept in the data directory. */
    private TlsOnSamePort tls;
    /** Every service's state but S3's objects: open from start() to close(). */
    private StateStore state;
    private boolean ownsDataDir;
    private int port = -1;
    private final List<AwsService> services = new ArrayList<>();
    private volatile Supplier<S3Frontend> s3;
    private volatile Map<String, AwsService> serving = Map.of();
    /** The built-in CloudWatch Logs, once created; null when a service added with the builder replaces it. */
    private volatile LogsService logs;
    /** The built-in EventBridge, once created; S3's object events go to it. */
    private volatile io.labrunner.emulator.events.EventBridgeService eventBridge;
    /** Where published metrics go: the built-in CloudWatch once it serves. */
    private volatile io.labrunner.emulator.cloudwatch.MetricSink metrics = io.labrunner.emulator.cloudwatch.MetricSink.NONE;

    private Emulator(Builder builder) {
        this.host = builder.host;
        this.requestedPort = builder.port;
        this.configuredDataDir = builder.dataDir;
        this.region = builder.region;
        this.corsOrigin = builder.corsOrigin;
        this.factories = List.copyOf(builder.factories);
        this.modelServer = builder.modelServer;
        // Algorithms a caller adds come first, so a test's stand-in for a repository wins over the built-in one.
        List<Algorithm> runnable = new ArrayList<>(builder.algorithms);
        runnable.add(new XgboostAlgorithm());
        runnable.add(new LinearLearner());
        this.algorithms = List.copyOf(runnable);
        this.trainingTimings = builder.trainingTimings;
        this.tuningPoll = builder.tuningPoll;
        this.enforceIam = builder.enforceIam;
        this.limits = builder.limits;
        this.credentialClock = builder.credentialClock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates the data directory, creates the added services and binds the port. Heavier S3 set-up
     * continues in the background and the first S3 request waits for it.
     *
     * @return this emulator, for chaining
     * @throws EmulatorException with a one-line message when the port is taken or the data
     *                           directory cannot be written
     */
    public synchronized Emulator start() {
        if (server != null) {
            throw new IllegalStateException("The emulator is already started");
        }
        try {
            // Bind first: a port in use must not leave a data directory behind.
            server = newServer();
            bind();
            prepareDataDir();
            openState();
            // After openState(): its lock keeps two emulators from writing the certificate at once.
            tls = TlsOnSamePort.prepare(dataDir, java.time.Clock.systemUTC());
            s3 = warmUpS3();
            Map<String, AwsService> bySigningName = createServices();
            serving = Map.copyOf(bySigningName);
            FrontDoor frontDoor = new FrontDoor(s3, bySigningName, region, new AccessGuard(host, corsOrigin),
                    new Authenticator(Map.of(ACCESS_KEY, SECRET_KEY), credentialClock, sessions::find, iamUsers),
                    sessions, new RequestAuthorizer(accessControl), health(bySigningName.keySet()));
            server.setHandler(handlers(frontDoor));
            serveTls();
            startServer();
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void prepareDataDir() {
        Path dir = configuredDataDir;
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("lab-emulator-");
                ownsDataDir = true;
            }
            dataDir = dir.toAbsolutePath();
            Files.createDirectories(dataDir.resolve("s3"));
            Path probe = Files.createTempFile(dataDir, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new EmulatorException("Data directory " + (dir == null ? "(temporary)" : dir.toAbsolutePath())
                    + " is not a writable directory (" + e.getClass().getSimpleName() + "); pass another with --data DIR", e);
        }
    }

    /** Opens the state file under {@code DATA/state}; one emulator at a time may hold it. */
    private void openState() {
        Path folder = dataDir.resolve("state");
        try {
            Files.createDirectories(folder);
            // A temporary folder is deleted at stop: persisting into it would only slow every request down.
            state = ownsDataDir ? StateStore.inMemory() : StateStore.open(folder);
        } catch (IOException | RuntimeException e) {
            throw new EmulatorException("The state in " + folder + " cannot be opened: another emulator is using "
                    + "--data " + dataDir + ", or the file is damaged; stop the other one or pass another --data DIR", e);
        }
        catalog = new GlueCatalog(state);
        kmsKeys = new KmsKeys(ACCOUNT_ID, state, java.time.Clock.systemUTC());
    }

    private EmulatorHealth health(java.util.Set<String> signingNames) {
        List<String> served = new ArrayList<>(signingNames);
        served.add("s3");
        served.sort(Comparator.naturalOrder());
        return new EmulatorHealth(List.copyOf(served), enforceIam, limits);
    }

    /** The port answers HTTPS too, with the data directory's certificate (made on its first start). */
    private void serveTls() {
        try {
            tls.serve((ServerConnector) server.getConnectors()[0]);
        } catch (UncheckedIOException e) {
            throw new EmulatorException("The TLS certificate in " + EmulatorCertificate.pemIn(dataDir).getParent()
                    + " cannot be written (" + e.getCause().getClass().getSimpleName() + "); pass another --data DIR", e);
        }
    }

    /**
     * Builds S3Proxy's handler on a background thread while Jetty starts: its class loading costs
     * about as much as Jetty's, and on two cores the two overlap. The first S3 request waits for it.
     */
    private Supplier<S3Frontend> warmUpS3() {
        Path root = blobRoot();
        StateStore writes = state;
        S3Security security = new S3Security(this::accessControl, this::keyRing, region);
        FutureTask<S3Frontend> task = new FutureTask<>(() -> S3Frontend.onDirectory(root, writes, security,
                objectEvents()));
        Thread warmUp = new Thread(task, "lab-emulator-s3-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        return () -> {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while S3 was starting", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("S3 could not start: " + e.getCause(), e.getCause());
            }
        };
    }

    /**
     * The services every emulator serves besides S3, by signing name. A service added with
     * {@link Builder#service} under the same signing name replaces the built-in one.
     */
    private Map<String, Supplier<AwsService>> builtIns() {
        RoleStore roleStore = new RoleStore(state);
        UserStore users = new UserStore(state, credentialClock);
        iamUsers = users;
        SessionRegistry issued = new SessionRegistry(ACCOUNT_ID, state, credentialClock,
                key -> users.caller(key).orElse(Caller.root(ACCOUNT_ID, key)));
        IamService iam = new IamService(roleStore, new ManagedPolicyStore(state), users, issued);
        sessions = issued;
        accessControl = new AccessControl(enforceIam, iam.directory(), iam.rolePolicies(), credentialClock,
                issued::sessionPolicy, iam.principalPolicies());
        Map<String, Supplier<AwsService>> builtIns = new LinkedHashMap<>();
        builtIns.put("sts", () -> new StsService(ACCOUNT_ID, iam.directory(), users, issued));
        builtIns.put("iam", () -> iam);
        // The crawler reads objects as files, and assumes roles from IAM's own state.
        // Athena's AwsDataCatalog is Glue's catalog, as on AWS: crawled tables are queryable and
        // Athena's DDL shows up in Glue.
        builtIns.put("glue", () -> new GlueService(catalog, blobRoot(), iam.directory(), CrawlerTimings.DEFAULT,
                state, serviceAccess()));
        builtIns.put("athena", () -> new AthenaService(blobRoot(), new GlueTableCatalog(catalog), ATHENA_QUEUE_TIME,
                state));
        builtIns.put("kinesis", () -> new KinesisService(KinesisSettings.defaults().withThrottling(limits), state));
        builtIns.put("firehose", () -> new FirehoseService(FirehoseSettings.defaults(), objectStore(), kinesisApi(),
                glueTables(), state, serviceAccess()));
        builtIns.put("bedrock", () -> new BedrockService(ACCOUNT_ID, modelServer, state));
        builtIns.put("logs", () -> {
            logs = new LogsService(ACCOUNT_ID, state, java.time.Clock.systemUTC());
            return logs;
        });
        builtIns.put("monitoring", () -> {
            CloudWatchService cloudWatch = new CloudWatchService(ACCOUNT_ID, state, java.time.Clock.systemUTC(),
                    CloudWatchService.DEFAULT_EVALUATION_INTERVAL);
            metrics = cloudWatch.sink();
            return cloudWatch;
        });
        builtIns.put("sagemaker", this::sageMaker);
        builtIns.put("kms", () -> new KmsService(kmsKeys));
        builtIns.put("secretsmanager", () -> new SecretsManagerService(ACCOUNT_ID, kmsKeys, state,
                java.time.Clock.systemUTC()));
        builtIns.put("events", this::eventBridge);
        builtIns.put("states", () -> new io.labrunner.emulator.stepfunctions.StepFunctionsService(ACCOUNT_ID,
                iam.directory(), state, tokens -> new io.labrunner.emulator.stepfunctions.integrations.Integrations(
                        serviceCalls(), s3Objects(), serviceAccess(), tokens,
                        io.labrunner.emulator.stepfunctions.integrations.Integrations.DEFAULT_POLL),
                java.time.Clock.systemUTC()));
        builtIns.put("tagging", () -> new io.labrunner.emulator.tagging.TaggingService(this::taggableResources));
        return builtIns;
    }

    /** EventBridge: targets are called in-process as their roles; S3's object events arrive on the default bus. */
    private io.labrunner.emulator.events.EventBridgeService eventBridge() {
        eventBridge = new io.labrunner.emulator.events.EventBridgeService(ACCOUNT_ID, state,
                java.time.Clock.systemUTC(), this::serviceCalls, io.labrunner.emulator.events.EventBridgeService.DEFAULT_TICK);
        return eventBridge;
    }

    /**
     * S3's announcements of object changes ("Object Created", "Object Deleted"), put on the built-in EventBridge's
     * default bus in AWS's shape; dropped when EventBridge was replaced by a service added with the builder.
     */
    public ObjectEvents objectEvents() {
        return event -> {
            io.labrunner.emulator.events.EventBridgeService current = eventBridge;
            if (current != null) {
                current.putServiceEvent(event.region(), "aws.s3", event.detailType(), event.time(),
                        List.of("arn:aws:s3:::" + event.bucket()), S3EventDetail.of(event));
            }
        };
    }

    /**
     * SageMaker: each group of operations is one {@link OperationGroup}; all share the tags of every
     * SageMaker resource. Training jobs read channels from and write artifacts to this emulator's S3; models
     * and Batch Transform read artifacts and input from it and write their output there, with the same
     * algorithms.
     */
    private SageMakerService sageMaker() {
        ResourceTags tags = new ResourceTags(state);
        TrainingJobService training = new TrainingJobService(ACCOUNT_ID, algorithms, s3Objects(), logWriter(), tags,
                trainingTimings, state, dataDir.resolve("sagemaker-work"), java.time.Clock.systemUTC(), serviceAccess());
        AlgorithmRegistry registry = new AlgorithmRegistry(algorithms);
        TuningOperations tuning = new TuningOperations(training, tags, state, java.time.Clock.systemUTC(),
                image -> registry.forImage(image).map(Algorithm::metrics), tuningPoll);
        ModelRegistryOperations modelRegistry = new ModelRegistryOperations(ACCOUNT_ID, tags, state,
                java.time.Clock.systemUTC(), ModelRegistryOperations.DEFAULT_VALIDATION);
        Models models = new Models(s3Objects(), tags, state, java.time.Clock.systemUTC(), modelRegistry);
        TransformJobs transforms = new TransformJobs(models, s3Objects(), registry::forImage,
                algorithms.stream().map(Algorithm::repository).toList(), tags, logWriter(), state,
                java.time.Clock.systemUTC(), TransformJobs.DEFAULT_STARTUP, serviceAccess());
        EndpointConfigs endpointConfigs = new EndpointConfigs(ACCOUNT_ID, models, tags, state,
                java.time.Clock.systemUTC());
        Endpoints endpoints = Endpoints.create(ACCOUNT_ID, endpointConfigs, models,
                new ModelLoader(s3Objects(), registry::forImage, algorithms.stream().map(Algorithm::repository).toList()),
                s3Objects(), logWriter(), metricSink(), tags, state, java.time.Clock.systemUTC(),
                Endpoints.DEFAULT_STARTUP);
        List<OperationGroup> groups = new ArrayList<>(List.of(training, new TagOperations(tags), tuning, models,
                transforms, modelRegistry, endpointConfigs, endpoints));
        // Model Monitor reads what the endpoints capture.
        groups.addAll(ModelMonitor.groups(new ModelMonitor.Settings(s3Objects(), tags, logWriter(), metricSink(),
                endpoints, state, dataDir.resolve("sagemaker-work"), java.time.Clock.systemUTC(),
                ProcessingJobs.DEFAULT_STARTUP, MonitoringSchedules.DEFAULT_TICK)));
        groups.add(new PipelineOperations(ACCOUNT_ID, tags, state, java.time.Clock.systemUTC(), this::serviceCalls,
                s3Objects(), serviceAccess(), PipelineOperations.DEFAULT_POLL));
        return new SageMakerService(groups);
    }

    /**
     * What services acting as a customer's role (a crawler, a delivery stream, a training job) may do: the role's
     * policies when IAM is enforced, and the bucket's policy from {@link #bucketPolicies()}.
     */
    private io.labrunner.emulator.iam.access.ServiceAccess serviceAccess() {
        return new io.labrunner.emulator.iam.access.ServiceAccess(accessControl, bucketPolicies());
    }

    /**
     * This emulator's services called in-process, as AWS services call each other for a customer (a state
     * machine's task, an EventBridge target, a pipeline step), each call authorized for the role it acts as.
     */
    public io.labrunner.emulator.calls.ServiceCalls serviceCalls() {
        return new io.labrunner.emulator.calls.InProcessCalls(name -> java.util.Optional.ofNullable(serving.get(name)),
                serviceAccess());
    }

    /**
     * How this emulator authorizes requests: resource policies always, roles' identity-based policies when
     * built with {@link Builder#enforceIam(boolean)}; set between {@link #start()} and {@link #close()}.
     */
    public AccessControl accessControl() {
        if (accessControl == null) {
            throw new IllegalStateException("The emulator has no access control yet; call start() first");
        }
        return accessControl;
    }

    /**
     * Each S3 bucket's policy, for services that act as a role on S3 in-process (pass it as the resource policy
     * of their access requests); waits for S3 to finish starting.
     */
    public BucketPolicies bucketPolicies() {
        return bucket -> requireS3().bucketPolicies().of(bucket);
    }

    /**
     * The emulator's state store, for services added with {@link Builder#service(ServiceFactory)} that
     * keep state across restarts; open between {@link #start()} and {@link #close()}.
     */
    public StateStore stateStore() {
        if (state == null) {
            throw new IllegalStateException("The emulator has no state store yet; call start() first");
        }
        return state;
    }

    /**
     * Every service's taggable resources, for the Resource Groups Tagging API: the services (S3 included) that
     * implement {@link TaggableResources}. Available between {@link #start()} and {@link #close()}.
     */
    public List<TaggableResources> taggableResources() {
        List<TaggableResources> all = new ArrayList<>();
        for (AwsService service : services) {
            if (service instanceof TaggableResources taggable) {
                all.add(taggable);
            }
        }
        all.add(requireS3().bucketTags());
        return all;
    }

    /**
     * The emulator's KMS keys, for services that encrypt with them in-process as AWS's services do (S3's SSE-KMS,
     * Secrets Manager); the same keys the KMS API serves. Available between {@link #start()} and {@link #close()}.
     */
    public KeyRing keyRing() {
        if (kmsKeys == null) {
            throw new IllegalStateException("The emulator has no KMS keys yet; call start() first");
        }
        return kmsKeys;
    }

    private Map<String, AwsService> createServices() {
        Map<String, AwsService> added = new LinkedHashMap<>();
        for (ServiceFactory factory : factories) {
            AwsService service = Objects.requireNonNull(factory.create(this), "service factory returned null");
            String name = service.signingName();
            services.add(service);
            if ("s3".equals(name) || added.containsKey(name)) {
                throw new IllegalArgumentException("A service for signing name '" + name + "' is already registered");
            }
            added.put(name, new CommitAfterEachRequest(service, state));
        }
        Map<String, AwsService> bySigningName = new LinkedHashMap<>();
        builtIns().forEach((name, factory) -> {
            if (!added.containsKey(name)) {
                AwsService service = factory.get();
                services.add(service);
                bySigningName.put(name, new CommitAfterEachRequest(service, state));
            }
        });
        bySigningName.putAll(added);
        return bySigningName;
    }

    private Server newServer() {
        QueuedThreadPool threads = new QueuedThreadPool(64, 2);
        threads.setName("lab-emulator");
        Server jetty = new Server(threads);
        jetty.setStopTimeout(STOP_TIMEOUT.toMillis());
        // Jetty's own answers (a malformed request line, headers too large) name no Java classes.
        ErrorHandler errors = new ErrorHandler();
        errors.setShowStacks(false);
        errors.setShowCauses(false);
        errors.setShowMessageInTitle(false);
        jetty.setErrorHandler(errors);
        HttpConfiguration http = new HttpConfiguration();
        // As S3Proxy configures Jetty: S3 keys may hold characters strict URI parsing refuses.
        http.setHttpCompliance(HttpCompliance.LEGACY);
        http.setUriCompliance(UriCompliance.LEGACY);
        http.setSendServerVersion(false);
        // Jetty's header cache would hand back "text/plain; charset=utf-8" for the "charset=UTF-8" a client
        // sent — and signed: SigV4 needs header values exactly as they came.
        http.setHeaderCacheCaseSensitive(true);
        http.setOutputBufferSize(IO_BUFFER_BYTES);
        HttpConnectionFactory http1 = new HttpConnectionFactory(http);
        // Jetty reads 8 KiB at a time by default; S3 bodies stream far faster in larger reads.
        http1.setInputBufferSize(IO_BUFFER_BYTES);
        ServerConnector connector = new ServerConnector(jetty, 1, 1, http1);
        connector.setHost(host);
        connector.setPort(requestedPort);
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        jetty.addConnector(connector);
        return jetty;
    }

    private static Handler handlers(FrontDoor frontDoor) {
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(frontDoor), "/*");
        return new BodyDeadline(new EagerContentHandler(new BodyDeadline.BodyReceived(context),
                new EagerContentHandler.RetainedContentLoaderFactory(EAGER_BODY_BYTES, -1, false)), IDLE_TIMEOUT);
    }

    private void bind() {
        ServerConnector connector = (ServerConnector) server.getConnectors()[0];
        try {
            connector.open();
        } catch (IOException e) {
            if (isBindFailure(e)) {
                throw new EmulatorException("Port " + requestedPort + " on " + host
                        + " is in use; pass --port 0 for a free port or --port N", e);
            }
            throw new EmulatorException("The emulator could not listen on " + host + ":" + requestedPort + " ("
                    + (e.getMessage() == null ? "no reason given" : e.getMessage()) + ")", e);
        }
    }

    private void startServer() {
        try {
            server.start();
        } catch (Exception e) {
            throw new EmulatorException("The emulator could not start on " + host + ":" + requestedPort + " ("
                    + (e.getMessage() == null ? "no reason given" : e.getMessage()) + ")", e);
        }
        port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    /** The URL to point SDK clients at, e.g. {@code http://127.0.0.1:4566}. */
    public URI getEndpoint() {
        requireStarted();
        String endpointHost = switch (host) {
            case "0.0.0.0", "::", "[::]" -> "127.0.0.1";
            default -> host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        };
        return URI.create("http://" + endpointHost + ":" + port);
    }

    /**
     * The same port over HTTPS, e.g. {@code https://127.0.0.1:4566}: requests that come this way are secure
     * ({@code aws:SecureTransport} true). Clients must trust {@link #getCertificatePem()}.
     */
    public URI getHttpsEndpoint() {
        URI plain = getEndpoint();
        return URI.create("https://" + plain.getRawAuthority());
    }

    /**
     * The emulator's self-signed certificate (PEM), for localhost, 127.0.0.1 and ::1: what clients trust
     * to use {@link #getHttpsEndpoint()} (the AWS CLI's {@code --ca-bundle}, boto3's {@code verify=}). It is
     * kept in the data directory and the same on every start with that directory.
     */
    public Path getCertificatePem() {
        requireStarted();
        return tls.certificate().pem();
    }

    /** The port actually bound (useful with port 0). */
    public int getPort() {
        requireStarted();
        return port;
    }

    public String getHost() {
        return host;
    }

    public String getRegion() {
        return region;
    }

    /**
     * The access key the emulator knows the secret of: requests signed with it must carry a correct
     * SigV4 signature. Any other access key is accepted on the structure of its signature alone.
     */
    public String getAccessKey() {
        return ACCESS_KEY;
    }

    public String getSecretKey() {
        return SECRET_KEY;
    }

    /** The directory holding all emulator state; a temporary one unless the builder was given one. */
    public Path getDataDir() {
        requireDataDir();
        return dataDir;
    }

    /** The folder holding S3: one folder per bucket, one file per object (keys with '/' nest folders). */
    public Path blobRoot() {
        requireDataDir();
        return dataDir.resolve("s3");
    }

    public String accountId() {
        return ACCOUNT_ID;
    }

    public synchronized boolean isRunning() {
        return server != null && server.isStarted();
    }

    /** Stops Jetty and the services, and deletes a temporary data directory. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                // Jetty waits STOP_TIMEOUT for open connections (a client's idle keep-alive, TLS ones included),
                // then stops everything anyway and reports the wait as a timeout: the server is stopped all the same.
                if (!FrontDoor.isTimeout(e)) {
                    throw new IllegalStateException("Could not stop the emulator", e);
                }
            } finally {
                // A server that failed to start still holds its bound port.
                ((ServerConnector) server.getConnectors()[0]).close();
                server.destroy();
                server = null;
                port = -1;
                closeTls();
                closeServices();
                closeState();
                deleteOwnedDataDir();
            }
        } else {
            closeTls();
            closeServices();
            closeState();
            deleteOwnedDataDir();
        }
    }

    private void closeTls() {
        if (tls != null) {
            tls.close();
            tls = null;
        }
    }

    /** Commits and closes the state file, after the services have written their last changes. */
    private void closeState() {
        if (state != null) {
            try {
                state.close();
            } catch (RuntimeException e) {
                // What was committed before stays; failing close() would leave Jetty's threads behind.
            }
            state = null;
            kmsKeys = null;
        }
    }

    private void closeServices() {
        // Writers handed out by logWriter() (a training job still running) stop writing to a closed state.
        logs = null;
        eventBridge = null;
        metrics = io.labrunner.emulator.cloudwatch.MetricSink.NONE;
        for (AwsService service : services) {
            try {
                service.close();
            } catch (Exception e) {
                // Closing the rest matters more than one service's failure to tidy up.
            }
        }
        services.clear();
    }

    private void deleteOwnedDataDir() {
        if (!ownsDataDir || dataDir == null || !Files.exists(dataDir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // A leftover temp folder is harmless; failing close() would be worse.
        }
        ownsDataDir = false;
    }

    private void requireStarted() {
        if (port < 0) {
            throw new IllegalStateException("The emulator is not running; call start() first");
        }
    }

    private void requireDataDir() {
        if (dataDir == null) {
            throw new IllegalStateException("The emulator has no data directory yet; call start() first");
        }
    }

    /**
     * The emulator's S3, in-process, for services that read and write objects as AWS's own services do
     * (SageMaker). Reads and writes go through S3Proxy's blob store, so keys are kept inside the data folder.
     */
    public S3Objects s3Objects() {
        return new S3Objects() {
            @Override
            public boolean bucketExists(String bucket) {
                return requireS3().objects().bucketExists(bucket);
            }

            @Override
            public List<S3Object> list(String bucket, String prefix) {
                return requireS3().objects().list(bucket, prefix);
            }

            @Override
            public java.util.Optional<byte[]> get(String bucket, String key) {
                return requireS3().objects().get(bucket, key);
            }

            @Override
            public void put(String bucket, String key, byte[] body) {
                requireS3().objects().put(bucket, key, body);
            }

            @Override
            public void delete(String bucket, String key) {
                requireS3().objects().delete(bucket, key);
            }
        };
    }

    /**
     * The emulator's S3 as an in-process store, for services that write objects (Firehose). Writes go
     * through S3Proxy's blob store, so objects carry the same metadata as a PutObject's.
     */
    public ObjectStore objectStore() {
        return new ObjectStore() {
            @Override
            public boolean bucketExists(String bucket) {
                return requireS3().bucketExists(bucket);
            }

            @Override
            public void put(String bucket, String key, byte[] body) {
                requireS3().putObject(bucket, key, body);
            }
        };
    }

    /**
     * The emulator's Kinesis (whichever service serves signing name {@code kinesis}), called in-process
     * with JSON requests, for services that read streams (Firehose).
     */
    public KinesisApi kinesisApi() {
        return (String callRegion, String operation, ObjectNode input) -> {
            AwsService kinesis = serving.get("kinesis");
            if (kinesis == null) {
                throw AwsException.notImplemented("Kinesis", operation);
            }
            AwsRequest request = new AwsRequest("POST", "/", Map.of(),
                    Map.of("x-amz-target", "Kinesis_20131202." + operation,
                            "content-type", "application/x-amz-json-1.1"),
                    input.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "kinesis", callRegion, ACCESS_KEY);
            AwsResponse response = kinesis.handle(request);
            try {
                JsonNode body = response.body().length == 0 ? null : Json.mapper().readTree(response.body());
                if (response.status() != 200) {
                    // The protocol core answers errors as responses; the caller wants them as exceptions.
                    JsonNode error = body == null ? Json.object() : body;
                    throw new AwsException(error.path("__type").asText("InternalFailure"),
                            error.hasNonNull("message") ? error.get("message").asText()
                                    : error.path("Message").asText(null), response.status());
                }
                return body == null || !body.isObject() ? Json.object() : body;
            } catch (IOException e) {
                throw new IllegalStateException("Kinesis answered something that is not JSON", e);
            }
        };
    }

    /**
     * The built-in CloudWatch Logs as an in-process writer, for services that log as AWS's do (SageMaker's
     * training jobs): what they append is read back with GetLogEvents and FilterLogEvents. Appends are
     * dropped when a service added with {@link Builder#service} replaced the built-in Logs.
     */
    public LogWriter logWriter() {
        return (callRegion, group, stream, timestamp, message) -> {
            LogsService current = logs;
            if (current != null) {
                current.writer().append(callRegion, group, stream, timestamp, message);
            }
        };
    }

    /**
     * The built-in CloudWatch's metrics as an in-process sink, for services that publish the metrics AWS
     * publishes for them (SageMaker endpoints). Until the built-in CloudWatch serves, nothing is kept.
     */
    public io.labrunner.emulator.cloudwatch.MetricSink metricSink() {
        return (callRegion, datum) -> metrics.put(callRegion, datum);
    }

    /**
     * The built-in Glue Data Catalog's tables, read-only, for services that read a table's schema
     * (Firehose's record format conversion).
     */
    public GlueTables glueTables() {
        return (database, table) -> catalog.table(database, table).map(t -> new GlueTables.TableSchema(
                t.storageDescriptor() == null || t.storageDescriptor().columns() == null ? List.of()
                        : t.storageDescriptor().columns().stream()
                                .map(c -> new GlueTables.SchemaColumn(c.name(), c.type())).toList(),
                t.versionId()));
    }

    private S3Frontend requireS3() {
        Supplier<S3Frontend> current = s3;
        if (current == null) {
            throw new IllegalStateException("The emulator is not started");
        }
        return current.get();
    }

    /** Creates a service once the emulator knows its data directory and region. */
    @FunctionalInterface
    public interface ServiceFactory {
        AwsService create(Emulator emulator);
    }

    /** Configures an {@link Emulator}; every setting has a default. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 4566;
        private Path dataDir;
        private String region = "us-east-1";
        private String corsOrigin;
        private final List<ServiceFactory> factories = new ArrayList<>();
        private ModelServer modelServer;
        private final List<Algorithm> algorithms = new ArrayList<>();
        private TrainingTimings trainingTimings = TrainingTimings.DEFAULT;
        private java.time.Duration tuningPoll = TuningOperations.DEFAULT_POLL;
        private boolean enforceIam;
        private boolean limits = true;
        private java.time.Clock credentialClock = java.time.Clock.systemUTC();

        private Builder() {
        }

        /**
         * The clock that decides when temporary credentials expire, and when roles' policies are evaluated;
         * default the system's. Tests pass one they can move forward.
         */
        public Builder credentialClock(java.time.Clock clock) {
            this.credentialClock = Objects.requireNonNull(clock);
            return this;
        }

        /**
         * Whether AWS's throughput limits apply (default true): with false, Kinesis takes whatever a shard is sent,
         * for load tests in CI. Everything else behaves as with limits.
         */
        public Builder limits(boolean apply) {
            this.limits = apply;
            return this;
        }

        /**
         * Whether requests signed with a role's temporary credentials, and services acting as a role, must be
         * allowed by the role's policies, as on AWS; default false: only resource policies (bucket policies,
         * key policies) are enforced.
         */
        public Builder enforceIam(boolean enforce) {
            this.enforceIam = enforce;
            return this;
        }

        /**
         * SageMaker algorithms that training jobs run in-process, found by their image repository, besides the
         * built-in XGBoost and Linear Learner; one added for a repository the emulator already runs takes its place.
         */
        public Builder algorithms(Algorithm... added) {
            for (Algorithm algorithm : added) {
                algorithms.add(Objects.requireNonNull(algorithm));
            }
            return this;
        }

        /** How long training jobs pretend to take, and how many train at once; default {@link TrainingTimings#DEFAULT}. */
        public Builder trainingTimings(TrainingTimings timings) {
            this.trainingTimings = Objects.requireNonNull(timings);
            return this;
        }

        /**
         * How often tuning jobs look at their trials (to launch, judge early stopping and end them); default
         * {@link TuningOperations#DEFAULT_POLL}. Tests that train small data set it shorter, since an early stop can
         * only catch a trial that is still training.
         */
        public Builder tuningPoll(java.time.Duration poll) {
            if (poll.isNegative() || poll.isZero()) {
                throw new IllegalArgumentException("tuningPoll must be positive, got " + poll);
            }
            this.tuningPoll = poll;
            return this;
        }

        /** The address to bind; default {@code 127.0.0.1} (loopback only). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** The port to bind; default 4566 like LocalStack, 0 for any free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** Where state lives and survives restarts; null (the default) means a temporary directory deleted on close. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** The region reported to clients and used when a request names none; default {@code us-east-1}. */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region);
            return this;
        }

        /** Adds ready-made services, served by their signing names. */
        public Builder service(AwsService... services) {
            for (AwsService service : services) {
                Objects.requireNonNull(service);
                factories.add(emulator -> service);
            }
            return this;
        }

        /** Adds a service created at {@link Emulator#start()}, when {@link Emulator#blobRoot()} and the data directory exist. */
        public Builder service(ServiceFactory factory) {
            factories.add(Objects.requireNonNull(factory));
            return this;
        }

        /**
         * Answers Bedrock's text models from a local model server with Ollama's chat API (e.g.
         * {@code http://127.0.0.1:11434} and {@code llama3.2}) instead of the built-in grounded responder;
         * {@code url} null keeps the grounded responder.
         */
        public Builder modelServer(URI url, String model) {
            this.modelServer = url == null ? null : new ModelServer(url, model);
            return this;
        }

        /**
         * Lets web pages from {@code origin} (e.g. {@code http://localhost:3000}) call the emulator:
         * preflights are answered and responses carry Access-Control-Allow-* headers for that origin
         * only. Default: none; every request carrying an {@code Origin} header is refused.
         */
        public Builder corsOrigin(String origin) {
            this.corsOrigin = origin;
            return this;
        }

        public Emulator build() {
            return new Emulator(this);
        }
    }
}
