package io.labrunner.target;

import io.labrunner.core.Capability;
import io.labrunner.core.LabException;
import io.labrunner.core.Location;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.TestcontainersConfiguration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * LocalStack or Floci in a container started through Testcontainers, with a pinned image.
 * Stopped on close unless {@code --reuse} asked to keep it for the next run.
 */
public final class ContainerTarget extends EndpointTarget {
    /** The last LocalStack image that starts without an auth token (no Glue, Athena or Bedrock). */
    public static final String LOCALSTACK_FREE_IMAGE = "localstack/localstack:4.14.0";
    /** A current LocalStack image; it needs LOCALSTACK_AUTH_TOKEN. Glue, Athena and Bedrock are its paid tier. */
    public static final String LOCALSTACK_CURRENT_IMAGE = "localstack/localstack:2026.09.0";
    public static final String FLOCI_IMAGE = "floci/floci:2.2.0";

    private final GenericContainer<?> container;
    private final boolean reuse;

    private ContainerTarget(String name, GenericContainer<?> container, URI endpoint, Region region, String accessKey,
                            String secretKey, Set<Capability> capabilities, List<String> notices, boolean reuse) {
        this(name, container, endpoint, region, accessKey, secretKey, capabilities, notices, reuse, Map.of());
    }

    private ContainerTarget(String name, GenericContainer<?> container, URI endpoint, Region region, String accessKey,
                            String secretKey, Set<Capability> capabilities, List<String> notices, boolean reuse,
                            Map<Capability, String> faults) {
        super(name, endpoint, region, StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)),
                capabilities, notices, faults);
        this.container = container;
        this.reuse = reuse;
    }

    static ContainerTarget localStack(TargetOptions options, DockerCheck docker) {
        requireDocker(docker);
        Optional<String> token = options.env("LOCALSTACK_AUTH_TOKEN");
        String image = options.image().orElse(token.isPresent() ? LOCALSTACK_CURRENT_IMAGE : LOCALSTACK_FREE_IMAGE);
        var container = new org.testcontainers.localstack.LocalStackContainer(
                DockerImageName.parse(image).asCompatibleSubstituteFor("localstack/localstack"));
        token.ifPresent(t -> container.withEnv("LOCALSTACK_AUTH_TOKEN", t));
        List<String> notices = new ArrayList<>();
        start(container, options, image, token.isPresent() ? ""
                : " (LocalStack images newer than 4.14.0 need LOCALSTACK_AUTH_TOKEN)");
        URI endpoint = container.getEndpoint();
        Set<Capability> offered = CapabilityProbe.discover(endpoint, Region.of(container.getRegion()),
                EndpointTarget.emulatorCredentials()).capabilities();
        notices.add("Target localstack: " + image + " at " + endpoint + (options.reuse() ? " (kept running: --reuse)" : ""));
        if (token.isEmpty()) {
            Set<Capability> missing = EnumSet.allOf(Capability.class);
            missing.removeAll(offered);
            notices.add("No LOCALSTACK_AUTH_TOKEN, so LocalStack " + image.substring(image.indexOf(':') + 1)
                    + ": labs that need " + missing + " are skipped. Set LOCALSTACK_AUTH_TOKEN for a current image.");
        }
        return new ContainerTarget("localstack", container, endpoint, Region.of(container.getRegion()),
                container.getAccessKey(), container.getSecretKey(), offered, notices, options.reuse());
    }

    static ContainerTarget floci(TargetOptions options, DockerCheck docker) {
        requireDocker(docker);
        String image = options.image().orElse(FLOCI_IMAGE);
        var container = new io.floci.testcontainers.FlociContainer(
                DockerImageName.parse(image).asCompatibleSubstituteFor("floci/floci"));
        start(container, options, image, "");
        URI endpoint = URI.create(container.getEndpoint());
        Set<Capability> offered = TargetKind.FLOCI.knownCapabilities();
        List<String> notices = List.of("Target floci: " + image + " at " + endpoint
                        + (options.reuse() ? " (kept running: --reuse)" : ""),
                "Floci has no Glue crawlers, Athena only with its DuckDB sidecar, and a stub Bedrock: labs that need"
                        + " them are skipped.");
        return new ContainerTarget("floci", container, endpoint, Region.of(container.getRegion()),
                container.getAccessKey(), container.getSecretKey(), offered, notices, options.reuse(),
                TargetKind.FLOCI.knownFaults());
    }

    private static void requireDocker(DockerCheck docker) {
        Optional<String> why = docker.whyNotAvailable();
        if (why.isPresent()) {
            throw new LabException(DockerCheck.message(why.get()));
        }
    }

    private static void start(GenericContainer<?> container, TargetOptions options, String image, String hint) {
        Containers.quietLogs();
        if (options.reuse()) {
            // Testcontainers reuses a container only when the user's configuration allows it.
            TestcontainersConfiguration.getInstance().updateUserConfig("testcontainers.reuse.enable", "true");
            container.withReuse(true);
        }
        boolean pulled = Containers.imagePresent(image);
        try {
            container.start();
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage().lines().findFirst().orElse("");
            if (!pulled && !Containers.imagePresent(image)) {
                throw new LabException("The image " + image + " is not on this machine and Docker could not pull it ("
                        + why + "). Run 'docker pull " + image + "' where a registry is reachable, pass an image you"
                        + " have with --image, or use --target embedded.", e);
            }
            throw new LabException("The container " + image + " did not start: " + why + hint
                    + ". Pass another image with --image, or use --target embedded.", e);
        }
    }

    /** A container that is not kept (--reuse) takes its resources with it when this command ends. */
    @Override
    public Location location() {
        return reuse ? super.location() : super.location().endingWithThisProcess();
    }

    @Override
    public void close() {
        if (!reuse) {
            container.stop();
        }
    }
}
