package io.labrunner.target;

import io.labrunner.core.AwsClients;
import java.util.List;

/** Who the credentials act as: STS GetCallerIdentity and IAM ListAccountAliases. */
public interface AccountLookup {

    String accountId();

    /** The account's aliases (AWS allows at most one). */
    List<String> aliases();

    /** The real lookup, through the SDK. */
    static AccountLookup of(AwsClients clients) {
        return new AccountLookup() {
            @Override
            public String accountId() {
                return clients.sts().getCallerIdentity().account();
            }

            @Override
            public List<String> aliases() {
                return clients.iam().listAccountAliases().accountAliases();
            }
        };
    }
}
