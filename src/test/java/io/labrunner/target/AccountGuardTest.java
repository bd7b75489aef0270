package io.labrunner.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.core.LabException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guard's rules, with the account looked up by a stand-in. */
class AccountGuardTest {
    private static final Path FILE = Path.of("config.properties");

    private static AccountLookup account(String id, String... aliases) {
        return new AccountLookup() {
            @Override
            public String accountId() {
                return id;
            }

            @Override
            public List<String> aliases() {
                return List.of(aliases);
            }
        };
    }

    private static GuardConfig allowing(String... accounts) {
        return new GuardConfig(FILE, Set.of(accounts), List.of("prod"), Set.of());
    }

    @Test
    void anAllowListedAccountPasses() {
        AccountGuard.Identity identity = new AccountGuard(allowing("111122223333")).check(account("111122223333", "team-sandbox"));

        assertThat(identity.accountId()).isEqualTo("111122223333");
        assertThat(identity).hasToString("111122223333 (team-sandbox)");
    }

    @Test
    void anAccountNotOnTheAllowListIsRefusedWithItsIdAndHowToAllowIt() {
        assertThatThrownBy(() -> new AccountGuard(allowing("111122223333")).check(account("999988887777")))
                .isInstanceOf(LabException.class)
                .hasMessageContaining("AWS account 999988887777 is not on your allow-list")
                .hasMessageContaining("allowed-accounts=999988887777")
                .hasMessageContaining("LAB_RUNNER_ALLOWED_ACCOUNTS=999988887777")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anEmptyAllowListRefusesEveryAccount() {
        assertThatThrownBy(() -> new AccountGuard(allowing()).check(account("111122223333")))
                .isInstanceOf(LabException.class);
    }

    @Test
    void anAliasContainingProdIsRefusedEvenWhenAllowListed() {
        assertThatThrownBy(() -> new AccountGuard(allowing("111122223333")).check(account("111122223333", "acme-PROD-data")))
                .isInstanceOf(LabException.class)
                .hasMessageContaining("alias 'acme-PROD-data', which contains 'prod'")
                .hasMessageContaining("allow-prod-alias=111122223333");
    }

    @Test
    void aProdAliasPassesOnlyForAnAccountListedForIt() {
        GuardConfig config = new GuardConfig(FILE, Set.of("111122223333"), List.of("prod"), Set.of("111122223333"));

        assertThat(new AccountGuard(config).check(account("111122223333", "product-sandbox")).alias())
                .isEqualTo("product-sandbox");
    }

    @Test
    void theKeywordsAreConfigurable() {
        GuardConfig config = new GuardConfig(FILE, Set.of("111122223333"), List.of("live"), Set.of());

        assertThat(new AccountGuard(config).check(account("111122223333", "prod-like-sandbox")).accountId())
                .isEqualTo("111122223333");
        assertThatThrownBy(() -> new AccountGuard(config).check(account("111122223333", "shop-live")))
                .hasMessageContaining("contains 'live'");
    }

    @Test
    void configComesFromTheFileAndTheEnvironment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lab-runner/config.properties");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "allowed-accounts=111122223333, 444455556666\nprod-keywords=prod,live\nallow-prod-alias=444455556666\n");

        GuardConfig config = GuardConfig.load(file, Map.of("LAB_RUNNER_ALLOWED_ACCOUNTS", "777788889999"));

        assertThat(config.allowedAccounts()).containsExactlyInAnyOrder("111122223333", "444455556666", "777788889999");
        assertThat(config.prodKeywords()).containsExactly("prod", "live");
        assertThat(config.allowProdAlias()).containsExactly("444455556666");
    }

    @Test
    void theConfigFileLivesInTheUsersConfigFolder() {
        assertThat(GuardConfig.defaultFile(Map.of("XDG_CONFIG_HOME", "/home/u/.cfg")))
                .isEqualTo(Path.of("/home/u/.cfg/lab-runner/config.properties"));
        assertThat(GuardConfig.defaultFile(Map.of()))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".config", "lab-runner", "config.properties"));
    }

    @Test
    void withoutAFileOnlyTheDefaultProdKeywordApplies(@TempDir Path dir) {
        GuardConfig config = GuardConfig.load(dir.resolve("missing.properties"), Map.of());

        assertThat(config.allowedAccounts()).isEmpty();
        assertThat(config.prodKeywords()).containsExactly("prod");
    }
}
