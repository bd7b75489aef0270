package io.labrunner.target;

import io.labrunner.core.AwsClients;
import io.labrunner.core.Capability;
import io.labrunner.core.Failures;
import io.labrunner.core.NameFilter;
import io.labrunner.core.Resource;
import io.labrunner.core.ResourceDeleter;
import io.labrunner.core.ResourceKind;
import io.labrunner.core.ResourceKinds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds what lab runs left on a target, with or without their ledgers: resources tagged
 * {@code lab:run-id} (through the Resource Groups Tagging API, where the target serves it) and resources whose names
 * follow the runner's {@code lab-<runid>-} pattern (every kind the target offers, which covers untaggable kinds and
 * targets without the Tagging API). Deletes them only when asked.
 */
public final class Sweeper {
    /** A run's tags say when it expires; it started this long before (the runner's time to live). */
    private static final Duration TIME_TO_LIVE = Duration.ofHours(6);

    /**
     * One leftover.
     *
     * @param what      e.g. {@code S3 bucket lab-k3f9x2-data}, or an ARN for kinds without a deleter
     * @param resource  what {@link ResourceDeleter} can delete, if it knows the kind
     * @param startedAt when its run started, if known
     * @param foundBy   {@code tag} or {@code name}
     */
    public record Leftover(String what, Optional<Resource> resource, Optional<Instant> startedAt, String foundBy) {
    }

    private final AwsClients clients;
    private final Set<Capability> capabilities;
    private final TaggedResources tagged;
    private final Clock clock;
    private final ResourceKinds kinds;

    public Sweeper(AwsClients clients, Set<Capability> capabilities, TaggedResources tagged, Clock clock) {
        this(clients, capabilities, tagged, clock, ResourceKinds.standard());
    }

    public Sweeper(AwsClients clients, Set<Capability> capabilities, TaggedResources tagged, Clock clock,
                   ResourceKinds kinds) {
        this.clients = clients;
        this.capabilities = capabilities;
        this.tagged = tagged;
        this.clock = clock;
        this.kinds = kinds;
    }

    /** Leftovers whose runs started more than {@code olderThan} ago (or whose age is unknown). */
    public List<Leftover> find(Duration olderThan) {
        return find(olderThan, notice -> { });
    }

    /**
     * As {@link #find(Duration)}, telling {@code notices} in one line when the target does not serve the Tagging API
     * and leftovers are found by name only.
     */
    public List<Leftover> find(Duration olderThan, Consumer<String> notices) {
        Map<String, Leftover> found = new LinkedHashMap<>();
        try {
            byTag(found);
        } catch (TaggedResources.NotServed e) {
            notices.accept("Target does not serve the Resource Groups Tagging API (" + e.getMessage()
                    + "): leftovers are found by name only.");
        }
        byName(found);
        Instant cutoff = clock.instant().minus(olderThan);
        List<Leftover> old = new ArrayList<>();
        for (Leftover leftover : found.values()) {
            if (leftover.startedAt().map(s -> s.isBefore(cutoff)).orElse(true)) {
                old.add(leftover);
            }
        }
        return old;
    }

    private void byTag(Map<String, Leftover> found) {
        for (TaggedResources.Tagged t : tagged.find()) {
            Optional<Instant> started = Optional.ofNullable(t.tags().get("lab:expires-at")).flatMap(Sweeper::instant)
                    .map(expires -> expires.minus(TIME_TO_LIVE));
            Optional<Resource> resource = kinds.fromArn(t.arn());
            if (resource.filter(r -> r.kind().keptAfterEnding()).isPresent()) {
                continue; // tags find ended jobs too, which AWS keeps for good; running ones are found by name
            }
            String what = resource.map(Resource::toString).orElse(t.arn());
            found.put(what, new Leftover(what, resource, started, "tag"));
        }
    }

    /** Deletes what it can; returns one line per leftover that is still there. */
    public List<String> delete(List<Leftover> leftovers) {
        ResourceDeleter deleter = new ResourceDeleter(clients);
        List<String> problems = new ArrayList<>();
        for (Leftover leftover : leftovers) {
            if (leftover.resource().isEmpty()) {
                problems.add(leftover.what() + ": Lab Runner cannot delete this kind; delete it in the console");
                continue;
            }
            try {
                deleter.delete(leftover.resource().get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                problems.add(leftover.what() + ": interrupted");
                return problems;
            } catch (RuntimeException e) {
                problems.add(leftover.what() + ": " + Failures.describe(e));
            }
        }
        return problems;
    }

    private void byName(Map<String, Leftover> found) {
        NameFilter names = NameFilter.anyRun();
        for (ResourceKind kind : kinds.all()) {
            if (capabilities.contains(kind.capability())) {
                for (ResourceKind.Listed listed : kind.list(clients, names)) {
                    // A tagged resource keeps the age its tags give; the name only adds what tags did not find.
                    Resource resource = listed.resource();
                    found.putIfAbsent(resource.toString(),
                            new Leftover(resource.toString(), Optional.of(resource), listed.created(), "name"));
                }
            }
        }
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
