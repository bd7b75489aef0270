package io.labrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.core.report.CheckOutcome;
import io.labrunner.core.report.LabResult;
import io.labrunner.core.report.Outcome;
import io.labrunner.core.report.PhaseResult;
import io.labrunner.core.report.RunReport;
import io.labrunner.core.report.StepResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ReportsTest {
    private static final Duration MS = Duration.ofMillis(12);

    private final RunReport report = new RunReport(List.of(
            new LabResult("lab-a", "Lab A", "abc234", "embedded", "run", Outcome.FAILED, "",
                    List.of(new PhaseResult("setup", List.of(new StepResult("create bucket", true, MS, "")), true, MS, "")),
                    List.of(new CheckOutcome("objects exist", "after solve", true, true, "4 objects", List.of(), MS),
                            new CheckOutcome("parquet is small", "after solve", false, true, "CSV 10 < Parquet 20",
                                    List.of("Write Parquet with Snappy <compression>"), MS)),
                    List.of("format  bytes"), Duration.ofSeconds(2)),
            new LabResult("lab-b", "Lab B", "", "embedded", "run", Outcome.SKIPPED, "needs [GLUE_CRAWLER]",
                    List.of(), List.of(), List.of(), Duration.ZERO)),
            Duration.ofSeconds(3));

    @Test
    void junitHasATestCasePerCheckAFailureWithTheHintAndSkippedLabs(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("reports/labs.xml");

        JUnitReport.write(report, file);

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        assertThat(xml.getElementsByTagName("testsuite").getLength()).isEqualTo(2);
        assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(3);
        assertThat(xml.getElementsByTagName("failure").item(0).getAttributes().getNamedItem("message").getNodeValue())
                .isEqualTo("Write Parquet with Snappy <compression>");
        assertThat(xml.getElementsByTagName("skipped").item(0).getAttributes().getNamedItem("message").getNodeValue())
                .isEqualTo("needs [GLUE_CRAWLER]");
        assertThat(Files.readString(file)).contains("failures=\"1\"");
    }

    @Test
    void jsonCarriesSummaryChecksHintsAndSkipReasons() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(report));

        assertThat(json.at("/summary/failed").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/skipped").asInt()).isEqualTo(1);
        assertThat(json.at("/labs/0/checks/1/hint").asText()).isEqualTo("Write Parquet with Snappy <compression>");
        assertThat(json.at("/labs/0/checks/1/ok").asBoolean()).isFalse();
        assertThat(json.at("/labs/0/phases/0/steps/0/name").asText()).isEqualTo("create bucket");
        assertThat(json.at("/labs/1/skipReason").asText()).isEqualTo("needs [GLUE_CRAWLER]");
    }

    private static final String FAULT = "Floci routes a record by its partition key's Java hash over all shards";

    private final RunReport onFloci = new RunReport(List.of(
            new LabResult("kinesis-streams", "Kinesis", "abc234", "floci", "run", Outcome.PASSED, "", List.of(),
                    List.of(CheckOutcome.skipped("each device in order", "after solve", true,
                                    "needs KINESIS_RESHARD_LINEAGE, which target floci does not emulate", FAULT),
                            CheckOutcome.skipped("throttling met", "after solve", true,
                                    "needs KINESIS_SHARD_LIMITS, which target floci does not emulate")),
                    List.of(), Duration.ofSeconds(1))), Duration.ofSeconds(1));

    @Test
    void aCheckSkippedForABackendsKnownFaultIsMarkedApartFromAPlainSkipInJson() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(onFloci));

        assertThat(json.at("/labs/0/checks/0/backendFault").asText()).isEqualTo(FAULT);
        assertThat(json.at("/labs/0/checks/0/skipped").asText()).startsWith("needs KINESIS_RESHARD_LINEAGE");
        assertThat(json.at("/labs/0/checks/1/backendFault").isMissingNode()).isTrue();
        assertThat(json.at("/summary/failed").asInt()).isZero();
    }

    @Test
    void aCheckSkippedForABackendsKnownFaultIsATypedSkipInJUnit(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("labs.xml");

        JUnitReport.write(onFloci, file);

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        var skips = xml.getElementsByTagName("skipped");
        assertThat(skips.getLength()).isEqualTo(2);
        assertThat(skips.item(0).getAttributes().getNamedItem("type").getNodeValue()).isEqualTo("backend-fault");
        assertThat(skips.item(0).getAttributes().getNamedItem("message").getNodeValue()).endsWith(": " + FAULT);
        assertThat(skips.item(1).getAttributes().getNamedItem("type")).isNull();
        assertThat(xml.getElementsByTagName("failure").getLength()).isZero();
    }
}
