package io.labrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.core.StateDirectory;
import io.labrunner.labs.LabCatalog;
import io.labrunner.testing.FakeLab;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code lab show}, {@code list}, {@code doctor} and {@code --help} as a learner's terminal or a script sees them. */
class TerminalCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLine cli() {
        CommandLine cli = Main.commandLine(
                new LabCatalog(List.of(new FakeLab("s3-data-formats"), new FakeLab("s3-glue-athena"))),
                new StateDirectory(home));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli;
    }

    private int lab(String... args) {
        return cli().execute(args);
    }

    @Test
    void showPrintsTheRenderedGuideWhenPiped() {
        assertThat(lab("show", "s3-glue-athena", "--no-pager")).isZero();

        assertThat(out.toString()).contains("Data lake, data warehouse, lakehouse").doesNotContain("| data warehouse |");
    }

    @Test
    void showAsJsonGivesTheLabAndTheGuidesSections() throws Exception {
        assertThat(lab("show", "s3-glue-athena", "--output", "json")).isZero();

        JsonNode guide = JSON.readTree(out.toString());
        assertThat(guide.path("lab").path("id").asText()).isEqualTo("s3-glue-athena");
        assertThat(guide.path("title").asText()).startsWith("Query raw files in S3");
        List<String> headings = new ArrayList<>();
        guide.path("sections").forEach(section -> headings.add(section.path("heading").asText()));
        assertThat(headings).contains("What you will learn", "Your task");
        assertThat(guide.path("sections").get(0).path("markdown").asText()).contains("- The data lake pattern");
    }

    @Test
    void listAsJsonIsOneJsonArray() throws Exception {
        assertThat(lab("list", "--output", "json")).isZero();

        JsonNode labs = JSON.readTree(out.toString());
        assertThat(labs.isArray()).isTrue();
        assertThat(labs.get(0).path("id").asText()).isEqualTo("s3-data-formats");
    }

    @Test
    void doctorAsJsonReportsTheAwsCliAndTheGuidesPythonPackages() throws Exception {
        assertThat(lab("doctor", "--output", "json")).isZero();

        JsonNode report = JSON.readTree(out.toString());
        List<String> checks = new ArrayList<>();
        report.path("findings").forEach(f -> checks.add(f.path("check").asText()));
        assertThat(checks).contains("java", "aws-cli", "python");
        assertThat(report.path("awsCli").has("found")).isTrue();
        if (report.path("python").path("found").asBoolean()) {
            List<String> modules = new ArrayList<>();
            report.path("python").path("packages").forEach(p -> modules.add(p.path("module").asText()));
            assertThat(modules).as("s3-data-formats' guide uses fastavro").contains("fastavro").doesNotContain("json", "csv");
        }
    }

    @Test
    void doctorSaysWhichAwsCliAndHowToInstallOneWhenMissing() {
        assertThat(LearnerTools.parseAwsCliVersion("aws-cli/1.45.11 Python/3.11.7 Linux/6.1 botocore/1.43.11"))
                .hasValueSatisfying(cli -> assertThat(cli.major()).isEqualTo(1));
        assertThat(LearnerTools.parseAwsCliVersion("aws-cli/2.15.30 Python/3.11.8 Linux/6.1 exe/x86_64.debian.13"))
                .hasValueSatisfying(cli -> assertThat(cli.version()).isEqualTo("2.15.30"));

        DoctorCommand.Finding missing = DoctorCommand.awsCli(new LearnerTools.AwsCli(false, null, null, "not found on the PATH"));
        assertThat(missing.ok()).isFalse();
        assertThat(missing.advice()).contains("v2:", "v1:", "pip install awscli");
    }

    @Test
    void aMissingPythonPackageSaysWhichPythonAndWhichGuide() {
        List<DoctorCommand.Finding> findings = DoctorCommand.python(new LearnerTools.Python(true, "/usr/bin/python3", "3.12.1",
                List.of(new LearnerTools.PythonPackage("fastavro", false, null, List.of("s3-data-formats"))), null));

        assertThat(findings).hasSize(2);
        assertThat(findings.get(1).advice()).contains("/usr/bin/python3", "s3-data-formats", "pip install fastavro");
    }

    @Test
    void everyCommandsDescriptionShowsWholeInHelpAt80Columns() {
        CommandLine cli = cli();
        HelpLayout.apply(cli, () -> 80);

        assertThat(cli.execute("--help")).isZero();

        String help = out.toString();
        assertThat(help.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
        String flat = help.replaceAll("\\s+", "");
        for (Map.Entry<String, CommandLine> command : cli.getSubcommands().entrySet()) {
            picocli.CommandLine.Model.UsageMessageSpec usage = command.getValue().getCommandSpec().usageMessage();
            String description = String.join(" ", usage.header().length > 0 ? usage.header() : usage.description());
            assertThat(flat).as("the description of '" + command.getKey() + "'").contains(description.replaceAll("\\s+", ""));
        }
    }
}
