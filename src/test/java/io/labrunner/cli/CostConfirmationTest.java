package io.labrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.core.Capability;
import io.labrunner.core.LabException;
import io.labrunner.target.Target;
import io.labrunner.testing.BucketLab;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class CostConfirmationTest {
    private final StringWriter shown = new StringWriter();

    private static final Target ACCOUNT = new Target() {
        @Override
        public String name() {
            return "aws";
        }

        @Override
        public Optional<URI> endpoint() {
            return Optional.empty();
        }

        @Override
        public Region region() {
            return Region.EU_WEST_1;
        }

        @Override
        public AwsCredentialsProvider credentials() {
            return AnonymousCredentialsProvider.create();
        }

        @Override
        public Set<Capability> capabilities() {
            return EnumSet.allOf(Capability.class);
        }

        @Override
        public boolean isRealAccount() {
            return true;
        }

        @Override
        public void close() {
        }
    };

    @Test
    void withoutATerminalAndWithoutYesNothingRuns() {
        // Tests run without a console, as CI does.
        assertThatThrownBy(() -> new CostConfirmation(new PrintWriter(shown, true), false).confirm(ACCOUNT, List.of(BucketLab.good())))
                .isInstanceOf(LabException.class)
                .hasMessage("Not confirmed: this is a real AWS account and there is no terminal to ask on."
                        + " Pass --yes to go ahead (in CI).");
        assertThat(shown.toString()).contains("bucket-lab — Amazon S3 — estimated $0 per run");
    }

    @Test
    void yesShowsTheLabsAndTheirCostThenGoesAhead() {
        new CostConfirmation(new PrintWriter(shown, true), true).confirm(ACCOUNT, List.of(BucketLab.good()));

        assertThat(shown.toString()).contains("region eu-west-1").contains("bucket-lab — Amazon S3 — estimated $0 per run");
    }

    @Test
    void commandsThatCreateNothingNeedNoConfirmation() {
        new CostConfirmation(new PrintWriter(shown, true), false).confirm(ACCOUNT, List.of());

        assertThat(shown.toString()).isEmpty();
    }
}
