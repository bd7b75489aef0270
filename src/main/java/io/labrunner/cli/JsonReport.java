package io.labrunner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.core.report.CheckOutcome;
import io.labrunner.core.report.LabResult;
import io.labrunner.core.report.Outcome;
import io.labrunner.core.report.PhaseResult;
import io.labrunner.core.report.RunReport;
import io.labrunner.core.report.StepResult;
import java.time.Duration;

/** {@code --output json}: the whole run as one JSON document, durations in seconds. */
final class JsonReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    static String render(RunReport report) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode summary = root.putObject("summary");
        summary.put("passed", report.count(Outcome.PASSED));
        summary.put("failed", report.count(Outcome.FAILED) + report.count(Outcome.ERROR));
        summary.put("skipped", report.count(Outcome.SKIPPED));
        summary.put("seconds", seconds(report.duration()));
        ArrayNode labs = root.putArray("labs");
        report.labs().forEach(lab -> labs.add(lab(lab)));
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode lab(LabResult lab) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", lab.labId());
        node.put("title", lab.title());
        node.put("command", lab.command());
        node.put("target", lab.target());
        node.put("runId", lab.runId());
        node.put("outcome", lab.outcome().name().toLowerCase(java.util.Locale.ROOT));
        if (!lab.message().isBlank()) {
            node.put(lab.outcome() == Outcome.SKIPPED ? "skipReason" : "message", lab.message());
        }
        node.put("seconds", seconds(lab.duration()));
        ArrayNode phases = node.putArray("phases");
        for (PhaseResult phase : lab.phases()) {
            ObjectNode p = phases.addObject();
            p.put("name", phase.name());
            p.put("ok", phase.ok());
            p.put("seconds", seconds(phase.duration()));
            if (!phase.error().isBlank()) {
                p.put("error", phase.error());
            }
            ArrayNode steps = p.putArray("steps");
            for (StepResult step : phase.steps()) {
                ObjectNode s = steps.addObject();
                s.put("name", step.name());
                s.put("ok", step.ok());
                s.put("seconds", seconds(step.duration()));
                if (!step.error().isBlank()) {
                    s.put("error", step.error());
                }
                if (!step.remark().isBlank()) {
                    s.put("remark", step.remark());
                }
                if (!step.notes().isEmpty()) {
                    step.notes().forEach(s.putArray("notes")::add);
                }
            }
        }
        ArrayNode checks = node.putArray("checks");
        for (CheckOutcome check : lab.checks()) {
            ObjectNode c = checks.addObject();
            c.put("name", check.name());
            c.put("stage", check.stage());
            c.put("passed", check.passed());
            c.put("expected", check.expectedPass() ? "pass" : "fail");
            c.put("ok", check.ok());
            c.put("detail", check.detail());
            if (check.wasSkipped()) {
                c.put("skipped", check.skipped());
            }
            if (check.backendFault()) {
                c.put("backendFault", check.fault());
            }
            if (!check.hint().isBlank()) {
                c.put("hint", check.hint());
            }
            c.put("seconds", seconds(check.duration()));
            if (!check.notes().isEmpty()) {
                check.notes().forEach(c.putArray("notes")::add);
            }
        }
        ArrayNode notes = node.putArray("notes");
        lab.notes().forEach(notes::add);
        return node;
    }

    private static double seconds(Duration d) {
        return Math.round(d.toNanos() / 1e6) / 1e3;
    }
}
