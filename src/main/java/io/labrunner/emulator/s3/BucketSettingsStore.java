package io.labrunner.emulator.s3;

import io.labrunner.emulator.iam.access.BucketPolicies;
import io.labrunner.emulator.iam.policy.PolicyDocument;
import io.labrunner.emulator.iam.policy.PolicyKind;
import io.labrunner.emulator.iam.policy.SourcedPolicy;
import io.labrunner.emulator.state.StateMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Each bucket's {@link BucketSettings}, kept in the emulator's state so they survive a restart, and read on
 * every request from memory. A policy is parsed once, when put (or at start), not per request.
 */
final class BucketSettingsStore implements BucketPolicies {
    private final StateMap<BucketSettings> state;
    private final Map<String, BucketSettings> settings = new ConcurrentHashMap<>();
    private final Map<String, SourcedPolicy> policies = new ConcurrentHashMap<>();

    BucketSettingsStore(StateMap<BucketSettings> state) {
        this.state = state;
        state.entries().forEach(this::remember);
    }

    /** The bucket's settings; {@link BucketSettings#NONE} when none were kept. */
    BucketSettings get(String bucket) {
        return settings.getOrDefault(bucket, BucketSettings.NONE);
    }

    @Override
    public Optional<SourcedPolicy> of(String bucket) {
        return Optional.ofNullable(policies.get(bucket));
    }

    /** Changes the bucket's settings; concurrent changes to one bucket apply one after the other. */
    BucketSettings update(String bucket, UnaryOperator<BucketSettings> change) {
        BucketSettings changed = settings.compute(bucket,
                (b, old) -> change.apply(old == null ? BucketSettings.NONE : old));
        state.put(bucket, changed);
        remember(bucket, changed);
        return changed;
    }

    /** A bucket was just created: S3's defaults for a new bucket, whatever an older bucket of that name had. */
    void created(String bucket) {
        update(bucket, old -> BucketSettings.NEW_BUCKET);
    }

    /** A bucket was deleted: its settings go with it. */
    void deleted(String bucket) {
        settings.remove(bucket);
        policies.remove(bucket);
        state.remove(bucket);
    }

    private void remember(String bucket, BucketSettings value) {
        settings.put(bucket, value);
        if (value.policy() == null) {
            policies.remove(bucket);
        } else {
            policies.put(bucket, new SourcedPolicy("BucketPolicy", "resource",
                    PolicyDocument.parse(value.policy(), PolicyKind.RESOURCE)));
        }
    }
}
