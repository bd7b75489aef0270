package io.labrunner.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.core.AwsClients;
import io.labrunner.core.LabException;
import io.labrunner.core.LabRunner;
import io.labrunner.core.Resource;
import io.labrunner.core.StateDirectory;
import io.labrunner.core.report.LabResult;
import io.labrunner.core.report.Outcome;
import io.labrunner.core.report.RunListener;
import io.labrunner.emulator.Emulator;
import io.labrunner.testing.BucketLab;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/**
 * The real-account target's guard against the embedded emulator standing in for AWS: the account
 * comes from the emulator's STS GetCallerIdentity (000000000000), its alias from IAM
 * ListAccountAliases or a stand-in that names one.
 */
class AwsTargetOnEmulatorTest {
    private static final Path FILE = Path.of("config.properties");

    @TempDir
    Path home;

    private static Emulator emulator;
    private static AwsClients clients;

    @BeforeAll
    static void startEmulator() {
        emulator = Emulator.builder().port(0).build().start();
        clients = new AwsClients(Optional.of(emulator.getEndpoint()), Region.of(emulator.getRegion()),
                EndpointTarget.emulatorCredentials());
    }

    @AfterAll
    static void stopEmulator() {
        clients.close();
        emulator.close();
    }

    private static Function<AwsClients, AccountLookup> stsWithAliases(String... aliases) {
        return c -> new AccountLookup() {
            @Override
            public String accountId() {
                return AccountLookup.of(c).accountId();
            }

            @Override
            public List<String> aliases() {
                return List.of(aliases);
            }
        };
    }

    private AwsTarget open(GuardConfig config, Function<AwsClients, AccountLookup> lookup) {
        return AwsTarget.guarded(Optional.of(emulator.getEndpoint()), Region.of(emulator.getRegion()),
                EndpointTarget.emulatorCredentials(), new AccountGuard(config), lookup);
    }

    private LabResult runBucketLab(Target target) {
        try (AwsClients targetClients = new AwsClients(target.endpoint(), target.region(), target.credentials())) {
            return new LabRunner(target.name(), target.capabilities(), targetClients, new StateDirectory(home),
                    RunListener.NONE, Clock.systemUTC()).run(BucketLab.good(), false);
        }
    }

    @Test
    void anAllowListedAccountProceedsAndTheLabRuns() {
        AwsTarget target = open(new GuardConfig(FILE, Set.of(Emulator.ACCOUNT_ID), List.of("prod"), Set.of()),
                stsWithAliases("lab-sandbox"));

        assertThat(target.identity().accountId()).isEqualTo(Emulator.ACCOUNT_ID);
        assertThat(target.isRealAccount()).isTrue();
        assertThat(target.notices()).singleElement().asString().contains("000000000000 (lab-sandbox)");
        assertThat(runBucketLab(target).outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void anAccountNotAllowListedIsRefusedBeforeAnyWrite() {
        GuardConfig config = new GuardConfig(FILE, Set.of("111122223333"), List.of("prod"), Set.of());

        assertThatThrownBy(() -> runBucketLab(open(config, stsWithAliases())))
                .isInstanceOf(LabException.class)
                .hasMessageContaining("AWS account 000000000000 is not on your allow-list");
        assertThat(clients.s3().listBuckets().buckets()).isEmpty();
        assertThat(new StateDirectory(home).activeRuns()).isEmpty();
    }

    @Test
    void anAliasWithProdIsRefusedBeforeAnyWrite() {
        GuardConfig config = new GuardConfig(FILE, Set.of(Emulator.ACCOUNT_ID), List.of("prod"), Set.of());

        assertThatThrownBy(() -> runBucketLab(open(config, stsWithAliases("acme-prod"))))
                .isInstanceOf(LabException.class)
                .hasMessageContaining("alias 'acme-prod'");
        assertThat(clients.s3().listBuckets().buckets()).isEmpty();
    }

    @Test
    void theAliasComesFromTheEmulatorsIamListAccountAliases() {
        AwsTarget target = open(new GuardConfig(FILE, Set.of(Emulator.ACCOUNT_ID), List.of("prod"), Set.of()),
                AccountLookup::of);

        assertThat(target.identity().accountId()).isEqualTo(Emulator.ACCOUNT_ID);
        assertThat(target.identity().alias()).isEmpty();
    }

    @Test
    void whenTheAliasCannotBeReadTheAccountIsRefused() {
        GuardConfig config = new GuardConfig(FILE, Set.of(Emulator.ACCOUNT_ID), List.of("prod"), Set.of());
        Function<AwsClients, AccountLookup> noIam = c -> new AccountLookup() {
            @Override
            public String accountId() {
                return AccountLookup.of(c).accountId();
            }

            @Override
            public List<String> aliases() {
                throw new IllegalStateException("iam:ListAccountAliases denied");
            }
        };

        // Not being allowed to read the alias must not pass for "no alias".
        assertThatThrownBy(() -> open(config, noIam))
                .isInstanceOf(LabException.class)
                .hasMessageContaining("Cannot read the alias of AWS account 000000000000");
        assertThat(clients.s3().listBuckets().buckets()).isEmpty();
    }

    @Test
    void everyCreatedResourceIsTaggedWithTheRunTagsRightAfterItsCreation() {
        AwsTarget target = open(new GuardConfig(FILE, Set.of(Emulator.ACCOUNT_ID), List.of("prod"), Set.of()),
                stsWithAliases());
        Map<Resource, Map<String, String>> tagged = new LinkedHashMap<>();
        try (AwsClients targetClients = new AwsClients(target.endpoint(), target.region(), target.credentials())) {
            // S3Proxy answers PutBucketTagging with 501 NotImplemented, so the call itself is recorded here.
            LabRunner runner = new LabRunner(target.name(), target.capabilities(), targetClients, new StateDirectory(home),
                    RunListener.NONE, Clock.systemUTC()).taggingWith((resource, tags) -> {
                        assertThat(targetClients.s3().headBucket(r -> r.bucket(resource.id()))).isNotNull();
                        tagged.put(resource, tags);
                    });

            LabResult result = runner.run(BucketLab.good(), false);

            assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.PASSED);
            Map<String, String> tags = tagged.get(Resource.bucket("lab-" + result.runId() + "-data"));
            assertThat(tags).containsEntry("lab:run-id", result.runId()).containsEntry("lab:lab", "bucket-lab")
                    .containsKey("lab:expires-at");
        }
    }
}
