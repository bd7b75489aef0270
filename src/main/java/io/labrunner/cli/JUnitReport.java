package io.labrunner.cli;

import io.labrunner.core.report.CheckOutcome;
import io.labrunner.core.report.LabResult;
import io.labrunner.core.report.Outcome;
import io.labrunner.core.report.PhaseResult;
import io.labrunner.core.report.RunReport;
import io.labrunner.core.report.StepResult;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code --junit FILE}: JUnit XML as CI servers read it — a test suite per lab, a test case per
 * check, failed phases as errors, skipped labs as skipped.
 */
final class JUnitReport {
    private JUnitReport() {
    }

    static void write(RunReport report, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(writer);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "lab-runner");
            xml.writeAttribute("time", seconds(report.duration()));
            for (LabResult lab : report.labs()) {
                suite(xml, lab);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("Cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    private static void suite(XMLStreamWriter xml, LabResult lab) throws XMLStreamException {
        boolean skipped = lab.outcome() == Outcome.SKIPPED;
        // A lab skipped part-way (an operation the target turned out not to serve) is one skip, not its phases' errors.
        long failures = skipped ? 0 : lab.checksFailed();
        long errors = skipped ? 0 : lab.phases().stream().filter(p -> !p.ok()).count();
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", lab.labId());
        xml.writeAttribute("tests", String.valueOf(skipped ? 1 : lab.checks().size() + errors));
        xml.writeAttribute("failures", String.valueOf(failures));
        xml.writeAttribute("errors", String.valueOf(errors));
        xml.writeAttribute("skipped", skipped ? "1" : "0");
        xml.writeAttribute("time", seconds(lab.duration()));
        if (skipped) {
            testcase(xml, lab.labId(), lab.labId(), Duration.ZERO);
            xml.writeStartElement("skipped");
            xml.writeAttribute("message", lab.message());
            xml.writeEndElement();
            xml.writeEndElement();
        }
        for (PhaseResult phase : skipped ? List.<PhaseResult>of() : lab.phases()) {
            if (!phase.ok()) {
                testcase(xml, lab.labId(), "phase " + phase.name(), phase.duration());
                xml.writeStartElement("error");
                xml.writeAttribute("message", phase.error());
                xml.writeEndElement();
                xml.writeEndElement();
            }
        }
        for (CheckOutcome check : skipped ? List.<CheckOutcome>of() : lab.checks()) {
            testcase(xml, lab.labId(), check.name() + " (" + check.stage() + ")", check.duration());
            if (check.wasSkipped()) {
                xml.writeStartElement("skipped");
                if (check.backendFault()) {
                    // A known gap of the backend, told apart from a learner's failure and from a plain skip.
                    xml.writeAttribute("type", "backend-fault");
                    xml.writeAttribute("message", check.skipped() + ": " + check.fault());
                } else {
                    xml.writeAttribute("message", check.skipped());
                }
                xml.writeEndElement();
            } else if (!check.ok()) {
                xml.writeStartElement("failure");
                xml.writeAttribute("message", check.passed()
                        ? "passed before the solution ran" : check.hint());
                xml.writeCharacters(check.detail());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        String log = log(lab);
        if (!log.isEmpty()) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("system-out");
            xml.writeCData(log.replace("]]>", "]] >"));
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    /** The run as the console told it: each step and check, its details indented under it. */
    private static String log(LabResult lab) {
        StringBuilder out = new StringBuilder();
        List<String> unattached = new ArrayList<>(lab.notes());
        for (PhaseResult phase : lab.phases()) {
            phase.steps().forEach(step -> unattached.removeAll(step.notes()));
        }
        lab.checks().forEach(check -> unattached.removeAll(check.notes()));
        unattached.forEach(note -> out.append("  | ").append(note).append('\n'));
        for (PhaseResult phase : lab.phases()) {
            out.append(phase.name()).append('\n');
            for (StepResult step : phase.steps()) {
                out.append(step.ok() ? "  ok " : "  FAILED ").append(step.name())
                        .append(step.remark().isBlank() ? "" : ": " + step.remark())
                        .append(step.error().isBlank() ? "" : ": " + step.error()).append('\n');
                step.notes().forEach(note -> out.append("    | ").append(note).append('\n'));
            }
        }
        for (CheckOutcome check : lab.checks()) {
            out.append(check.ok() ? "  ok " : "  FAILED ").append(check.name()).append(" (").append(check.stage())
                    .append(")\n");
            check.notes().forEach(note -> out.append("    | ").append(note).append('\n'));
        }
        return out.toString();
    }

    private static void testcase(XMLStreamWriter xml, String lab, String name, Duration time) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", "labs." + lab);
        xml.writeAttribute("name", name);
        xml.writeAttribute("time", seconds(time));
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
    }
}
