package io.labrunner.emulator.iam.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request as the evaluator sees it: the action, the resource's ARN ({@code *} when the simulator is
 * asked about all resources), the calling principal, and the request context's keys. Key names compare
 * case-insensitively, values case-sensitively (IAM User Guide, "IAM JSON policy elements: Condition").
 */
public final class RequestContext {
    private final String action;
    private final String actionLower;
    private final String resource;
    private final String[] resourceParts;
    private final String principal;
    private final Map<String, List<String>> keys;

    private RequestContext(Builder b) {
        this.action = b.action;
        this.actionLower = b.action.toLowerCase(Locale.ROOT);
        this.resource = b.resource;
        this.resourceParts = ArnPattern.split(b.resource).toArray(String[]::new);
        this.principal = b.principal;
        this.keys = Map.copyOf(b.keys);
    }

    /** A request for {@code action} (e.g. {@code s3:GetObject}) on {@code resource} (an ARN, or {@code *}). */
    public static Builder builder(String action, String resource) {
        return new Builder(action, resource);
    }

    public String action() {
        return action;
    }

    String actionLowerCase() {
        return actionLower;
    }

    public String resource() {
        return resource;
    }

    String[] resourceParts() {
        return resourceParts;
    }

    /** The caller: an IAM or STS ARN, a service principal such as {@code glue.amazonaws.com}, or null. */
    public String principal() {
        return principal;
    }

    /** The values of a context key, or null when the request lacks it. */
    public List<String> values(String key) {
        return keys.get(key.toLowerCase(Locale.ROOT));
    }

    List<String> valuesLowerCase(String lowerCaseKey) {
        return keys.get(lowerCaseKey);
    }

    /** Builds a {@link RequestContext}. */
    public static final class Builder {
        private final String action;
        private final String resource;
        private String principal;
        private final Map<String, List<String>> keys = new HashMap<>();

        private Builder(String action, String resource) {
            this.action = action;
            this.resource = resource;
        }

        public Builder principal(String arn) {
            this.principal = arn;
            return this;
        }

        /** Adds values to a context key (a multivalued key, such as aws:TagKeys, takes several). */
        public Builder key(String name, List<String> values) {
            keys.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values);
            return this;
        }

        public Builder key(String name, String... values) {
            return key(name, List.of(values));
        }

        public RequestContext build() {
            keys.replaceAll((k, v) -> List.copyOf(v));
            return new RequestContext(this);
        }
    }
}
