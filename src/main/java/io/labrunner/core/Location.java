package io.labrunner.core;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a run's resources live, as its ledger records it: enough to tell, before a later command
 * deletes anything, whether it is talking to the same place. A field that is null is unknown.
 *
 * @param target          the target kind: {@code embedded}, {@code endpoint}, {@code localstack}, {@code floci}, {@code aws}
 * @param endpoint        the URL every client talked to; null for AWS's own endpoints
 * @param account         the account id, when the target knows it
 * @param region          the region
 * @param data            for the embedded emulator: the folder that keeps its state across processes
 * @param endsWithProcess the id of the process whose end takes everything with it: a throwaway
 *                        embedded emulator, a container stopped when its command ends
 */
public record Location(String target, String endpoint, String account, String region, String data,
                       Long endsWithProcess) {

    /** A place reached through clients: target kind, endpoint and region, nothing else known. */
    public static Location of(String target, Optional<URI> endpoint, String region) {
        return new Location(target, endpoint.map(URI::toString).orElse(null), null, region, null, null);
    }

    /** The same place, with its account id known. */
    public Location withAccount(String accountId) {
        return new Location(target, endpoint, accountId, region, data, endsWithProcess);
    }

    /** The same place, its state kept in {@code folder} (embedded emulator). */
    public Location withData(Path folder) {
        return new Location(target, endpoint, account, region, folder.toAbsolutePath().normalize().toString(),
                endsWithProcess);
    }

    /** The same place, gone when this process ends. */
    public Location endingWithThisProcess() {
        return new Location(target, endpoint, account, region, data, ProcessHandle.current().pid());
    }

    /** Whether everything here goes away when the process that made it ends. */
    public boolean isThrowaway() {
        return endsWithProcess != null;
    }

    /**
     * Whether {@code other} reaches the same resources. Only what both sides know is compared; the
     * embedded emulator is the same wherever it serves the same data folder, whatever its port.
     */
    public boolean sameAs(Location other) {
        if (!target.equals(other.target) || differ(region, other.region) || differ(account, other.account)) {
            return false;
        }
        if (data != null && other.data != null) {
            return data.equals(other.data);
        }
        return Objects.equals(canonical(endpoint), canonical(other.endpoint));
    }

    /** How a message names it, e.g. {@code endpoint http://127.0.0.1:4566 (us-east-1)}. */
    public String describe() {
        String in = region == null ? "" : " (" + region + ")";
        switch (target) {
            case "aws":
                return "account " + (account == null ? "(unknown)" : account) + " in " + (region == null ? "an unknown region" : region)
                        + (endpoint == null ? "" : " through " + endpoint);
            case "embedded":
                if (isThrowaway()) {
                    return "a throwaway embedded emulator at " + endpoint;
                }
                return data != null ? "the embedded emulator with data in " + data + in
                        : "the embedded emulator at " + endpoint + in;
            case "endpoint":
                return "endpoint " + endpoint + in;
            default:
                return (isThrowaway() ? "a " + target + " container at " : target + " at ") + endpoint + in;
        }
    }

    private static boolean differ(String mine, String theirs) {
        return mine != null && theirs != null && !mine.equals(theirs);
    }

    /**
     * An endpoint as a comparable string: scheme and host in lower case, the default port filled in,
     * no trailing slash, and every loopback name spelled 127.0.0.1 ({@code localhost}, {@code [::1]}).
     */
    static String canonical(String endpoint) {
        if (endpoint == null) {
            return null;
        }
        try {
            URI uri = URI.create(endpoint.strip());
            String scheme = uri.getScheme() == null ? "http" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            if (host.equals("localhost") || host.equals("[::1]") || host.equals("::1") || host.startsWith("127.")) {
                host = "127.0.0.1";
            }
            int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            return scheme + "://" + host + ":" + port + path;
        } catch (IllegalArgumentException e) {
            return endpoint.strip();
        }
    }
}
