package io.labrunner.target;

import io.labrunner.core.Failures;
import io.labrunner.core.LabException;
import java.util.List;
import java.util.Locale;

/**
 * Refuses an account before anything is written to it, as aws-nuke and cloud-nuke do: the account
 * must be on the user's allow-list, and an account whose alias looks like production is refused
 * unless the user listed it explicitly for that too.
 */
public final class AccountGuard {
    private final GuardConfig config;

    public AccountGuard(GuardConfig config) {
        this.config = config;
    }

    /** The account the lookup names, once it has passed; a {@link LabException} saying how to allow it otherwise. */
    public Identity check(AccountLookup lookup) {
        String account;
        try {
            account = lookup.accountId();
        } catch (RuntimeException e) {
            throw new LabException("Cannot tell which AWS account these credentials belong to (STS GetCallerIdentity: "
                    + Failures.describe(e) + "). Check your credentials, e.g. 'aws sts get-caller-identity'.");
        }
        if (!config.allowedAccounts().contains(account)) {
            throw new LabException("AWS account " + account + " is not on your allow-list, so Lab Runner will not"
                    + " touch it. If it is a sandbox account, add 'allowed-accounts=" + account + "' to "
                    + config.file() + " (or set LAB_RUNNER_ALLOWED_ACCOUNTS=" + account + " in CI).");
        }
        List<String> aliases;
        try {
            aliases = lookup.aliases();
        } catch (RuntimeException e) {
            throw new LabException("Cannot read the alias of AWS account " + account + " (IAM ListAccountAliases: "
                    + Failures.describe(e) + "); Lab Runner checks it to stay off production accounts.");
        }
        for (String alias : aliases) {
            String lower = alias.toLowerCase(Locale.ROOT);
            for (String keyword : config.prodKeywords()) {
                if (lower.contains(keyword) && !config.allowProdAlias().contains(account)) {
                    throw new LabException("AWS account " + account + " has the alias '" + alias + "', which contains '"
                            + keyword + "': Lab Runner stays off production accounts. If it really is a sandbox, add"
                            + " 'allow-prod-alias=" + account + "' to " + config.file() + ".");
                }
            }
        }
        return new Identity(account, aliases.isEmpty() ? "" : aliases.get(0));
    }

    /** An account that passed the guard. */
    public record Identity(String accountId, String alias) {
        @Override
        public String toString() {
            return accountId + (alias.isEmpty() ? "" : " (" + alias + ")");
        }
    }
}
