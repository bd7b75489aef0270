package io.labrunner.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @TempDir
    Path runs;

    private static Location at(String target) {
        return Location.of(target, java.util.Optional.of(java.net.URI.create("http://127.0.0.1:4566")), "us-east-1");
    }

    @Test
    void aNewLedgerIsOnDiskBeforeAnythingIsCreated() {
        Ledger ledger = Ledger.create(runs, "abc234", "s3-data-formats", at("embedded"), NOW, NOW.plusSeconds(3600));

        assertThat(ledger.file()).exists();
        assertThat(Ledger.load(ledger.file()).labId()).isEqualTo("s3-data-formats");
    }

    @Test
    void aResourceRecordedButNeverConfirmedIsStillCleanedUp() {
        Ledger ledger = Ledger.create(runs, "abc234", "lab", at("embedded"), NOW, NOW);
        ledger.recordPending(Resource.bucket("lab-abc234-data"));

        Ledger afterCrash = Ledger.load(ledger.file());

        assertThat(afterCrash.remaining()).containsExactly(Resource.bucket("lab-abc234-data"));
        assertThat(afterCrash.entries().get(0).state()).isEqualTo(Ledger.State.PENDING);
    }

    @Test
    void remainingResourcesComeNewestFirstAndWithoutDeletedOnes() {
        Ledger ledger = Ledger.create(runs, "abc234", "lab", at("embedded"), NOW, NOW);
        Resource role = Resource.role("lab-abc234-role");
        Resource bucket = Resource.bucket("lab-abc234-data");
        Resource crawler = Resource.crawler("lab-abc234-crawler");
        for (Resource r : new Resource[] {role, bucket, crawler}) {
            ledger.recordPending(r);
            ledger.confirmCreated(r);
        }
        ledger.markDeleted(bucket);

        assertThat(Ledger.load(ledger.file()).remaining()).containsExactly(crawler, role);
    }

    @Test
    void recordingTheSameResourceTwiceKeepsOneEntry() {
        Ledger ledger = Ledger.create(runs, "abc234", "lab", at("embedded"), NOW, NOW);
        ledger.recordPending(Resource.bucket("lab-abc234-data"));
        ledger.confirmCreated(Resource.bucket("lab-abc234-data"));

        assertThat(ledger.entries()).hasSize(1);
        assertThat(ledger.entries().get(0).state()).isEqualTo(Ledger.State.CREATED);
    }

    @Test
    void discardingRemovesTheFileAndTheRunIsNoLongerActive() {
        StateDirectory state = new StateDirectory(runs.getParent().resolve(runs.getFileName() + "-state"));
        Ledger ledger = Ledger.create(state.runs(), "abc234", "lab", at("embedded"), NOW, NOW);
        assertThat(state.activeRuns()).hasSize(1);

        ledger.discard();

        assertThat(Files.exists(ledger.file())).isFalse();
        assertThat(state.activeRuns()).isEmpty();
    }

    @Test
    void theLatestRunIsFoundPerLabAndTarget() {
        StateDirectory state = new StateDirectory(runs);
        Ledger.create(state.runs(), "aaa222", "lab-a", at("embedded"), NOW, NOW);
        Ledger.create(state.runs(), "bbb333", "lab-b", at("embedded"), NOW.plusSeconds(5), NOW);
        Ledger.create(state.runs(), "ccc444", "lab-a", at("aws"), NOW.plusSeconds(9), NOW);

        assertThat(state.latestRun(java.util.Optional.empty(), "embedded").orElseThrow().runId()).isEqualTo("bbb333");
        assertThat(state.latestRun(java.util.Optional.of("lab-a"), "embedded").orElseThrow().runId()).isEqualTo("aaa222");
        assertThat(state.latestRun(java.util.Optional.of("lab-c"), "embedded")).isEmpty();
    }

    @Test
    void theLedgerRecordsWhereTheRunWasMade() {
        Location where = Location.of("aws", java.util.Optional.empty(), "eu-west-1").withAccount("111122223333");
        Ledger ledger = Ledger.create(runs, "abc234", "lab", where, NOW, NOW);

        assertThat(Ledger.load(ledger.file()).location()).isEqualTo(where);
    }

    @Test
    void aLedgerWrittenBeforeLocationsWereRecordedStillLoadsWithTheLocationUnknown() throws Exception {
        Path file = runs.resolve("old111.json");
        Files.writeString(file, "{\n  \"runId\" : \"old111\",\n  \"labId\" : \"lab\",\n  \"target\" : \"embedded\",\n"
                + "  \"startedAt\" : \"2026-11-27T10:00:00Z\",\n  \"expiresAt\" : \"2026-11-27T16:00:00Z\",\n"
                + "  \"entries\" : [ { \"type\" : \"S3_BUCKET\", \"id\" : \"lab-old111-data\", \"state\" : \"CREATED\" } ]\n}");

        Ledger old = Ledger.load(file);

        assertThat(old.location()).isNull();
        assertThat(old.remaining()).containsExactly(Resource.bucket("lab-old111-data"));
    }

    @Test
    void anUnreadableLedgerIsSetAsideWithOneLineAndTheOthersStillLoad() throws Exception {
        StateDirectory state = new StateDirectory(runs);
        Ledger good = Ledger.create(state.runs(), "good22", "lab", at("embedded"), NOW, NOW);
        Files.writeString(state.runs().resolve("bad333.json"), "{\"runId\": \"bad333\", \"entr");
        Files.writeString(state.runs().resolve("half44.json"), "{\"labId\": \"lab\"}");

        assertThat(state.activeRuns()).extracting(Ledger::runId).containsExactly("good22");
        StateDirectory.RunScan scan = state.scanRuns();

        assertThat(scan.runs()).extracting(Ledger::runId).containsExactly(good.runId());
        assertThat(scan.setAside()).hasSize(2).allSatisfy(line -> assertThat(line).doesNotContain("\n")
                .doesNotContain(runs.toString()).contains("moved aside as"));
        assertThat(scan.setAside().get(0)).startsWith("Cannot read the run ledger bad333.json: not JSON: Unexpected end-of-input")
                .doesNotContain("Source").doesNotContain("Stream");
        assertThat(state.runs().resolve("bad333.json.unreadable")).exists();
        assertThat(state.runs().resolve("half44.json.unreadable")).exists();
        assertThat(state.runs().resolve("bad333.json")).doesNotExist();
        assertThat(state.scanRuns().setAside()).isEmpty();
    }

    @Test
    void aLedgerWithAKindOfResourceThisVersionDoesNotKnowIsUnreadableAndSaysWhereWithoutClassNames() throws Exception {
        Path file = runs.resolve("new555.json");
        Files.writeString(file, "{\"runId\":\"new555\",\"labId\":\"lab\",\"target\":\"aws\",\"startedAt\":\"2026-11-27T10:00:00Z\","
                + "\"entries\":[{\"type\":\"BRAKET_QUANTUM_TASK\",\"id\":\"lab-new555-ep\",\"state\":\"CREATED\"}]}");

        assertThatThrownBy(() -> Ledger.load(file)).isInstanceOf(LabException.class)
                .hasMessage("Cannot read the run ledger new555.json: a field is missing or holds what this Lab Runner"
                        + " does not know: entries[0].type");
    }
}
