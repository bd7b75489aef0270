package io.labrunner.emulator.sagemaker;

import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.AwsService;
import io.labrunner.emulator.Protocol;
import io.labrunner.emulator.protocol.JsonProtocolService;
import java.util.List;
import java.util.Set;

/**
 * Emulated SageMaker (signing name {@code sagemaker}, AWS JSON 1.1) on the protocol core: the core reads
 * and validates each request against SageMaker's model; the operation groups hold the behaviour.
 */
public final class SageMakerService implements AwsService {
    private final List<OperationGroup> groups;
    /** Built at the first request: SageMaker's model takes about 2 s to read in a cold JVM, too long for every start. */
    private volatile JsonProtocolService protocol;

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

    /** The operations this emulator implements, by their model names. */
    public Set<String> implementedOperations() {
        return core().operations();
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
