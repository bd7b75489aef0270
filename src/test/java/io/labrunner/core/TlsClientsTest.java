package io.labrunner.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.core.report.LabResult;
import io.labrunner.core.report.Outcome;
import io.labrunner.core.report.RunListener;
import io.labrunner.target.EmbeddedTarget;
import io.labrunner.testing.BucketLab;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;

/**
 * A lab that declares {@link Capability#TLS} runs every phase over TLS, cleanup included, and still has S3 over
 * plain HTTP to show a deny; other labs keep plain HTTP; a target without TLS skips it.
 */
class TlsClientsTest {
    private static final StaticCredentialsProvider TEST_KEYS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    private static EmbeddedTarget target;

    @TempDir
    Path home;

    @BeforeAll
    static void startEmulator() {
        target = EmbeddedTarget.start(null);
    }

    @AfterAll
    static void stopEmulator() {
        target.close();
    }

    /** Writes over TLS, reads the same object back over plain HTTP, and checks which way each client goes. */
    static final class TlsLab implements Lab {
        @Override
        public LabInfo info() {
            return new LabInfo("tls-lab", "Over TLS", "For tests.", "4", "4.3", List.of("Amazon S3"), 1, "$0",
                    Set.of(Capability.S3, Capability.TLS));
        }

        @Override
        public void setup(LabContext ctx) {
            ctx.create(Resource.bucket(ctx.name("data")), () -> ctx.s3().createBucket(b -> b.bucket(ctx.name("data"))));
        }

        @Override
        public void solve(LabContext ctx) {
            ctx.s3().putObject(b -> b.bucket(ctx.name("data")).key("answer.txt"), RequestBody.fromString("42"));
        }

        @Override
        public List<Check> checks() {
            return List.of(Check.of("S3 goes over TLS, and plain HTTP reads what it wrote", ctx -> {
                URI secure = ctx.s3().serviceClientConfiguration().endpointOverride().orElseThrow();
                URI plain = ctx.s3OverPlainHttp().serviceClientConfiguration().endpointOverride().orElseThrow();
                if (!secure.getScheme().equals("https") || !plain.getScheme().equals("http")) {
                    return CheckResult.fail("S3 on " + secure + ", plain S3 on " + plain, "Use TLS.");
                }
                boolean written = ctx.s3OverPlainHttp().listObjectsV2(l -> l.bucket(ctx.name("data"))).keyCount() == 1;
                return written ? CheckResult.pass("read over " + plain) : CheckResult.fail("no answer", "Solve it.");
            }));
        }
    }

    /** Clients whose plain-HTTP endpoint answers nothing: only what goes over TLS reaches the emulator. */
    private static AwsClients onlyTlsAnswers() {
        return new AwsClients(Optional.of(URI.create("http://127.0.0.1:1")), target.region(), TEST_KEYS,
                target.tlsEndpoint());
    }

    private LabRunner runner(AwsClients clients, Set<Capability> offered) {
        return new LabRunner(target.name(), offered, clients, new StateDirectory(home), RunListener.NONE,
                Clock.systemUTC()).at(target.location());
    }

    @Test
    void aLabThatDeclaresTlsRunsSetupSolveChecksAndCleanupOverTls() {
        try (AwsClients clients = onlyTlsAnswers()) {
            LabResult result = runner(clients, target.capabilities()).selfTest(new TlsLab());

            assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.PASSED);
            assertThat(new StateDirectory(home).activeRuns()).isEmpty();
        }
    }

    @Test
    void aLabThatDoesNotDeclareTlsKeepsPlainHttp() {
        try (AwsClients clients = onlyTlsAnswers()) {
            LabResult result = runner(clients, target.capabilities()).run(BucketLab.good(), false);

            // Its plain-HTTP endpoint (port 1) answers nothing: the lab did not go over TLS.
            assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
            assertThat(result.message()).contains("127.0.0.1:1");
        }
    }

    @Test
    void aTargetWithoutTlsSkipsTheLabSayingWhatIsMissing() {
        Set<Capability> noTls = EnumSet.copyOf(target.capabilities());
        noTls.remove(Capability.TLS);
        try (AwsClients clients = new AwsClients(target.endpoint(), target.region(), TEST_KEYS)) {
            LabResult result = runner(clients, noTls).run(new TlsLab(), false);

            assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
            assertThat(result.message()).contains("needs TLS");
        }
    }

    @Test
    void overTlsTrustsOnlyTheEmulatorsCertificateAndIsClosedWithItsParent() {
        AwsClients clients = new AwsClients(target.endpoint(), target.region(), TEST_KEYS, target.tlsEndpoint());
        AwsClients secure = clients.overTls();
        assertThat(secure.endpoint()).contains(target.tlsEndpoint().orElseThrow().endpoint());
        assertThat(secure.overTls()).isSameAs(secure);
        assertThat(clients.overTls()).isSameAs(secure);
        assertThat(secure.sts().getCallerIdentity().account()).isEqualTo("000000000000");
        clients.close();
        assertThatThrownBy(() -> secure.sts().getCallerIdentity()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onAwsClientsAreTlsAlreadyAndPlainS3GoesToTheRegionsHttpEndpoint() {
        try (AwsClients aws = new AwsClients(Optional.empty(), Region.EU_WEST_1, TEST_KEYS);
             AwsClients china = new AwsClients(Optional.empty(), Region.CN_NORTH_1, TEST_KEYS)) {
            assertThat(aws.overTls()).isSameAs(aws);
            assertThat(aws.offersTls()).isTrue();
            assertThat(aws.plainHttpEndpoint()).isEqualTo(URI.create("http://s3.eu-west-1.amazonaws.com"));
            assertThat(china.plainHttpEndpoint()).isEqualTo(URI.create("http://s3.cn-north-1.amazonaws.com.cn"));
        }
    }

    @Test
    void anHttpsEndpointIsTlsAlreadyAndItsPlainS3IsTheSamePortOverHttp() {
        try (AwsClients endpoint = new AwsClients(Optional.of(URI.create("https://localhost.localstack.cloud:4566")),
                Region.US_EAST_1, TEST_KEYS)) {
            assertThat(endpoint.overTls()).isSameAs(endpoint);
            assertThat(endpoint.plainHttpEndpoint()).isEqualTo(URI.create("http://localhost.localstack.cloud:4566"));
        }
    }

    @Test
    void anHttpEndpointWithoutAKnownTlsEndpointSaysSo() {
        try (AwsClients endpoint = new AwsClients(Optional.of(URI.create("http://127.0.0.1:4566")), Region.US_EAST_1,
                TEST_KEYS)) {
            assertThat(endpoint.offersTls()).isFalse();
            assertThatThrownBy(endpoint::overTls).isInstanceOf(LabException.class)
                    .hasMessageContaining("plain HTTP").hasMessageContaining("http://127.0.0.1:4566");
        }
    }
}
