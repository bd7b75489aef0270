package io.labrunner.labs.sagemakerendpoint;

import io.labrunner.core.CheckResult;
import io.labrunner.core.LabContext;
import io.labrunner.core.SageMakerRuntime.InvokeEndpointException;
import io.labrunner.core.SageMakerRuntime.InvokeEndpointRequest;
import io.labrunner.labs.sagemakerendpoint.Candidates.Candidate;
import io.labrunner.labs.sagemakerxgboost.Customers;
import io.labrunner.labs.sagemakerxgboost.ScoredLabels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.sagemaker.model.ContainerDefinition;
import software.amazon.awssdk.services.sagemaker.model.DescribeEndpointResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeModelPackageResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeModelResponse;
import software.amazon.awssdk.services.sagemaker.model.EndpointStatus;
import software.amazon.awssdk.services.sagemaker.model.ModelApprovalStatus;
import software.amazon.awssdk.services.sagemaker.model.ModelPackageSummary;
import software.amazon.awssdk.services.sagemaker.model.ProductionVariant;
import software.amazon.awssdk.services.sagemaker.model.ProductionVariantSummary;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/**
 * The judgements of {@link SageMakerEndpointLab} on the registry, the endpoint, its traffic and the
 * final weights — all read from SageMaker and CloudWatch, and the models' quality measured by the
 * checks themselves: every held-out customer sent to each variant with TargetVariant and ranked
 * against the labels the data was generated with. Nothing the learner reports is believed. Hints
 * come in tiers: what to look at, then more, then the guide's step.
 */
final class EndpointChecks {
    /** How far the challenger's starting share may be from 10 % (weights are floats). */
    private static final double SHARE_TOLERANCE = 0.005;

    private EndpointChecks() {
    }

    // ---- the registry ----

    static CheckResult registered(LabContext ctx) {
        String group = SageMakerEndpointLab.group(ctx);
        try {
            ctx.sageMaker().describeModelPackageGroup(d -> d.modelPackageGroupName(group));
        } catch (SageMakerException e) {
            return CheckResult.fail("no model package group " + group,
                    "The registry has no group $GROUP (" + group + ") yet: a group holds the versions of one model.",
                    "Create the group, then register each training job's model.tar.gz into it as a version.",
                    GuideSteps.REGISTER);
        }
        List<Version> versions = versions(ctx, group);
        List<String> unregistered = new ArrayList<>();
        for (Candidate candidate : Candidates.both()) {
            Optional<String> artifact = artifact(ctx, candidate);
            if (artifact.isPresent() && versions.stream().noneMatch(v -> artifact.get().equals(v.artifact()))) {
                unregistered.add(candidate.variant() + " (" + artifact.get() + ")");
            }
        }
        String seen = versions.isEmpty() ? "the group holds no versions"
                : "versions " + versions.stream().map(v -> v.number() + " " + v.approval()).collect(Collectors.joining(", "));
        if (!unregistered.isEmpty()) {
            return CheckResult.fail(seen + "; not registered: " + String.join(", ", unregistered),
                    "Both candidates go into the registry, the champion and the challenger: a canary compares two"
                            + " registered versions.",
                    "CreateModelPackage with ModelPackageGroupName $GROUP and an InferenceSpecification whose container is"
                            + " the XGBoost image with ModelDataUrl set to the training job's ModelArtifacts.S3ModelArtifacts.",
                    GuideSteps.REGISTER);
        }
        if (versions.stream().noneMatch(v -> v.approval() == ModelApprovalStatus.APPROVED)) {
            return CheckResult.fail(seen,
                    "Every new version starts PendingManualApproval, and no one has approved one yet.",
                    "Approval is UpdateModelPackage with ModelApprovalStatus Approved (and an ApprovalDescription saying why):"
                            + " SageMaker deploys only Approved versions, which is what makes the registry a release gate.",
                    GuideSteps.APPROVE);
        }
        return CheckResult.pass(seen);
    }

    /** One registered version as the check reads it. */
    private record Version(String arn, int number, ModelApprovalStatus approval, String artifact) {
    }

    private static List<Version> versions(LabContext ctx, String group) {
        List<Version> versions = new ArrayList<>();
        for (ModelPackageSummary summary : ctx.sageMaker().listModelPackagesPaginator(l -> l.modelPackageGroupName(group))
                .modelPackageSummaryList()) {
            DescribeModelPackageResponse pkg = ctx.sageMaker().describeModelPackage(d -> d.modelPackageName(summary.modelPackageArn()));
            String artifact = pkg.inferenceSpecification() == null || pkg.inferenceSpecification().containers().isEmpty() ? ""
                    : String.valueOf(pkg.inferenceSpecification().containers().get(0).modelDataUrl());
            versions.add(new Version(pkg.modelPackageArn(), pkg.modelPackageVersion() == null ? 0 : pkg.modelPackageVersion(),
                    pkg.modelApprovalStatus(), artifact));
        }
        versions.sort(java.util.Comparator.comparingInt(Version::number));
        return versions;
    }

    /** The model.tar.gz the setup trained for a candidate, from its training job. */
    private static Optional<String> artifact(LabContext ctx, Candidate candidate) {
        try {
            return Optional.ofNullable(ctx.sageMaker().describeTrainingJob(d -> d.trainingJobName(candidate.job(ctx)))
                    .modelArtifacts()).map(a -> a.s3ModelArtifacts());
        } catch (SageMakerException e) {
            return Optional.empty();
        }
    }

    // ---- the endpoint ----

    private static Optional<DescribeEndpointResponse> endpoint(LabContext ctx) {
        try {
            return Optional.of(ctx.sageMaker().describeEndpoint(d -> d.endpointName(SageMakerEndpointLab.endpoint(ctx))));
        } catch (SageMakerException e) {
            return Optional.empty();
        }
    }

    /** The endpoint when it is InService, or the failure that says what it is instead. */
    private record InService(DescribeEndpointResponse endpoint, CheckResult failure) {
    }

    private static InService inService(LabContext ctx) {
        Optional<DescribeEndpointResponse> found = endpoint(ctx);
        String name = SageMakerEndpointLab.endpoint(ctx);
        if (found.isEmpty()) {
            return new InService(null, CheckResult.fail("no endpoint " + name,
                    "Nothing is deployed under $ENDPOINT_NAME (" + name + ") yet.",
                    "An endpoint needs an endpoint configuration ($ENDPOINT_CONFIG) listing its production variants: model,"
                            + " instance type and count, initial weight.",
                    GuideSteps.DEPLOY));
        }
        DescribeEndpointResponse endpoint = found.get();
        EndpointStatus status = endpoint.endpointStatus();
        if (status == EndpointStatus.IN_SERVICE) {
            return new InService(endpoint, null);
        }
        String seen = "endpoint " + name + " is " + endpoint.endpointStatusAsString()
                + (endpoint.failureReason() == null ? "" : ": " + endpoint.failureReason());
        if (status == EndpointStatus.FAILED) {
            return new InService(null, CheckResult.fail(seen, "Read the FailureReason: it names the model or artifact SageMaker"
                            + " could not start.",
                    "A failed endpoint cannot be updated: delete it (delete-endpoint) and create it again from a"
                            + " configuration whose models are made from Approved versions.",
                    GuideSteps.DEPLOY));
        }
        return new InService(null, CheckResult.fail(seen, "It is not InService yet: wait with aws $ENDPOINT sagemaker wait"
                + " endpoint-in-service --endpoint-name $ENDPOINT_NAME, then check again."));
    }

    static CheckResult canaryDeployed(LabContext ctx) {
        InService found = inService(ctx);
        if (found.failure() != null) {
            return found.failure();
        }
        DescribeEndpointResponse endpoint = found.endpoint();
        if (endpoint.productionVariants().size() != 2) {
            return CheckResult.fail(endpoint.productionVariants().size() + " production variant(s): " + variantNames(endpoint),
                    "A canary needs two variants behind the one endpoint: the champion and the challenger.",
                    "The endpoint configuration lists both: VariantName, ModelName, InstanceType, InitialInstanceCount and"
                            + " InitialVariantWeight each.",
                    GuideSteps.DEPLOY);
        }
        String group = SageMakerEndpointLab.group(ctx);
        Map<String, String> artifactByPackage = new LinkedHashMap<>();
        versions(ctx, group).forEach(v -> artifactByPackage.put(v.arn(), v.artifact()));
        List<ProductionVariant> configured = ctx.sageMaker().describeEndpointConfig(d -> d.endpointConfigName(
                endpoint.endpointConfigName())).productionVariants();
        Map<String, ProductionVariant> candidateServing = new LinkedHashMap<>();
        for (ProductionVariant variant : configured) {
            DescribeModelResponse model = ctx.sageMaker().describeModel(d -> d.modelName(variant.modelName()));
            ContainerDefinition container = model.primaryContainer() != null ? model.primaryContainer()
                    : model.containers().isEmpty() ? ContainerDefinition.builder().build() : model.containers().get(0);
            String packageArn = container.modelPackageName();
            if (packageArn == null) {
                return CheckResult.fail("variant " + variant.variantName() + " serves model " + variant.modelName()
                                + ", made from " + container.modelDataUrl() + " directly, not from a registry version",
                        "Deploy what the registry approved: each model is made from a model package version, not from the"
                                + " artifact.",
                        "CreateModel with a container that names only ModelPackageName (the version's ARN): SageMaker takes"
                                + " image and artifact from the version, and refuses a version that is not Approved.",
                        GuideSteps.DEPLOY);
            }
            String artifact = artifactByPackage.get(packageArn);
            if (artifact == null) {
                return CheckResult.fail("variant " + variant.variantName() + " serves " + packageArn + ", not a version of "
                                + group,
                        "Deploy the versions of $GROUP: the canary compares the two candidates registered there.",
                        GuideSteps.DEPLOY);
            }
            for (Candidate candidate : Candidates.both()) {
                if (artifact(ctx, candidate).filter(artifact::equals).isPresent()) {
                    candidateServing.put(candidate.variant(), variant);
                }
            }
        }
        if (candidateServing.size() != 2) {
            return CheckResult.fail("the variants serve " + configured.stream().map(ProductionVariant::modelName).toList()
                            + ": not one candidate each",
                    "One variant serves the champion's version, the other the challenger's.", GuideSteps.DEPLOY);
        }
        ProductionVariant challenger = candidateServing.get(Candidates.CHALLENGER);
        ProductionVariant champion = candidateServing.get(Candidates.CHAMPION);
        double share = challenger.initialVariantWeight() / (challenger.initialVariantWeight() + champion.initialVariantWeight());
        String seen = String.format("%s InService; %s serves the champion, %s the challenger, which started with %.0f %% of"
                + " the traffic", endpoint.endpointName(), champion.variantName(), challenger.variantName(), 100 * share);
        if (Math.abs(share - 0.10) > SHARE_TOLERANCE) {
            return CheckResult.fail(seen,
                    share > 0.5 ? "The challenger started with most of the traffic: a canary gives the new model a small share"
                            + " first, the champion keeps the rest."
                            : "A canary starts the challenger on 10 % of the requests: enough to judge it, few enough to limit"
                            + " the harm if it is worse.",
                    "InitialVariantWeight is relative: 0.9 for the champion and 0.1 for the challenger (or 9 and 1) give 90/10.",
                    GuideSteps.DEPLOY);
        }
        return CheckResult.pass(seen);
    }

    private static String variantNames(DescribeEndpointResponse endpoint) {
        return endpoint.productionVariants().stream().map(ProductionVariantSummary::variantName).collect(Collectors.joining(", "));
    }

    // ---- the traffic, as CloudWatch counted it ----

    /**
     * Invocations per variant since the endpoint was created, summed from AWS/SageMaker's per-variant metric.
     * GetMetricStatistics returns at most 1,440 datapoints, so the period grows with the window.
     */
    private static Map<String, Double> invocations(LabContext ctx, DescribeEndpointResponse endpoint) {
        Instant from = endpoint.creationTime().minus(Duration.ofMinutes(5));
        Instant to = Instant.now().plus(Duration.ofMinutes(5));
        long minutes = Duration.between(from, to).toMinutes();
        int period = (int) Math.max(1, (minutes + 1439) / 1440) * 60;
        Map<String, Double> counted = new LinkedHashMap<>();
        for (ProductionVariantSummary variant : endpoint.productionVariants()) {
            List<Datapoint> points = ctx.cloudWatch().getMetricStatistics(get -> get
                    .namespace("AWS/SageMaker")
                    .metricName("Invocations")
                    .dimensions(Dimension.builder().name("EndpointName").value(endpoint.endpointName()).build(),
                            Dimension.builder().name("VariantName").value(variant.variantName()).build())
                    .startTime(from)
                    .endTime(to)
                    .period(period)
                    .statistics(Statistic.SUM)).datapoints();
            counted.put(variant.variantName(), points.stream().mapToDouble(Datapoint::sum).sum());
        }
        return counted;
    }

    static CheckResult trafficReachedBoth(LabContext ctx) {
        Optional<DescribeEndpointResponse> found = endpoint(ctx);
        if (found.isEmpty()) {
            return CheckResult.fail("no endpoint " + SageMakerEndpointLab.endpoint(ctx),
                    "Deploy the endpoint first; then send it the traffic.", GuideSteps.DEPLOY);
        }
        Map<String, Double> counted = invocations(ctx, found.get());
        String seen = counted.entrySet().stream().map(e -> String.format("%s %.0f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ", "Invocations: ", ""));
        List<String> silent = counted.entrySet().stream().filter(e -> e.getValue() <= 0).map(Map.Entry::getKey).toList();
        if (silent.size() == counted.size()) {
            return CheckResult.fail(seen, "No request has reached the endpoint yet (or CloudWatch has not counted it: on AWS a"
                            + " minute's requests show up a minute or two later).",
                    "Send every line of traffic/customers.csv as its own InvokeEndpoint request, ContentType text/csv.",
                    GuideSteps.TRAFFIC);
        }
        if (!silent.isEmpty()) {
            return CheckResult.fail(seen, String.join(", ", silent) + " served no request: the canary has nothing to judge it on.",
                    "SageMaker routes each request by weight, so 10 % of the requests reach the challenger — if each customer"
                            + " is a request of its own. One request holding all 750 lines is routed once; and weights moved"
                            + " before the traffic leave the canary without any.",
                    GuideSteps.TRAFFIC);
        }
        return CheckResult.pass(seen);
    }

    // ---- the verdict ----

    static CheckResult allTrafficOnTheWinner(LabContext ctx) {
        InService found = inService(ctx);
        if (found.failure() != null) {
            return found.failure();
        }
        DescribeEndpointResponse endpoint = found.endpoint();
        if (endpoint.productionVariants().size() < 2) {
            return CheckResult.fail("only " + variantNames(endpoint) + " behind the endpoint",
                    "The verdict is made between the two variants of the canary: deploy both first.", GuideSteps.DEPLOY);
        }
        Map<String, Double> counted = invocations(ctx, endpoint);
        if (counted.values().stream().anyMatch(n -> n <= 0)) {
            // Judged only after the traffic: the requests this check sends must not make up the canary's.
            return CheckResult.fail("not every variant has served traffic yet: " + counted,
                    "The canary's verdict comes after its traffic: send the held-out customers first.", GuideSteps.TRAFFIC);
        }
        Map<String, Double> auc = new LinkedHashMap<>();
        List<Customers.Customer> heldOut = Customers.dataset().test();
        List<Integer> labels = heldOut.stream().map(Customers.Customer::churned).toList();
        String csv = Customers.featuresCsv(heldOut);
        for (ProductionVariantSummary variant : endpoint.productionVariants()) {
            List<Double> scores;
            try {
                scores = Traffic.scores(ctx.sageMakerRuntime().invokeEndpoint(InvokeEndpointRequest.csv(endpoint.endpointName(), csv)
                        .withTargetVariant(variant.variantName())).body().asUtf8String());
            } catch (InvokeEndpointException e) {
                return CheckResult.fail("variant " + variant.variantName() + " could not score the held-out customers: "
                        + e.getMessage(), "The variant's model refused the customers' features: is it one of the two candidates?",
                        GuideSteps.DEPLOY);
            }
            if (scores.size() != labels.size()) {
                return CheckResult.fail(variant.variantName() + " answered " + scores.size() + " scores for " + labels.size()
                        + " customers", "The variant's model does not read the customers' 8 features.", GuideSteps.DEPLOY);
            }
            auc.put(variant.variantName(), new ScoredLabels(scores, labels).auc());
        }
        String better = auc.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        List<String> taking = endpoint.productionVariants().stream().filter(v -> v.currentWeight() != null && v.currentWeight() > 0)
                .map(ProductionVariantSummary::variantName).toList();
        String seen = endpoint.productionVariants().stream().map(v -> String.format("%s weight %.2f, AUC %.3f", v.variantName(),
                v.currentWeight(), auc.get(v.variantName()))).collect(Collectors.joining("; "))
                + " on " + labels.size() + " held-out customers";
        if (taking.size() > 1) {
            return CheckResult.fail(seen, "Both variants still take traffic: the canary has had its requests, but the weights"
                            + " never moved.",
                    "UpdateEndpointWeightsAndCapacities sets a DesiredWeight per variant: 1 for the better one, 0 for the other."
                            + " The instances stay; nothing is redeployed.",
                    GuideSteps.SHIFT);
        }
        if (!taking.equals(List.of(better))) {
            String chosen = taking.isEmpty() ? "no variant" : taking.get(0);
            return CheckResult.fail(seen, "All traffic went to " + chosen + ", but " + better + " ranks the held-out customers"
                            + " better.",
                    better.equals(Candidates.CHAMPION)
                            ? "The challenger's train:auc of 1.000 is memorisation: deep trees learned the training customers by"
                            + " heart. On customers no model has seen it ranks worse. Judge on the held-out labels, not on the"
                            + " training report."
                            : "Compare the variants on the held-out labels: score every held-out customer with each variant"
                            + " (TargetVariant) and compute each one's AUC.",
                    GuideSteps.COMPARE + " " + GuideSteps.SHIFT);
        }
        return CheckResult.pass(seen);
    }
}
