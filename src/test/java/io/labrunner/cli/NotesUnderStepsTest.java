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
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A step's details come under its own ✔ line: in the console, and in the JSON and JUnit reports. */
class NotesUnderStepsTest {
    private static final Duration MS = Duration.ofMillis(10);

    private final StepResult crawl = new StepResult("Run the crawler", true, MS, "", "", List.of("tables: [refunds, sales]"));
    private final StepResult query = new StepResult("Ask Athena", true, MS, "", "", List.of("2025  01  622", "scanned 1 bytes"));
    private final CheckOutcome check = new CheckOutcome("Parquet is smaller", "after solve", true, true, "27 %", List.of(),
            MS, List.of("format  bytes"));
    private final RunReport report = new RunReport(List.of(new LabResult("lab-a", "Lab A", "abc234", "embedded", "run",
            Outcome.PASSED, "", List.of(new PhaseResult("solve", List.of(crawl, query), true, MS, "")), List.of(check),
            List.of("bucket lab-abc234-lake", "tables: [refunds, sales]", "2025  01  622", "scanned 1 bytes", "format  bytes"),
            MS)), MS);

    @Test
    void theConsolePrintsEachDetailUnderTheLineOfItsStep() {
        StringWriter text = new StringWriter();
        try (Console console = new Console(new PrintWriter(text), new Style(false), false, false)) {
            console.phaseStarted("solve");
            console.stepFinished(crawl);
            crawl.notes().forEach(console::note);
            console.stepFinished(query);
            query.notes().forEach(console::note);
        }
        List<String> lines = text.toString().lines().toList();

        assertThat(lines).containsExactly("  solve",
                "    ✔ Run the crawler  0.01s", "      │ tables: [refunds, sales]",
                "    ✔ Ask Athena  0.01s", "      │ 2025  01  622", "      │ scanned 1 bytes");
    }

    @Test
    void jsonPutsTheDetailsInTheirStepAndCheck() throws Exception {
        JsonNode lab = new ObjectMapper().readTree(JsonReport.render(report)).at("/labs/0");

        assertThat(lab.at("/phases/0/steps/0/notes/0").asText()).isEqualTo("tables: [refunds, sales]");
        assertThat(lab.at("/phases/0/steps/1/notes").size()).isEqualTo(2);
        assertThat(lab.at("/checks/0/notes/0").asText()).isEqualTo("format  bytes");
        assertThat(lab.at("/notes").size()).as("every note, in order, as before").isEqualTo(5);
    }

    @Test
    void junitsOutputTellsTheRunStepByStepWithItsDetailsUnderEach(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("labs.xml");

        JUnitReport.write(report, file);

        String xml = Files.readString(file);
        String log = xml.substring(xml.indexOf("<system-out><![CDATA[") + 21, xml.indexOf("]]></system-out>"));
        assertThat(log.lines().toList()).containsExactly("  | bucket lab-abc234-lake", "solve",
                "  ok Run the crawler", "    | tables: [refunds, sales]",
                "  ok Ask Athena", "    | 2025  01  622", "    | scanned 1 bytes",
                "  ok Parquet is smaller (after solve)", "    | format  bytes");
    }
}
