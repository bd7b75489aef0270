package io.labrunner.target;

import io.labrunner.core.AwsClients;
import io.labrunner.core.Capability;
import io.labrunner.core.LabException;
import io.labrunner.core.Location;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * A real AWS account, through the SDK's default credential and region chains ({@code --profile},
 * {@code --region}). Opening it runs the {@link AccountGuard} before anything can be written.
 */
public final class AwsTarget implements Target {
    private final Optional<URI> endpoint;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final AccountGuard.Identity identity;

    private AwsTarget(Optional<URI> endpoint, Region region, AwsCredentialsProvider credentials, AccountGuard.Identity identity) {
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
        this.identity = identity;
    }

    /** Resolves credentials and region from the options and the SDK chains, then guards the account. */
    static AwsTarget open(TargetOptions options) {
        AwsCredentialsProvider credentials = options.profile().isPresent()
                ? DefaultCredentialsProvider.builder().profileName(options.profile().get()).build()
                : DefaultCredentialsProvider.builder().build();
        try {
            credentials.resolveCredentials();
        } catch (RuntimeException e) {
            throw new LabException("No AWS credentials found" + options.profile().map(p -> " for profile " + p).orElse("")
                    + ". Configure them (aws configure, aws sso login, or AWS_PROFILE) and try again.");
        }
        Region region = options.region().map(Region::of).orElseGet(() -> defaultRegion(options.profile()));
        GuardConfig config = GuardConfig.load(GuardConfig.defaultFile(options.env()), options.env());
        return guarded(Optional.empty(), region, credentials, new AccountGuard(config), AccountLookup::of);
    }

    /**
     * Guards the account and returns the target. {@code endpoint} is empty for AWS itself; tests
     * point it at an emulator and may look the account up their own way.
     */
    static AwsTarget guarded(Optional<URI> endpoint, Region region, AwsCredentialsProvider credentials, AccountGuard guard,
                             Function<AwsClients, AccountLookup> lookup) {
        try (AwsClients clients = new AwsClients(endpoint, region, credentials)) {
            AccountGuard.Identity identity = guard.check(lookup.apply(clients));
            return new AwsTarget(endpoint, region, credentials, identity);
        }
    }

    private static Region defaultRegion(Optional<String> profile) {
        try {
            DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
            profile.ifPresent(chain::profileName);
            return chain.build().getRegion();
        } catch (RuntimeException e) {
            throw new LabException("No AWS region configured. On a real account Lab Runner never guesses one: pass"
                    + " --region (e.g. --region eu-west-1) or set AWS_REGION.");
        }
    }

    public AccountGuard.Identity identity() {
        return identity;
    }

    @Override
    public String name() {
        return "aws";
    }

    @Override
    public Optional<URI> endpoint() {
        return endpoint;
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
        return EnumSet.allOf(Capability.class);
    }

    @Override
    public Location location() {
        return Target.super.location().withAccount(identity.accountId());
    }

    @Override
    public boolean isRealAccount() {
        return true;
    }

    @Override
    public List<String> notices() {
        return List.of("Target aws: account " + identity + " in " + region.id() + " — real resources, real cost.");
    }

    @Override
    public void close() {
    }
}
