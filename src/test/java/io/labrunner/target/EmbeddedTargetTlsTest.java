package io.labrunner.target;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.AwsClients;
import io.labrunner.core.Capability;
import io.labrunner.emulator.Emulator;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/** The embedded target offers TLS: its own emulator's, or a running one's found by its data folder. */
class EmbeddedTargetTlsTest {

    @Test
    void attachingToARunningEmulatorFindsItsCertificateInItsDataFolder(@TempDir Path data) {
        try (Emulator running = Emulator.builder().port(0).dataDir(data).build().start()) {
            EmbeddedTarget attached = EmbeddedTarget.attach(running.getEndpoint(), Region.US_EAST_1, Optional.of(data));

            assertThat(attached.capabilities()).contains(Capability.TLS);
            assertThat(attached.tlsEndpoint()).get().satisfies(tls -> {
                assertThat(tls.endpoint()).isEqualTo(running.getHttpsEndpoint());
                assertThat(tls.certificate()).isEqualTo(running.getCertificatePem());
            });
            try (AwsClients clients = new AwsClients(attached.endpoint(), attached.region(), attached.credentials(),
                    attached.tlsEndpoint())) {
                assertThat(clients.overTls().sts().getCallerIdentity().account()).isEqualTo(Emulator.ACCOUNT_ID);
            }
        }
    }

    @Test
    void anEmulatorWhoseDataFolderIsUnknownOffersNoTls(@TempDir Path data) {
        try (Emulator running = Emulator.builder().port(0).dataDir(data).build().start()) {
            EmbeddedTarget attached = EmbeddedTarget.attach(running.getEndpoint(), Region.US_EAST_1, Optional.empty());

            assertThat(attached.capabilities()).doesNotContain(Capability.TLS).contains(Capability.S3);
            assertThat(attached.tlsEndpoint()).isEmpty();
        }
    }

    @Test
    void anEmulatorStartedInProcessOffersTls() {
        try (EmbeddedTarget target = EmbeddedTarget.start(null)) {
            assertThat(target.capabilities()).contains(Capability.TLS);
            assertThat(target.tlsEndpoint()).get().extracting(tls -> tls.endpoint().getScheme()).isEqualTo("https");
        }
    }
}
