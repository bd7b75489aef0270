package io.labrunner.labs.sagemakerendpoint;

import io.labrunner.core.Capability;
import io.labrunner.core.Check;
import io.labrunner.core.Lab;
import io.labrunner.core.LabContext;
import io.labrunner.core.LabInfo;
import io.labrunner.core.Resource;
import io.labrunner.core.RunNames;
import io.labrunner.labs.s3glueathena.LabBucket;
import io.labrunner.labs.sagemakerendpoint.Candidates.Candidate;
import io.labrunner.labs.sagemakerxgboost.BinaryMetrics;
import io.labrunner.labs.sagemakerxgboost.Customers;
import io.labrunner.labs.sagemakerxgboost.SageMakerRole;
import io.labrunner.labs.sagemakerxgboost.XgboostImage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.model.DescribeEndpointResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.ProductionVariantSummary;

/**
 * Deploying a model the way a team releases one: two candidate churn models (trained by the setup)
 * go into the Model Registry as versions, get approved, and are deployed from there behind one
 * real-time endpoint as a canary — the champion on 90 % of the requests, the challenger on 10 %. The
 * lab's traffic goes through it, CloudWatch shows what each variant served and how fast, the
 * held-out labels say which one is better, and all traffic moves to the winner. Last, the same
 * traffic is priced on a real-time endpoint, on serverless inference and as a daily Batch Transform.
 *
 * <p>Setup provides the bucket, the data, the execution role and the two trained models; the learner
 * registers, approves, deploys, sends traffic, reads the metrics, decides, shifts and prices.
 */
public final class SageMakerEndpointLab implements Lab {
    static final String TRAIN = "data/train/";
    static final String VALIDATION = "data/validation/";
    static final String MODELS = "models/";
    /** The lab's traffic: the held-out customers' features, one a line, no label — what the endpoint is asked. */
    static final String TRAFFIC = "traffic/customers.csv";
    /** Whether each of those customers churned, line for line after a header: known later, as in real life. */
    static final String LABELS = "holdout/labels.csv";
    static final String COSTS = "costs/comparison.json";

    @Override
    public LabInfo info() {
        return new LabInfo(
                "sagemaker-endpoint",
                "Register two churn models, canary the challenger on a real-time endpoint, and promote the winner",
                "Two XGBoost churn models wait as training artifacts. Register both in the Model Registry and approve them,"
                        + " deploy them behind one endpoint as a 90/10 canary, send the held-out customers through it,"
                        + " read each variant's invocations and latency in CloudWatch, find the better model on the"
                        + " held-out labels and move all traffic to it — then price the traffic on real-time, serverless"
                        + " and batch inference.",
                "3 Deployment and Orchestration of ML Workflows",
                "3.1 Select deployment infrastructure; 3.2 Create and script infrastructure",
                List.of("Amazon SageMaker", "Amazon CloudWatch", "Amazon S3", "AWS IAM"),
                50,
                "< $0.30 if cleaned up within the hour",
                Set.of(Capability.S3, Capability.IAM, Capability.SAGEMAKER_TRAINING, Capability.SAGEMAKER_HOSTING,
                        Capability.CLOUDWATCH_METRICS));
    }

    // Every name depends only on the run id, so each phase (and the learner) finds them again.

    static String bucket(RunNames run) {
        return run.name("canary");
    }

    static String role(RunNames run) {
        return run.name("sagemaker-role");
    }

    static String group(RunNames run) {
        return run.name("churn-models");
    }

    /** A candidate's model shares its training job's name, as in the sagemaker-xgboost lab. */
    static String model(RunNames run, Candidate candidate) {
        return candidate.job(run);
    }

    static String endpointConfig(RunNames run) {
        return run.name("churn-canary");
    }

    static String endpoint(RunNames run) {
        return run.name("churn");
    }

    /** The guide's shell variables, in the order its steps use them. */
    @Override
    public Map<String, String> names(RunNames run) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("BUCKET", bucket(run));
        names.put("ROLE", role(run));
        names.put("CHAMPION_JOB", Candidates.CHAMPION_V1.job(run));
        names.put("CHALLENGER_JOB", Candidates.CHALLENGER_V2.job(run));
        names.put("GROUP", group(run));
        names.put("CHAMPION_MODEL", model(run, Candidates.CHAMPION_V1));
        names.put("CHALLENGER_MODEL", model(run, Candidates.CHALLENGER_V2));
        names.put("ENDPOINT_CONFIG", endpointConfig(run));
        names.put("ENDPOINT_NAME", endpoint(run));
        return names;
    }

    static String s3(RunNames run, String key) {
        return "s3://" + bucket(run) + "/" + key;
    }

    static String region(LabContext ctx) {
        return ctx.sageMaker().serviceClientConfiguration().region().id();
    }

    @Override
    public void setup(LabContext ctx) throws Exception {
        String bucket = bucket(ctx);
        ctx.step("Create bucket " + bucket, () ->
                ctx.create(Resource.bucket(bucket), () -> LabBucket.create(ctx.s3(), bucket, ctx.tags())));
        Customers.Split data = Customers.dataset();
        ctx.step(String.format("Upload %,d training and %,d validation customers, and %,d held-out customers as the traffic",
                data.train().size(), data.validation().size(), data.test().size()), () -> upload(ctx.s3(), bucket, data));
        ctx.step("Create execution role " + role(ctx) + " that SageMaker may assume", () ->
                ctx.create(Resource.role(role(ctx)), () -> SageMakerRole.create(ctx.iam(), role(ctx), bucket, ctx.tags())));
        ctx.step("Train the champion (" + Candidates.CHAMPION_V1.job(ctx) + ") and the challenger ("
                + Candidates.CHALLENGER_V2.job(ctx) + ") side by side", () -> {
                    Map<Candidate, String> artifacts = Candidates.train(ctx, SageMakerRole.arn(ctx.iam(), role(ctx)));
                    artifacts.forEach((candidate, artifact) -> ctx.note(String.format("%-10s %s  %s", candidate.variant(),
                            artifact, candidate.hyperParameters())));
                });
        // The learner creates these. Recording their names now lets cleanup delete them whoever made them,
        // in the reverse order: the endpoint, its configuration, the group's versions, the models.
        ctx.step("Reserve names for the models, the model package group, the endpoint configuration and the endpoint", () -> {
            for (Candidate candidate : Candidates.both()) {
                ctx.create(Resource.sageMakerModel(model(ctx, candidate)), () -> model(ctx, candidate));
            }
            ctx.create(Resource.modelPackageGroup(group(ctx)), () -> group(ctx));
            ctx.create(Resource.endpointConfig(endpointConfig(ctx)), () -> endpointConfig(ctx));
            ctx.create(Resource.endpoint(endpoint(ctx)), () -> endpoint(ctx));
        });
        ctx.note("bucket " + bucket + "   role " + role(ctx) + "   image " + XgboostImage.uri(region(ctx)));
        ctx.note("group " + group(ctx) + "   endpoint config " + endpointConfig(ctx) + "   endpoint " + endpoint(ctx));
    }

    private static void upload(S3Client s3, String bucket, Customers.Split data) {
        LabBucket.putText(s3, bucket, TRAIN + "train.csv", Customers.labelledCsv(data.train()), "text/csv");
        LabBucket.putText(s3, bucket, VALIDATION + "validation.csv", Customers.labelledCsv(data.validation()), "text/csv");
        LabBucket.putText(s3, bucket, TRAFFIC, Customers.featuresCsv(data.test()), "text/csv");
        LabBucket.putText(s3, bucket, LABELS, Customers.labelsCsv(data.test()), "text/csv");
    }

    @Override
    public void solve(LabContext ctx) throws Exception {
        String roleArn = SageMakerRole.arn(ctx.iam(), role(ctx));
        Map<String, String> packageByVariant = new LinkedHashMap<>();
        ctx.step("Register both artifacts as versions of model package group " + group(ctx), () ->
                packageByVariant.putAll(register(ctx)));
        ctx.step("Approve both versions: the champion for production, the challenger for a 10 % canary", () ->
                approve(ctx, packageByVariant));
        Map<String, String> modelByVariant = new LinkedHashMap<>();
        ctx.step("Create a model from each Approved version", () -> {
            for (Candidate candidate : Candidates.both()) {
                ModelRegistry.deploy(ctx, model(ctx, candidate), packageByVariant.get(candidate.variant()), roleArn);
                modelByVariant.put(candidate.variant(), model(ctx, candidate));
            }
        });
        ctx.step("Deploy endpoint " + endpoint(ctx) + ": champion 90 %, challenger 10 %, one " + Canary.INSTANCE_TYPE
                + " each, and wait until it is InService", () -> deployCanary(ctx, modelByVariant));
        List<String> customers = readLines(ctx.s3(), bucket(ctx), TRAFFIC, false);
        List<Integer> churned = readLines(ctx.s3(), bucket(ctx), LABELS, true).stream().map(Integer::parseInt).toList();
        Instant trafficStarted = Instant.now().minus(Duration.ofMinutes(1));
        List<Traffic.Answer> answers = new ArrayList<>();
        ctx.step("Send the " + customers.size() + " held-out customers through the endpoint, one request each", () -> {
            answers.addAll(Traffic.send(ctx.sageMakerRuntime(), endpoint(ctx), customers));
            showServed(ctx, answers, churned);
        });
        ctx.step("Read each variant's Invocations and ModelLatency from CloudWatch", () ->
                showMetrics(ctx, answers.size(), trafficStarted));
        Map<String, Double> aucByVariant = new LinkedHashMap<>();
        ctx.step("Score every held-out customer with each variant (TargetVariant) and compare on the labels", () -> {
            for (Candidate candidate : Candidates.both()) {
                List<Double> scores = Traffic.scoreAllBy(ctx.sageMakerRuntime(), endpoint(ctx), candidate.variant(), customers);
                aucByVariant.put(candidate.variant(), BinaryMetrics.auc(scores, churned));
                ctx.note(String.format("%-10s AUC %.3f on all %d held-out customers", candidate.variant(),
                        aucByVariant.get(candidate.variant()), churned.size()));
            }
        });
        String winner = aucByVariant.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        ctx.step("Move all traffic to the better variant, " + winner + ", and wait until the endpoint is InService", () -> {
            Canary.shiftAllTo(ctx.sageMaker(), endpoint(ctx), winner, List.copyOf(aucByVariant.keySet()));
            showWeights(ctx, Canary.awaitInService(ctx, endpoint(ctx)));
        });
        ctx.step("Price a month of this traffic on real-time, serverless and batch inference", () -> {
            CostComparison costs = CostComparison.forLabTraffic();
            costs.table().forEach(ctx::note);
            LabBucket.putText(ctx.s3(), bucket(ctx), COSTS, costs.toJson(), "application/json");
        });
    }

    /** Each candidate's artifact as the next version of the group, with what its training job reported. */
    private static Map<String, String> register(LabContext ctx) {
        ModelRegistry.createGroup(ctx, group(ctx));
        Map<String, String> packageByVariant = new LinkedHashMap<>();
        for (Candidate candidate : Candidates.both()) {
            DescribeTrainingJobResponse job = ctx.sageMaker().describeTrainingJob(d -> d.trainingJobName(candidate.job(ctx)));
            String arn = ModelRegistry.register(ctx, group(ctx), XgboostImage.uri(region(ctx)),
                    job.modelArtifacts().s3ModelArtifacts(), job.trainingJobName(), candidate.hyperParameters());
            packageByVariant.put(candidate.variant(), arn);
            ctx.note(String.format("%-10s %s   reported %s", candidate.variant(), arn, job.finalMetricDataList().stream()
                    .map(m -> String.format("%s %.3f", m.metricName(), m.value())).toList()));
        }
        return packageByVariant;
    }

    private static void approve(LabContext ctx, Map<String, String> packageByVariant) {
        packageByVariant.forEach((variant, arn) -> {
            ModelRegistry.awaitCompleted(ctx, arn);
            ModelRegistry.approve(ctx, arn, variant.equals(Candidates.CHAMPION) ? "In production"
                    : "Canary on 10 % of the traffic before promotion");
        });
    }

    private static void deployCanary(LabContext ctx, Map<String, String> modelByVariant) {
        ctx.create(Resource.endpointConfig(endpointConfig(ctx)), () -> {
            Canary.createConfig(ctx.sageMaker(), endpointConfig(ctx), modelByVariant, ctx.tags());
            return endpointConfig(ctx);
        });
        ctx.create(Resource.endpoint(endpoint(ctx)), () -> {
            Canary.createEndpoint(ctx.sageMaker(), endpoint(ctx), endpointConfig(ctx), ctx.tags());
            return endpoint(ctx);
        });
        showWeights(ctx, Canary.awaitInService(ctx, endpoint(ctx)));
    }

    /** Who served how many, and each variant's AUC on the customers it served — noisy for the canary's few. */
    private static void showServed(LabContext ctx, List<Traffic.Answer> answers, List<Integer> churned) {
        for (Candidate candidate : Candidates.both()) {
            List<Traffic.Answer> served = answers.stream().filter(a -> candidate.variant().equals(a.variant())).toList();
            double auc = BinaryMetrics.auc(served.stream().map(Traffic.Answer::score).toList(),
                    served.stream().map(a -> churned.get(a.row())).toList());
            ctx.note(String.format("%-10s served %3d requests (%.0f %%); AUC on the customers it served %.3f",
                    candidate.variant(), served.size(), 100.0 * served.size() / answers.size(), auc));
        }
    }

    /** Waits until CloudWatch has counted the requests: on AWS a minute's datapoint appears a minute or two after it ends. */
    private static void showMetrics(LabContext ctx, int sent, Instant since) {
        Map<String, VariantMetrics> metrics = ctx.waitFor("CloudWatch to count the " + sent + " requests",
                Duration.ofMinutes(6), Duration.ofSeconds(5), () -> {
                    Map<String, VariantMetrics> read = new LinkedHashMap<>();
                    for (Candidate candidate : Candidates.both()) {
                        read.put(candidate.variant(), VariantMetrics.read(ctx.cloudWatch(), endpoint(ctx), candidate.variant(),
                                since, Instant.now().plus(Duration.ofMinutes(1))));
                    }
                    double counted = read.values().stream().mapToDouble(VariantMetrics::invocations).sum();
                    return counted >= sent ? Optional.of(read) : Optional.empty();
                });
        metrics.values().forEach(m -> ctx.note(String.format("%-10s Invocations %4.0f   ModelLatency %,.0f µs on average",
                m.variant(), m.invocations(), m.modelLatencyMicros())));
    }

    private static void showWeights(LabContext ctx, DescribeEndpointResponse endpoint) {
        for (ProductionVariantSummary variant : endpoint.productionVariants()) {
            ctx.note(String.format("%-10s weight %.2f, %d instance(s)", variant.variantName(), variant.currentWeight(),
                    variant.currentInstanceCount()));
        }
    }

    /** The lines of one of the lab's CSV objects, without its header if it has one. */
    static List<String> readLines(S3Client s3, String bucket, String key, boolean header) {
        String text = s3.getObjectAsBytes(get -> get.bucket(bucket).key(key)).asUtf8String();
        return text.lines().skip(header ? 1 : 0).filter(line -> !line.isBlank()).toList();
    }

    @Override
    public List<Check> checks() {
        return List.of(
                Check.of("Model package group holds both candidates as versions, and an Approved one", EndpointChecks::registered),
                Check.of("The endpoint is InService with two variants deployed from the registry, started 90/10",
                        EndpointChecks::canaryDeployed),
                Check.of("CloudWatch counts Invocations on both variants: the traffic reached the canary",
                        EndpointChecks::trafficReachedBoth),
                Check.of("All traffic now goes to the variant that predicts the held-out customers better",
                        EndpointChecks::allTrafficOnTheWinner),
                Check.of("costs/comparison.json prices the month as the published prices do, and names the cheapest",
                        CostCheck::costsMatch));
    }
}
