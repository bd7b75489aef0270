package io.labrunner.emulator.sagemaker;

import io.labrunner.emulator.state.StateMap;
import io.labrunner.emulator.state.StateStore;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tags of every SageMaker resource, by ARN: written by the Create operations' {@code Tags} and by
 * AddTags, read by ListTags, dropped when the resource is deleted. Kept across restarts.
 */
public final class ResourceTags {
    private final StateMap<TagSet> byArn;

    public ResourceTags(StateStore state) {
        this.byArn = state.map("sagemaker.tags", TagSet.class);
    }

    /** Adds or overwrites tags on {@code arn}. */
    public synchronized void put(String arn, Map<String, String> tags) {
        LinkedHashMap<String, String> merged = of(arn);
        merged.putAll(tags);
        byArn.put(arn, new TagSet(merged));
    }

    /** The tags on {@code arn}, in the order they were added; empty for an untagged or unknown ARN. */
    public LinkedHashMap<String, String> of(String arn) {
        return byArn.get(arn).map(set -> new LinkedHashMap<>(set.tags())).orElseGet(LinkedHashMap::new);
    }

    /** Removes the given keys from {@code arn}'s tags. */
    public synchronized void remove(String arn, Iterable<String> keys) {
        LinkedHashMap<String, String> left = of(arn);
        keys.forEach(left::remove);
        byArn.put(arn, new TagSet(left));
    }

    /** Every tagged (or once tagged) resource's tags, by ARN. */
    public synchronized Map<String, Map<String, String>> all() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        byArn.entries().forEach((arn, set) -> out.put(arn, set.tags()));
        return out;
    }

    /** Forgets every tag of a deleted resource. */
    public synchronized void forget(String arn) {
        byArn.remove(arn);
    }

    /** One resource's tags, in the order they were added. */
    record TagSet(LinkedHashMap<String, String> tags) {
    }
}
