package io.labrunner.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Looks for anything of a run still on the target, by the {@code lab-<runid>-} name prefix every
 * resource carries, in every kind the target offers. The self-test uses it to prove cleanup left nothing behind.
 */
public final class Leftovers {
    private final AwsClients clients;
    private final Set<Capability> capabilities;
    private final ResourceKinds kinds;

    public Leftovers(AwsClients clients, Set<Capability> capabilities) {
        this(clients, capabilities, ResourceKinds.standard());
    }

    public Leftovers(AwsClients clients, Set<Capability> capabilities, ResourceKinds kinds) {
        this.clients = clients;
        this.capabilities = capabilities;
        this.kinds = kinds;
    }

    /** One line per leftover, e.g. {@code S3 bucket lab-k3f9x2-data} or {@code SageMaker training job ... (InProgress)}. */
    public List<String> find(String runId) {
        NameFilter names = NameFilter.ofRun(runId);
        List<String> found = new ArrayList<>();
        for (ResourceKind kind : kinds.all()) {
            if (capabilities.contains(kind.capability())) {
                for (ResourceKind.Listed listed : kind.list(clients, names)) {
                    found.add(kind.label() + " " + listed.name()
                            + (listed.state().isEmpty() ? "" : " (" + listed.state() + ")"));
                }
            }
        }
        return found;
    }
}
