package io.labrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.Ledger;
import io.labrunner.core.Location;
import io.labrunner.core.StateDirectory;
import io.labrunner.testing.NamesLab;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunEnvironmentTest {
    @TempDir
    Path home;

    private Ledger run(Location where) {
        return Ledger.create(home.resolve("runs"), "k3f9x2", NamesLab.ID, where, Instant.now(), Instant.now().plusSeconds(60));
    }

    @Test
    void onAwsTheEndpointIsEmptyAndAnEarlierEndpointUrlIsUnset() {
        RunEnvironment env = RunEnvironment.of(new NamesLab(),
                run(Location.of("aws", Optional.empty(), "eu-west-1").withAccount("123456789012")), new StateDirectory(home));

        assertThat(env.exports()).contains("export BUCKET=lab-k3f9x2-data\n", "export ENDPOINT=''\n",
                "unset AWS_ENDPOINT_URL\n", "export AWS_DEFAULT_REGION=eu-west-1\n", "export AWS_PAGER=''\n")
                .doesNotContain("AWS_ACCESS_KEY_ID");
    }

    @Test
    void onLocalStackTheEndpointAndTheKeyPairAreSet() {
        RunEnvironment env = RunEnvironment.of(new NamesLab(),
                run(Location.of("localstack", Optional.of(URI.create("http://127.0.0.1:4567")), "us-east-1")),
                new StateDirectory(home));

        assertThat(env.all()).containsEntry("ENDPOINT", "--endpoint-url http://127.0.0.1:4567")
                .containsEntry("AWS_ENDPOINT_URL", "http://127.0.0.1:4567").containsEntry("AWS_ACCESS_KEY_ID", "test");
    }

    @Test
    void anEmbeddedRunWithNoEmulatorServingSaysSoAndKeepsWhereItServed() {
        RunEnvironment env = RunEnvironment.of(new NamesLab(),
                run(Location.of("embedded", Optional.of(URI.create("http://127.0.0.1:4999")), "us-east-1")
                        .withData(home.resolve("emulator"))), new StateDirectory(home));

        assertThat(env.note()).contains("No lab emulator serves this run right now");
        assertThat(env.all()).containsEntry("AWS_ENDPOINT_URL", "http://127.0.0.1:4999");
    }

    @Test
    void valuesAreQuotedOnlyWhereTheShellNeedsIt() {
        assertThat(RunEnvironment.quote("lab-k3f9x2-data")).isEqualTo("lab-k3f9x2-data");
        assertThat(RunEnvironment.quote("--endpoint-url http://x")).isEqualTo("'--endpoint-url http://x'");
        assertThat(RunEnvironment.quote("it's $HOME")).isEqualTo("'it'\\''s $HOME'");
        assertThat(RunEnvironment.quote("")).isEqualTo("''");
    }

    @Test
    void fillReplacesTheRunIdAndWholeNamesOnly() {
        RunEnvironment env = RunEnvironment.of(new NamesLab(),
                run(Location.of("aws", Optional.empty(), "us-east-1")), new StateDirectory(home));

        assertThat(env.fill("lab-<run id>-x $BUCKET ${PREFIX}a $BUCKET_OLD $ENDPOINT"))
                .isEqualTo("lab-k3f9x2-x lab-k3f9x2-data in/a $BUCKET_OLD $ENDPOINT");
    }
}
