package io.labrunner.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.core.Arns;
import io.labrunner.core.AwsClients;
import io.labrunner.core.AwsResourceTagger;
import io.labrunner.core.Capability;
import io.labrunner.core.Check;
import io.labrunner.core.CheckResult;
import io.labrunner.core.Lab;
import io.labrunner.core.LabContext;
import io.labrunner.core.LabInfo;
import io.labrunner.core.LabRunner;
import io.labrunner.core.StateDirectory;
import io.labrunner.core.report.LabResult;
import io.labrunner.core.report.Outcome;
import io.labrunner.testing.EmbeddedEmulator;
import io.labrunner.core.LabException;
import io.labrunner.core.Ledger;
import io.labrunner.core.Leftovers;
import io.labrunner.core.Location;
import io.labrunner.core.NameFilter;
import io.labrunner.core.Resource;
import io.labrunner.core.ResourceDeleter;
import io.labrunner.core.ResourceDeleter.Deletion;
import io.labrunner.core.ResourceKind;
import io.labrunner.core.ResourceKinds;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;

/**
 * A kind of resource added in one place, the registry, is read from ledgers, tagged, listed as a leftover, found by
 * tag and by name in a sweep, and deleted: nothing else has to know it. The kind is made up, kept in memory.
 */
class AddedKindTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    /** Widgets, a made-up service's resources: name, tags and creation time, in memory. */
    static final class Widgets implements ResourceKind {
        final Map<String, Map<String, String>> tags = new LinkedHashMap<>();
        final Map<String, Instant> created = new LinkedHashMap<>();
        int busyAnswers;
        int deleteCalls;
        java.util.function.BiConsumer<String, Map<String, String>> onDelete = (name, tags) -> { };

        void make(String name, Instant at) {
            tags.put(name, new LinkedHashMap<>());
            created.put(name, at);
        }

        @Override
        public String label() {
            return "Widget";
        }

        @Override
        public String id() {
            return "WIDGET";
        }

        @Override
        public Capability capability() {
            return Capability.STS; // a capability no standard kind is listed under
        }

        @Override
        public List<Listed> list(AwsClients clients, NameFilter names) {
            return created.entrySet().stream().filter(e -> names.matches(e.getKey()))
                    .map(e -> Listed.named(this, e.getKey(), e.getValue())).toList();
        }

        @Override
        public void tag(AwsClients clients, Arns arns, String id, Map<String, String> add) {
            if (!tags.containsKey(id)) {
                throw error("WidgetNotFound", 404);
            }
            tags.get(id).putAll(add);
        }

        @Override
        public Deletion delete(AwsClients clients, String id) {
            deleteCalls++;
            if (busyAnswers > 0) {
                busyAnswers--;
                throw error("WidgetBusy", 400);
            }
            if (!tags.containsKey(id)) {
                throw error("WidgetNotFound", 404);
            }
            onDelete.accept(id, tags.remove(id));
            created.remove(id);
            return Deletion.DELETED;
        }

        @Override
        public boolean isNotFound(AwsServiceException e) {
            return e.awsErrorDetails().errorCode().equals("WidgetNotFound");
        }

        @Override
        public boolean isTransient(AwsServiceException e) {
            return e.awsErrorDetails().errorCode().equals("WidgetBusy");
        }

        @Override
        public Optional<String> fromArn(Arn arn) {
            return arn.service().equals("widgets") && arn.resource().resourceType().filter("widget"::equals).isPresent()
                    ? Optional.of(arn.resource().resource()) : Optional.empty();
        }

        private static AwsServiceException error(String code, int status) {
            return AwsServiceException.builder().statusCode(status)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build()).build();
        }
    }

    private final Widgets widgets = new Widgets();
    private final ResourceKinds kinds = ResourceKinds.standard().with(widgets);
    // Nothing here reaches a service: the widgets live in this test, and no other kind is listed under STS alone.
    private final AwsClients clients = new AwsClients(Optional.of(URI.create("http://127.0.0.1:9")), Region.EU_WEST_1,
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")));

    @AfterEach
    void closeClients() {
        clients.close();
    }

    @Test
    void aLedgerNamesTheAddedKindByItsIdAndOnlyARegistryWithItReadsItBack(@TempDir Path runs) {
        Ledger ledger = Ledger.create(runs, "k3f9x2", "widget-lab",
                Location.of("embedded", Optional.empty(), "eu-west-1"), NOW, NOW.plus(Duration.ofHours(6)));
        ledger.recordPending(Resource.bucket("lab-k3f9x2-data"));
        ledger.confirmCreated(new Resource(widgets, "lab-k3f9x2-w"));

        assertThat(Ledger.load(ledger.file(), kinds).remaining())
                .containsExactly(new Resource(widgets, "lab-k3f9x2-w"), Resource.bucket("lab-k3f9x2-data"));
        assertThatThrownBy(() -> Ledger.load(ledger.file())).isInstanceOf(LabException.class)
                .hasMessageContaining("entries[1].type");
    }

    @Test
    void theTaggerTagsItWithTheKindsOwnCall() {
        widgets.make("lab-k3f9x2-w", NOW);

        new AwsResourceTagger(clients).tag(new Resource(widgets, "lab-k3f9x2-w"), Map.of("lab:run-id", "k3f9x2"));

        assertThat(widgets.tags.get("lab-k3f9x2-w")).containsExactly(Map.entry("lab:run-id", "k3f9x2"));
    }

    @Test
    void leftoversOfARunListItWhereTheTargetOffersItsCapability() {
        widgets.make("lab-k3f9x2-w", NOW);
        widgets.make("lab-p7q8r9-w", NOW);

        assertThat(new Leftovers(clients, Set.of(Capability.STS), kinds).find("k3f9x2"))
                .containsExactly("Widget lab-k3f9x2-w");
        assertThat(new Leftovers(clients, Set.of(Capability.S3_ENCRYPTION), kinds).find("k3f9x2")).isEmpty();
    }

    @Test
    void aSweepFindsItByTagAndByNameAndDeletesIt() {
        widgets.make("lab-k3f9x2-tagged", NOW.minus(Duration.ofDays(1)));
        widgets.make("lab-p7q8r9-named", NOW.minus(Duration.ofDays(1)));
        widgets.make("lab-notes", NOW.minus(Duration.ofDays(1)));
        TaggedResources tags = () -> List.of(new TaggedResources.Tagged(
                "arn:aws:widgets:eu-west-1:111122223333:widget/lab-k3f9x2-tagged",
                Map.of("lab:run-id", "k3f9x2", "lab:expires-at", NOW.minus(Duration.ofHours(1)).toString())));
        Sweeper sweeper = new Sweeper(clients, Set.of(Capability.STS), tags, Clock.fixed(NOW, ZoneOffset.UTC), kinds);

        List<Sweeper.Leftover> found = sweeper.find(Duration.ofHours(6));

        assertThat(found).extracting(Sweeper.Leftover::what, Sweeper.Leftover::foundBy).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Widget lab-k3f9x2-tagged", "tag"),
                org.assertj.core.groups.Tuple.tuple("Widget lab-p7q8r9-named", "name"));
        widgets.busyAnswers = 1; // a transient refusal, retried
        assertThat(sweeper.delete(found)).isEmpty();
        assertThat(widgets.tags).containsOnlyKeys("lab-notes");
    }

    @Test
    void withoutTheKindInTheRegistryItsArnIsReportedNotDeleted() {
        TaggedResources tags = () -> List.of(new TaggedResources.Tagged(
                "arn:aws:widgets:eu-west-1:111122223333:widget/lab-k3f9x2-tagged", Map.of("lab:run-id", "k3f9x2")));
        Sweeper standard = new Sweeper(clients, Set.of(Capability.STS), tags, Clock.fixed(NOW, ZoneOffset.UTC));

        List<Sweeper.Leftover> found = standard.find(Duration.ZERO);

        assertThat(found).singleElement().satisfies(l -> assertThat(l.resource()).isEmpty());
        assertThat(standard.delete(found)).singleElement().asString().contains("cannot delete this kind");
    }

    @Test
    void deletingItTwiceSaysTheSecondTimeThatItWasAlreadyGone() throws InterruptedException {
        widgets.make("lab-k3f9x2-w", NOW);
        ResourceDeleter deleter = new ResourceDeleter(clients);

        assertThat(deleter.delete(new Resource(widgets, "lab-k3f9x2-w"))).isEqualTo(Deletion.DELETED);
        assertThat(deleter.delete(new Resource(widgets, "lab-k3f9x2-w"))).isEqualTo(Deletion.ALREADY_GONE);
    }

    /** Setup makes a widget through the ledger; solve tags it solved, and may also make one the ledger never sees. */
    private final class WidgetLab implements Lab {
        private final boolean forgetsOne;

        WidgetLab(boolean forgetsOne) {
            this.forgetsOne = forgetsOne;
        }

        @Override
        public LabInfo info() {
            return new LabInfo("widget-lab", "A widget", "For tests.", "1", "1.1", List.of("Widgets"), 1, "$0",
                    Set.of(Capability.STS));
        }

        @Override
        public void setup(LabContext ctx) throws Exception {
            String name = ctx.name("w");
            ctx.step("make widget " + name, () -> ctx.create(new Resource(widgets, name), () -> {
                widgets.make(name, Instant.now());
                return name;
            }));
        }

        @Override
        public void solve(LabContext ctx) throws Exception {
            ctx.step("solve", () -> {
                widgets.tags.get(ctx.name("w")).put("solved", "yes");
                if (forgetsOne) {
                    widgets.make(ctx.name("forgotten"), Instant.now());
                }
            });
        }

        @Override
        public List<Check> checks() {
            return List.of(Check.of("the widget is solved", ctx -> "yes".equals(
                    widgets.tags.getOrDefault(ctx.name("w"), Map.of()).get("solved"))
                    ? CheckResult.pass("solved") : CheckResult.fail("not solved", "Solve it.")));
        }
    }

    @Test
    void aLabSelfTestTagsDeletesAndLooksForLeftoversOfTheAddedKind(@TempDir Path home) {
        try (EmbeddedEmulator emulator = new EmbeddedEmulator()) {
            LabRunner runner = emulator.runner(new StateDirectory(home)).knowing(kinds)
                    .taggingWith(new AwsResourceTagger(emulator.clients()));
            Map<String, Map<String, String>> tagsSeen = new LinkedHashMap<>();
            widgets.onDelete = (name, tags) -> tagsSeen.put(name, Map.copyOf(tags));

            LabResult good = runner.selfTest(new WidgetLab(false));

            assertThat(good.outcome()).as(good.message()).isEqualTo(Outcome.PASSED);
            assertThat(widgets.tags).isEmpty();
            assertThat(tagsSeen.values()).singleElement().satisfies(tags -> assertThat(tags)
                    .containsEntry("lab:run-id", good.runId()).containsEntry("lab:lab", "widget-lab"));

            LabResult forgetful = runner.selfTest(new WidgetLab(true));

            assertThat(forgetful.outcome()).isNotEqualTo(Outcome.PASSED);
            assertThat(forgetful.message()).contains("left behind: Widget lab-" + forgetful.runId() + "-forgotten");
        }
    }

    @Test
    void aSecondKindWithTheSameIdIsRefused() {
        assertThatThrownBy(() -> kinds.with(new Widgets())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WIDGET");
    }

    @Test
    void deleteCallsAreCountedSoTheRetryIsSeen() throws InterruptedException {
        widgets.make("lab-k3f9x2-w", NOW);
        widgets.busyAnswers = 2;

        new ResourceDeleter(clients).delete(new Resource(widgets, "lab-k3f9x2-w"));

        assertThat(widgets.deleteCalls).isEqualTo(3);
        assertThat(new ArrayList<>(widgets.tags.keySet())).isEmpty();
    }
}
