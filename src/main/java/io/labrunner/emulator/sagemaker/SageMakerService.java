package io.labrunner.emulator.sagemaker;

import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.AwsService;
import io.labrunner.emulator.Protocol;
import io.labrunner.emulator.protocol.JsonProtocolService;
import io.labrunner.emulator.protocol.RestJsonProtocolService;
import java.util.List;
import java.util.Set;

/**
 * Emulated SageMaker (signing name {@code sagemaker}, AWS JSON 1.1) on the protocol core: the core reads
 * and validates each request against SageMaker's model; the operation groups hold the behaviour.
 */
public final class SageMakerService implements AwsService, io.labrunner.emulator.TaggableResources {
    private final List<OperationGroup> groups;
    /** Built at the first request: SageMaker's model takes about 2 s to read in a cold JVM, too long for every start. */
    private volatile JsonProtocolService protocol;
    /** SageMaker Runtime (InvokeEndpoint), signed as {@code sagemaker} too: REST-JSON on {@code /endpoints/...}. */
    private volatile RestJsonProtocolService runtime;

    /** A service answering the operations of {@code groups}; it closes them when it is closed. */
    public SageMakerService(List<OperationGroup> groups) {
        this.groups = List.copyOf(groups);
    }

    private JsonProtocolService core() {
        JsonProtocolService built = protocol;
        if (built == null) {
            synchronized (this) {
                built = protocol;
                if (built == null) {
                    JsonProtocolService.Builder builder = JsonProtocolService.builder("sagemaker");
                    groups.forEach(group -> group.register(builder));
                    built = builder.build();
                    protocol = built;
                }
            }
        }
        return built;
    }

    private RestJsonProtocolService runtimeCore() {
        RestJsonProtocolService built = runtime;
        if (built == null) {
            synchronized (this) {
                built = runtime;
                if (built == null) {
                    RestJsonProtocolService.Builder builder = RestJsonProtocolService.builder("sagemaker-runtime");
                    groups.forEach(group -> group.registerRuntime(builder));
                    built = builder.build();
                    runtime = built;
                }
            }
        }
        return built;
    }

    /** The operations this emulator implements, by their model names. */
    public Set<String> implementedOperations() {
        return core().operations();
    }

    /** The SageMaker Runtime operations this emulator implements. */
    public Set<String> implementedRuntimeOperations() {
        return runtimeCore().operations();
    }

    /** The SageMaker resource a request acts on, and the role it passes ({@link SageMakerAccess}). */
    @Override
    public java.util.List<io.labrunner.emulator.iam.access.AccessRequest> accessRequests(AwsRequest request) {
        return SageMakerAccess.of(request);
    }

    /** The group keeping every resource's tags ({@link TagOperations}); empty when the service has none. */
    private java.util.Optional<io.labrunner.emulator.TaggableResources> tagging() {
        return groups.stream().filter(g -> g instanceof io.labrunner.emulator.TaggableResources)
                .map(g -> (io.labrunner.emulator.TaggableResources) g).findFirst();
    }

    @Override
    public Set<String> arnServices() {
        return tagging().map(io.labrunner.emulator.TaggableResources::arnServices).orElse(Set.of());
    }

    @Override
    public List<TaggedResource> taggedResources(String region) {
        return tagging().map(t -> t.taggedResources(region)).orElse(List.of());
    }

    @Override
    public void tag(String arn, java.util.Map<String, String> tags) {
        tagging().orElseThrow(() -> SageMakerErrors.validation("SageMaker keeps no tags here.")).tag(arn, tags);
    }

    @Override
    public void untag(String arn, java.util.Collection<String> keys) {
        tagging().ifPresent(t -> t.untag(arn, keys));
    }

    @Override
    public String signingName() {
        return "sagemaker";
    }

    @Override
    public Protocol protocol() {
        return Protocol.JSON;
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        if (!request.headers().containsKey("x-amz-target") && request.path().startsWith("/endpoints/")) {
            return runtimeCore().handle(request);
        }
        return core().handle(request);
    }

    @Override
    public void close() {
        for (OperationGroup group : groups) {
            try {
                group.close();
            } catch (RuntimeException e) {
                // The other groups still have to stop their work.
            }
        }
    }
}
