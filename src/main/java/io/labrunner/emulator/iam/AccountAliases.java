package io.labrunner.emulator.iam;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.state.StateMap;
import io.labrunner.emulator.state.StateStore;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The account's alias: at most one, as IAM allows, kept in the state store. */
final class AccountAliases {
    /** IAM's model pattern for AccountAliasType. */
    private static final Pattern ALIAS = Pattern.compile("^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$");
    private static final String KEY = "alias";
    private final StateMap<String> stored;

    AccountAliases(StateStore state) {
        this.stored = state.map("iam.accountAlias", String.class);
    }

    List<String> list() {
        return stored.get(KEY).map(List::of).orElse(List.of());
    }

    synchronized Map<String, Object> create(ObjectNode in) {
        String alias = valid(in);
        String current = stored.get(KEY).orElse(null);
        if (current != null && !current.equals(alias)) {
            throw IamErrors.entityExists("The account alias " + current + " already exists.");
        }
        stored.put(KEY, alias);
        return Map.of();
    }

    synchronized Map<String, Object> delete(ObjectNode in) {
        String alias = valid(in);
        if (!alias.equals(stored.get(KEY).orElse(null))) {
            throw new AwsException("NoSuchEntity", "The account alias " + alias + " cannot be found.", 404);
        }
        stored.remove(KEY);
        return Map.of();
    }

    private static String valid(ObjectNode in) {
        String alias = in.path("AccountAlias").asText(null);
        if (alias == null || !ALIAS.matcher(alias).matches()) {
            throw IamErrors.validation("1 validation error detected: Value '" + alias
                    + "' at 'accountAlias' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + ALIAS.pattern());
        }
        return alias;
    }
}
