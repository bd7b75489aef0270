package io.labrunner.target;

import io.labrunner.core.Capability;
import io.labrunner.core.LabException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * An AWS-compatible endpoint somebody else runs: LocalStack, Floci or a {@code lab emulator}, or
 * one of the containers {@code localstack} and {@code floci} start. Emulators take any key pair.
 */
public class EndpointTarget implements Target {
    private final String name;
    private final URI endpoint;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final Set<Capability> capabilities;
    private final List<String> notices;
    private final Map<Capability, String> faults;

    EndpointTarget(String name, URI endpoint, Region region, AwsCredentialsProvider credentials,
                   Set<Capability> capabilities, List<String> notices) {
        this(name, endpoint, region, credentials, capabilities, notices, Map.of());
    }

    EndpointTarget(String name, URI endpoint, Region region, AwsCredentialsProvider credentials,
                   Set<Capability> capabilities, List<String> notices, Map<Capability, String> faults) {
        this.faults = Map.copyOf(faults);
        this.name = name;
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
        this.capabilities = capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities);
        this.notices = List.copyOf(notices);
    }

    /** Connects to a running endpoint and finds out what it offers. */
    public static EndpointTarget connect(URI endpoint, Region region) {
        CapabilityProbe.requireAnswers(endpoint);
        AwsCredentialsProvider credentials = emulatorCredentials();
        CapabilityProbe.Finding finding = CapabilityProbe.discover(endpoint, region, credentials);
        Set<Capability> offered = EnumSet.noneOf(Capability.class);
        offered.addAll(finding.capabilities());
        // TLS is whatever the endpoint offers: an https URL is TLS, an http one is not.
        if ("https".equalsIgnoreCase(endpoint.getScheme())) {
            offered.add(Capability.TLS);
        }
        return new EndpointTarget("endpoint", endpoint, region, credentials, offered,
                List.of("Target endpoint " + endpoint + ": " + finding.kind() + " offering " + offered), finding.faults());
    }

    /** {@code --endpoint}, else {@code AWS_ENDPOINT_URL}, checked to be an http(s) URL. */
    static URI endpointFrom(TargetOptions options) {
        Optional<URI> given = options.endpoint();
        if (given.isEmpty()) {
            Optional<String> env = options.env("AWS_ENDPOINT_URL");
            if (env.isEmpty()) {
                throw new LabException("--target endpoint needs --endpoint URL (or AWS_ENDPOINT_URL),"
                        + " e.g. --endpoint http://127.0.0.1:4566.");
            }
            try {
                given = Optional.of(new URI(env.get()));
            } catch (URISyntaxException e) {
                throw new LabException("AWS_ENDPOINT_URL is not a URL: " + env.get());
            }
        }
        URI uri = given.get();
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new LabException("The endpoint must be an http:// or https:// URL with a host, e.g."
                    + " http://127.0.0.1:4566; got " + uri + ".");
        }
        return uri;
    }

    static AwsCredentialsProvider emulatorCredentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<URI> endpoint() {
        return Optional.of(endpoint);
    }

    @Override
    public Region region() {
        return region;
    }

    @Override
    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public Map<Capability, String> knownFaults() {
        return faults;
    }

    @Override
    public List<String> notices() {
        return notices;
    }

    @Override
    public void close() {
    }
}
