package io.labrunner.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocationTest {

    private static Location endpoint(String url, String region) {
        return Location.of("endpoint", Optional.of(URI.create(url)), region);
    }

    @Test
    void anotherPortIsAnotherPlace() {
        assertThat(endpoint("http://127.0.0.1:4566", "us-east-1").sameAs(endpoint("http://127.0.0.1:4599", "us-east-1")))
                .isFalse();
    }

    @Test
    void anotherRegionIsAnotherPlace() {
        assertThat(endpoint("http://127.0.0.1:4566", "us-east-1").sameAs(endpoint("http://127.0.0.1:4566", "eu-west-1")))
                .isFalse();
    }

    @Test
    void loopbackNamesATrailingSlashAndTheDefaultPortAreTheSamePlace() {
        assertThat(endpoint("http://localhost:4566/", "us-east-1").sameAs(endpoint("http://127.0.0.1:4566", "us-east-1")))
                .isTrue();
        assertThat(endpoint("http://[::1]:4566", "us-east-1").sameAs(endpoint("http://127.0.0.1:4566", "us-east-1")))
                .isTrue();
        assertThat(endpoint("http://emu.example:80", "us-east-1").sameAs(endpoint("http://EMU.example", "us-east-1")))
                .isTrue();
    }

    @Test
    void anotherAccountIsAnotherPlaceButAnUnknownOneIsNotHeldAgainstIt() {
        Location aws = Location.of("aws", Optional.empty(), "eu-west-1").withAccount("111122223333");

        assertThat(aws.sameAs(Location.of("aws", Optional.empty(), "eu-west-1").withAccount("444455556666"))).isFalse();
        assertThat(aws.sameAs(Location.of("aws", Optional.empty(), "eu-west-1"))).isTrue();
        assertThat(aws.sameAs(Location.of("aws", Optional.empty(), "us-east-1").withAccount("111122223333"))).isFalse();
    }

    @Test
    void theEmbeddedEmulatorIsTheSameWhereverItServesTheSameDataWhateverItsPort(@org.junit.jupiter.api.io.TempDir Path home) {
        Location started = Location.of("embedded", Optional.of(URI.create("http://127.0.0.1:40001")), "us-east-1")
                .withData(home.resolve("emulator"));
        Location served = Location.of("embedded", Optional.of(URI.create("http://127.0.0.1:4566")), "us-east-1")
                .withData(home.resolve("other/../emulator"));
        Location elsewhere = Location.of("embedded", Optional.of(URI.create("http://127.0.0.1:40001")), "us-east-1")
                .withData(home.resolve("my-data"));

        assertThat(started.sameAs(served)).isTrue();
        assertThat(started.sameAs(elsewhere)).isFalse();
    }

    @Test
    void anotherTargetKindIsAnotherPlace() {
        assertThat(endpoint("http://127.0.0.1:4566", "us-east-1")
                .sameAs(Location.of("localstack", Optional.of(URI.create("http://127.0.0.1:4566")), "us-east-1"))).isFalse();
    }

    @Test
    void aPlaceDescribesItselfForOneLineMessages() {
        assertThat(endpoint("http://127.0.0.1:4566", "us-east-1").describe()).isEqualTo("endpoint http://127.0.0.1:4566 (us-east-1)");
        assertThat(Location.of("aws", Optional.empty(), "eu-west-1").withAccount("111122223333").describe())
                .isEqualTo("account 111122223333 in eu-west-1");
    }
}
