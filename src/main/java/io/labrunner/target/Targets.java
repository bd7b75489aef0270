package io.labrunner.target;

import io.labrunner.core.Capability;
import io.labrunner.core.LabException;
import io.labrunner.core.StateDirectory;
import io.labrunner.core.Suggestions;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.regions.Region;

/** Opens the target a command names. */
public final class Targets {
    private Targets() {
    }

    /** How long the target's state must live. */
    public enum Lifetime {
        /** {@code run}, {@code test}: a fresh emulator whose data goes when the command ends. */
        EPHEMERAL,
        /**
         * {@code start}, {@code check}, {@code solve}, {@code cleanup}: state shared across invocations;
         * on the embedded target, the {@code lab emulator} serving the state directory.
         */
        SESSION
    }

    public static Target open(String name, Lifetime lifetime, StateDirectory state) {
        return open(TargetOptions.named(name), lifetime, state);
    }

    public static Target open(TargetOptions options, Lifetime lifetime, StateDirectory state) {
        return open(options, lifetime, state, DockerCheck.system(options.env()));
    }

    /**
     * As {@link #open(TargetOptions, Lifetime, StateDirectory)} for labs that need {@code needed}: a fresh embedded
     * emulator enforces IAM when a lab needs {@link Capability#IAM_ENFORCEMENT}.
     */
    public static Target open(TargetOptions options, Lifetime lifetime, StateDirectory state, Set<Capability> needed) {
        return open(options, lifetime, state, DockerCheck.system(options.env()), needed);
    }

    /** As {@link #open(TargetOptions, Lifetime, StateDirectory)}, with the Docker check given (tests). */
    public static Target open(TargetOptions options, Lifetime lifetime, StateDirectory state, DockerCheck docker) {
        return open(options, lifetime, state, docker, Set.of());
    }

    /** As {@link #open(TargetOptions, Lifetime, StateDirectory, Set)}, with the Docker check given (tests). */
    public static Target open(TargetOptions options, Lifetime lifetime, StateDirectory state, DockerCheck docker,
            Set<Capability> needed) {
        String name = options.name();
        if (options.endpoint().isPresent() && !name.equals("endpoint")) {
            throw new LabException("--endpoint is for --target endpoint; target " + name + " chooses its own.");
        }
        switch (name) {
            case "embedded":
                return embedded(lifetime, state, needed.contains(Capability.IAM_ENFORCEMENT));
            case "endpoint":
                return EndpointTarget.connect(EndpointTarget.endpointFrom(options),
                        Region.of(options.region().orElse(options.env("AWS_REGION").orElse("us-east-1"))));
            case "localstack":
                return ContainerTarget.localStack(options, docker);
            case "floci":
                return ContainerTarget.floci(options, docker);
            case "aws":
                return AwsTarget.open(options);
            default:
                throw new LabException("Unknown target '" + name + "'."
                        + Suggestions.closest(name, TargetKind.optionNames()).map(s -> " Did you mean '" + s + "'?").orElse("")
                        + " Targets: " + String.join(", ", TargetKind.optionNames()) + ".");
        }
    }

    /**
     * The embedded target. A command whose state must outlive it attaches to the {@code lab emulator}
     * serving the state directory; without one it refuses rather than set up on an emulator that ends
     * with the command (the CLI starts one in the background first). A fresh emulator enforces IAM when
     * {@code enforceIam}: then every lab of the command runs with IAM enforced.
     */
    private static Target embedded(Lifetime lifetime, StateDirectory state, boolean enforceIam) {
        if (lifetime == Lifetime.EPHEMERAL) {
            return EmbeddedTarget.start(null, enforceIam);
        }
        Optional<RunningEmulator> running = RunningEmulator.readIfAlive(state.emulatorPidFile());
        if (running.isPresent()) {
            return EmbeddedTarget.attach(URI.create(running.get().endpoint()), Region.of(running.get().region()),
                    Optional.ofNullable(running.get().data()).map(Path::of));
        }
        throw new LabException("No lab emulator is serving " + state.root()
                + "; serve one with 'lab emulator &' (or set LAB_RUNNER_HOME to the home of the one that runs).");
    }
}
