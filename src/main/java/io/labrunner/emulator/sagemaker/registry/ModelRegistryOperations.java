package io.labrunner.emulator.sagemaker.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.protocol.JsonProtocolService;
import io.labrunner.emulator.sagemaker.OperationGroup;
import io.labrunner.emulator.sagemaker.Paging;
import io.labrunner.emulator.sagemaker.ResourceTags;
import io.labrunner.emulator.sagemaker.TagOperations;
import io.labrunner.emulator.sagemaker.transform.ModelPackages;
import io.labrunner.emulator.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The Model Registry's operations: model package groups (create, describe, list, delete), model packages
 * (create, describe, list, update, delete) and the approval that lets CreateModel deploy a version.
 *
 * @see <a href="https://docs.aws.amazon.com/sagemaker/latest/dg/model-registry-version.html">Register a model
 *     version</a>
 */
public final class ModelRegistryOperations implements OperationGroup, ModelPackages {
    /** How long a new package stays Pending, then InProgress, before it is Completed. */
    public static final Duration DEFAULT_VALIDATION = Duration.ofSeconds(1);
    private static final List<String> APPROVAL_STATUSES = List.of("Approved", "Rejected", "PendingManualApproval");

    private final String account;
    private final RegistryStore store;
    private final ResourceTags tags;
    private final Clock clock;
    private final Duration validation;

    public ModelRegistryOperations(String account, ResourceTags tags, StateStore state, Clock clock,
            Duration validation) {
        this.account = account;
        this.store = new RegistryStore(state);
        this.tags = tags;
        this.clock = clock;
        this.validation = validation;
    }

    @Override
    public void register(JsonProtocolService.Builder sagemaker) {
        sagemaker.handler("CreateModelPackageGroup", this::createGroup)
                .handler("DescribeModelPackageGroup", (input, request) -> requireGroup(request.regionOrDefault(),
                        input.path("ModelPackageGroupName").asText()).describe())
                .handler("ListModelPackageGroups", this::listGroups)
                .handler("DeleteModelPackageGroup", this::deleteGroup)
                .handler("CreateModelPackage", this::createPackage)
                .handler("DescribeModelPackage", (input, request) -> require(request.regionOrDefault(),
                        input.path("ModelPackageName").asText()).describe(clock.instant(), validation))
                .handler("ListModelPackages", this::listPackages)
                .handler("UpdateModelPackage", this::updatePackage)
                .handler("DeleteModelPackage", this::deletePackage);
    }

    private synchronized Object createGroup(ObjectNode input, AwsRequest request) {
        String region = request.regionOrDefault();
        String name = input.path("ModelPackageGroupName").asText();
        String arn = groupArn(region, name);
        if (store.group(region, name).isPresent()) {
            throw RegistryErrors.groupExists(arn);
        }
        String description = input.has("ModelPackageGroupDescription")
                ? input.get("ModelPackageGroupDescription").asText() : null;
        store.putGroup(new PackageGroup(region, name, arn, description, clock.instant()));
        tagIfAsked(arn, input);
        return Map.of("ModelPackageGroupArn", arn);
    }

    private Object listGroups(ObjectNode input, AwsRequest request) {
        Comparator<PackageGroup> order = sortByName(input)
                ? Comparator.comparing(g -> g.name().toLowerCase(Locale.ROOT))
                : Comparator.comparing(PackageGroup::created).thenComparing(PackageGroup::name);
        List<PackageGroup> matching = store.groups(request.regionOrDefault()).stream()
                .filter(g -> nameContains(input, g.name()))
                .filter(g -> createdWithin(input, g.created()))
                .sorted(ordered(input, order)).toList();
        return Paging.page(input, matching, "ModelPackageGroupSummaryList", PackageGroup::summary);
    }

    private synchronized Object deleteGroup(ObjectNode input, AwsRequest request) {
        PackageGroup group = requireGroup(request.regionOrDefault(), input.path("ModelPackageGroupName").asText());
        if (!store.versions(group.region(), group.name()).isEmpty()) {
            throw RegistryErrors.groupNotEmpty(group.arn());
        }
        store.removeGroup(group);
        tags.forget(group.arn());
        return null;
    }

    /**
     * A version when the request names a group, an unversioned package when it names the package; never
     * both (moto's recording of AWS, getmoto/moto pull 7165, for the two refusals' wording).
     */
    private synchronized Object createPackage(ObjectNode input, AwsRequest request) {
        String region = request.regionOrDefault();
        boolean grouped = input.has("ModelPackageGroupName");
        if (grouped && input.has("ModelPackageName")) {
            throw RegistryErrors.validation("Both ModelPackageName and ModelPackageGroupName are provided in the "
                    + "input. Cannot determine which one to use.");
        }
        if (!grouped && !input.has("ModelPackageName")) {
            throw RegistryErrors.validation("Missing ARN.");
        }
        checkContainers(input);
        String approval = input.has("ModelApprovalStatus") ? input.get("ModelApprovalStatus").asText() : null;
        Instant now = clock.instant();
        ModelPackage created;
        if (grouped) {
            PackageGroup group = requireGroup(region, input.get("ModelPackageGroupName").asText());
            List<ModelPackage> versions = store.versions(region, group.name());
            int version = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
            created = new ModelPackage(region, group.name(), group.name(), version,
                    packageArn(region, group.name() + "/" + version), definition(input),
                    approval == null ? ModelPackage.PENDING : approval, null, metadata(input), now, null);
        } else {
            String name = input.get("ModelPackageName").asText();
            String arn = packageArn(region, name);
            if (approval != null) {
                // "This parameter is optional for versioned models, and does not apply to unversioned models."
                // (CreateModelPackage, ModelApprovalStatus)
                throw RegistryErrors.validation("ModelApprovalStatus does not apply to unversioned model packages.");
            }
            if (store.find(region, name, null).isPresent()) {
                throw RegistryErrors.validation("Model Package already exists: " + arn);
            }
            if (!input.has("InferenceSpecification") && !input.has("SourceAlgorithmSpecification")) {
                throw RegistryErrors.validation("An unversioned model package needs an InferenceSpecification or a "
                        + "SourceAlgorithmSpecification.");
            }
            created = new ModelPackage(region, name, null, null, arn, definition(input), null, null, metadata(input),
                    now, null);
        }
        store.put(created);
        tagIfAsked(created.arn(), input);
        return Map.of("ModelPackageArn", created.arn());
    }

    /** Every container of an inference specification names the image that serves it. */
    private static void checkContainers(ObjectNode input) {
        for (JsonNode container : input.path("InferenceSpecification").path("Containers")) {
            if (container.path("Image").asText("").isEmpty()) {
                throw RegistryErrors.validation("Image is required for each container of the "
                        + "InferenceSpecification.");
            }
        }
    }

    private static ObjectNode definition(ObjectNode input) {
        ObjectNode definition = input.deepCopy();
        for (String member : List.of("ModelPackageName", "ModelPackageGroupName", "Tags", "ModelApprovalStatus",
                "CustomerMetadataProperties", "ClientToken")) {
            definition.remove(member);
        }
        return definition;
    }

    private static Map<String, String> metadata(ObjectNode input) {
        Map<String, String> out = new LinkedHashMap<>();
        input.path("CustomerMetadataProperties").fields()
                .forEachRemaining(entry -> out.put(entry.getKey(), entry.getValue().asText()));
        return out;
    }

    /**
     * Versions of one group when ModelPackageGroupName is given; otherwise the packages of ModelPackageType,
     * whose default is Unversioned ("UNVERSIONED - List only unversioned models. This is the default value if no
     * ModelPackageType is specified.", ListModelPackages).
     */
    private Object listPackages(ObjectNode input, AwsRequest request) {
        String region = request.regionOrDefault();
        List<ModelPackage> candidates;
        if (input.has("ModelPackageGroupName")) {
            PackageGroup group = requireGroup(region, input.get("ModelPackageGroupName").asText());
            candidates = store.versions(region, group.name());
        } else {
            String type = input.path("ModelPackageType").asText("Unversioned");
            Predicate<ModelPackage> ofType = switch (type) {
                case "Versioned" -> ModelPackage::versioned;
                case "Both" -> pkg -> true;
                default -> pkg -> !pkg.versioned();
            };
            candidates = store.packages(region).stream().filter(ofType).toList();
        }
        String approval = input.path("ModelApprovalStatus").asText(null);
        Comparator<ModelPackage> order = sortByName(input)
                ? Comparator.comparing((ModelPackage p) -> p.name().toLowerCase(Locale.ROOT))
                        .thenComparing(p -> p.version() == null ? 0 : p.version())
                : Comparator.comparing(ModelPackage::created)
                        .thenComparing(p -> p.version() == null ? 0 : p.version());
        List<ModelPackage> matching = candidates.stream()
                .filter(p -> approval == null || approval.equals(p.approval()))
                .filter(p -> nameContains(input, p.name()))
                .filter(p -> createdWithin(input, p.created()))
                .sorted(ordered(input, order)).toList();
        Instant now = clock.instant();
        return Paging.page(input, matching, "ModelPackageSummaryList", p -> p.summary(now, validation));
    }

    /** Approves or rejects a version, and edits its customer metadata. */
    private synchronized Object updatePackage(ObjectNode input, AwsRequest request) {
        ModelPackage pkg = require(request.regionOrDefault(), input.path("ModelPackageArn").asText());
        String approval = pkg.approval();
        String description = pkg.approvalDescription();
        if (input.has("ModelApprovalStatus")) {
            if (!pkg.versioned()) {
                throw RegistryErrors.validation("ModelApprovalStatus does not apply to unversioned model packages.");
            }
            approval = input.get("ModelApprovalStatus").asText();
        }
        if (input.has("ApprovalDescription")) {
            description = input.get("ApprovalDescription").asText();
        }
        Map<String, String> metadata = new LinkedHashMap<>(pkg.customerMetadata());
        metadata.putAll(metadata(input));
        input.path("CustomerMetadataPropertiesToRemove").forEach(key -> metadata.remove(key.asText()));
        store.put(pkg.withApproval(approval, description, metadata, clock.instant()));
        return Map.of("ModelPackageArn", pkg.arn());
    }

    private synchronized Object deletePackage(ObjectNode input, AwsRequest request) {
        ModelPackage pkg = require(request.regionOrDefault(), input.path("ModelPackageName").asText());
        store.remove(pkg);
        tags.forget(pkg.arn());
        return null;
    }

    /**
     * A version must be Approved before it is deployed: "For versioned models, the value of this parameter must
     * be set to Approved to deploy the model." (CreateModelPackage, ModelApprovalStatus). An unversioned package
     * has no approval and deploys as it is.
     */
    @Override
    public ObjectNode deployableContainer(String region, String nameOrArn) {
        ModelPackage pkg = require(region, nameOrArn);
        if (pkg.versioned() && !ModelPackage.APPROVED.equals(pkg.approval())) {
            throw RegistryErrors.validation("Model package " + pkg.arn() + " has ModelApprovalStatus "
                    + pkg.approval() + "; only an Approved model package version can be deployed.");
        }
        JsonNode container = pkg.container();
        if (!container.isObject()) {
            throw RegistryErrors.validation("Model package " + pkg.arn() + " has no InferenceSpecification to deploy.");
        }
        return ((ObjectNode) container).deepCopy();
    }

    private ModelPackage require(String region, String nameOrArn) {
        PackageName name = PackageName.parse(nameOrArn);
        return store.find(region, name.name(), name.version()).orElseThrow(() -> RegistryErrors.packageNotFound(
                packageArn(region, name.version() == null ? name.name() : name.name() + "/" + name.version())));
    }

    private PackageGroup requireGroup(String region, String nameOrArn) {
        String name = PackageName.group(nameOrArn);
        return store.group(region, name).orElseThrow(() -> RegistryErrors.groupNotFound(groupArn(region, name)));
    }

    private void tagIfAsked(String arn, ObjectNode input) {
        if (input.has("Tags")) {
            tags.put(arn, TagOperations.tagsOf(input.get("Tags")));
        }
    }

    /** SageMaker's ARNs carry names in lower case. */
    private String groupArn(String region, String name) {
        return "arn:aws:sagemaker:" + region + ":" + account + ":model-package-group/" + name.toLowerCase(Locale.ROOT);
    }

    private String packageArn(String region, String name) {
        return "arn:aws:sagemaker:" + region + ":" + account + ":model-package/" + name.toLowerCase(Locale.ROOT);
    }

    private static boolean sortByName(ObjectNode input) {
        return "Name".equals(input.path("SortBy").asText("CreationTime"));
    }

    /** Newest first unless the request asks for Ascending, as SageMaker's lists order. */
    private static <T> Comparator<T> ordered(ObjectNode input, Comparator<T> order) {
        return "Ascending".equals(input.path("SortOrder").asText("Descending")) ? order : order.reversed();
    }

    private static boolean nameContains(ObjectNode input, String name) {
        JsonNode contains = input.get("NameContains");
        return contains == null
                || name.toLowerCase(Locale.ROOT).contains(contains.asText().toLowerCase(Locale.ROOT));
    }

    private static boolean createdWithin(ObjectNode input, Instant created) {
        JsonNode after = input.get("CreationTimeAfter");
        JsonNode before = input.get("CreationTimeBefore");
        return (after == null || created.isAfter(Instant.ofEpochMilli(after.asLong())))
                && (before == null || created.isBefore(Instant.ofEpochMilli(before.asLong())));
    }

}
