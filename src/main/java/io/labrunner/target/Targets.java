package io.labrunner.target;

import io.labrunner.core.LabException;
import io.labrunner.core.StateDirectory;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/** Opens the target a command names. */
public final class Targets {
    private Targets() {
    }

    /** How long the target's state must live. */
    public enum Lifetime {
        /** {@code run}, {@code test}: a fresh emulator whose data goes when the command ends. */
        EPHEMERAL,
        /** {@code start}, {@code check}, {@code solve}, {@code cleanup}: state shared across invocations. */
        SESSION
    }

    public static Target open(String name, Lifetime lifetime, StateDirectory state) {
        if (!name.equals("embedded")) {
            throw new LabException("Unknown target '" + name + "'. This version offers --target embedded"
                    + " (the default); localstack, floci, endpoint and aws are on the way.");
        }
        if (lifetime == Lifetime.EPHEMERAL) {
            return EmbeddedTarget.start(null);
        }
        Optional<RunningEmulator> running = RunningEmulator.readIfAlive(state.emulatorPidFile());
        if (running.isPresent()) {
            return EmbeddedTarget.attach(URI.create(running.get().endpoint()), Region.of(running.get().region()));
        }
        return EmbeddedTarget.start(state.emulatorData());
    }
}
