package io.labrunner.labs.sagemakerendpoint;

import io.labrunner.core.LabContext;
import io.labrunner.core.Resource;
import io.labrunner.labs.sagemakerxgboost.SageMakerRole;
import io.labrunner.labs.sagemakerxgboost.XgboostTraining;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ModelApprovalStatus;
import software.amazon.awssdk.services.sagemaker.model.ModelPackageContainerDefinition;
import software.amazon.awssdk.services.sagemaker.model.ModelPackageStatus;

/**
 * The Model Registry as a release process: a group per use case, each trained model a numbered
 * version in it, every version starting PendingManualApproval until someone approves it, and only an
 * Approved version deployable. The endpoint's models are made from the versions, not from the raw
 * artifacts, so what serves traffic is always something that was reviewed.
 */
final class ModelRegistry {
    private ModelRegistry() {
    }

    static String createGroup(LabContext ctx, String group) {
        return ctx.create(Resource.modelPackageGroup(group), () -> ctx.sageMaker().createModelPackageGroup(create -> create
                .modelPackageGroupName(group)
                .modelPackageGroupDescription("Customer churn models: one version per trained candidate")
                .tags(XgboostTraining.tags(ctx.tags()))).modelPackageGroupArn());
    }

    /**
     * Registers one trained artifact as the next version of the group: the image that serves it, where the
     * model is, what it accepts and answers, and where it may run. Its training job and hyperparameters go
     * along as metadata, so whoever approves it sees where it came from.
     */
    static String register(LabContext ctx, String group, String image, String artifact, String trainingJob,
            Map<String, String> hyperParameters) {
        return ctx.sageMaker().createModelPackage(create -> create
                .modelPackageGroupName(group)
                .modelPackageDescription("XGBoost " + hyperParameters)
                .inferenceSpecification(spec -> spec
                        .containers(ModelPackageContainerDefinition.builder().image(image).modelDataUrl(artifact).build())
                        .supportedContentTypes("text/csv")
                        .supportedResponseMIMETypes("text/csv")
                        .supportedRealtimeInferenceInstanceTypesWithStrings(Canary.INSTANCE_TYPE)
                        .supportedTransformInstanceTypesWithStrings(Canary.INSTANCE_TYPE))
                .customerMetadataProperties(Map.of("training_job", trainingJob,
                        "max_depth", hyperParameters.get("max_depth"), "num_round", hyperParameters.get("num_round")))
                .tags(XgboostTraining.tags(ctx.tags()))).modelPackageArn();
    }

    /** A new version is validated for a moment (Pending, InProgress) before it is Completed and can be approved. */
    static void awaitCompleted(LabContext ctx, String packageArn) {
        SageMakerClient sageMaker = ctx.sageMaker();
        ctx.waitFor("model package " + packageArn, Duration.ofMinutes(5), Duration.ofSeconds(1), () -> {
            var pkg = sageMaker.describeModelPackage(d -> d.modelPackageName(packageArn));
            if (pkg.modelPackageStatus() == ModelPackageStatus.FAILED) {
                throw new IllegalStateException(packageArn + " failed validation: " + pkg.modelPackageStatusDetails());
            }
            return pkg.modelPackageStatus() == ModelPackageStatus.COMPLETED ? Optional.of(pkg) : Optional.empty();
        });
    }

    static void approve(LabContext ctx, String packageArn, String why) {
        ctx.sageMaker().updateModelPackage(update -> update
                .modelPackageArn(packageArn)
                .modelApprovalStatus(ModelApprovalStatus.APPROVED)
                .approvalDescription(why));
    }

    /** CreateModel from an Approved version: the container names the package, which brings its image and artifact. */
    static String deploy(LabContext ctx, String model, String packageArn, String roleArn) {
        return ctx.create(Resource.sageMakerModel(model), () -> SageMakerRole.whenAssumable(ctx, () ->
                ctx.sageMaker().createModel(create -> create
                        .modelName(model)
                        .primaryContainer(container -> container.modelPackageName(packageArn))
                        .executionRoleArn(roleArn)
                        .tags(XgboostTraining.tags(ctx.tags()))).modelArn()));
    }
}
