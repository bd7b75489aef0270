package io.labrunner.testing;

import io.labrunner.core.AwsClients;
import io.labrunner.core.LabRunner;
import io.labrunner.core.StateDirectory;
import io.labrunner.core.report.RunListener;
import io.labrunner.target.EmbeddedTarget;
import java.time.Clock;

/** An embedded emulator on a free port with clients for it, and runners of labs against it. */
public final class EmbeddedEmulator implements AutoCloseable {
    private final EmbeddedTarget target = EmbeddedTarget.start(null);
    private final AwsClients clients = new AwsClients(target.endpoint(), target.region(), target.credentials(),
            target.tlsEndpoint());

    public AwsClients clients() {
        return clients;
    }

    /** A runner that keeps its ledgers in {@code state}, reporting to nobody. */
    public LabRunner runner(StateDirectory state) {
        return runner(state, RunListener.NONE);
    }

    /** A runner that keeps its ledgers in {@code state}, reporting to {@code listener}. */
    public LabRunner runner(StateDirectory state, RunListener listener) {
        return new LabRunner(target.name(), target.capabilities(), clients, state, listener, Clock.systemUTC())
                .at(target.location());
    }

    @Override
    public void close() {
        clients.close();
        target.close();
    }
}
