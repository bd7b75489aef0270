package io.labrunner.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.labrunner.core.LabException;
import io.labrunner.core.Ledger;
import io.labrunner.core.report.CheckOutcome;
import io.labrunner.core.report.LabResult;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a run's last {@code lab check} saw, kept beside its ledger: each check, whether it passed, its
 * hints in tiers and how many of them the learner has been shown — {@code lab check} shows the first,
 * {@code lab hint} the next.
 */
record LastCheck(String runId, String labId, Instant at, List<CheckState> checks) {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** One check's verdict and how far into its hints the learner is. */
    record CheckState(String name, boolean passed, List<String> hints, int revealed) {
        CheckState {
            hints = hints == null ? List.of() : List.copyOf(hints);
        }

        boolean hasMore() {
            return !passed && revealed < hints.size();
        }

        CheckState revealOne() {
            return new CheckState(name, passed, hints, revealed + 1);
        }
    }

    LastCheck {
        checks = List.copyOf(checks);
    }

    /**
     * The checks of {@code result}, the first tier of each failure shown. A check that fails with the
     * same hints as before keeps the tiers already revealed.
     */
    static LastCheck of(LabResult result, Instant at, Optional<LastCheck> before) {
        List<CheckState> states = new ArrayList<>();
        for (CheckOutcome outcome : result.checks()) {
            if (outcome.wasSkipped()) {
                continue; // not judged on this target: nothing to pass, nothing to hint
            }
            int revealed = outcome.passed() || outcome.hints().isEmpty() ? 0 : 1;
            if (!outcome.passed()) {
                revealed = Math.max(revealed, before.stream().flatMap(b -> b.checks().stream())
                        .filter(c -> c.name().equals(outcome.name()) && !c.passed() && c.hints().equals(outcome.hints()))
                        .mapToInt(CheckState::revealed).findFirst().orElse(0));
            }
            states.add(new CheckState(outcome.name(), outcome.passed(), outcome.hints(), revealed));
        }
        return new LastCheck(result.runId(), result.labId(), at, states);
    }

    long passed() {
        return checks.stream().filter(CheckState::passed).count();
    }

    /** The same check, with check {@code index} (0-based) replaced. */
    LastCheck with(int index, CheckState state) {
        List<CheckState> changed = new ArrayList<>(checks);
        changed.set(index, state);
        return new LastCheck(runId, labId, at, changed);
    }

    void save(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), this);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new LabException("Cannot keep the check's outcomes in " + file.getParent() + ": " + e.getMessage(), e);
        }
    }

    /** The last check kept in {@code file}; empty if there is none or it cannot be read. */
    static Optional<LastCheck> load(Path file) {
        return load(file, line -> { });
    }

    /**
     * The last check kept in {@code file}; empty if there is none. One that cannot be read is moved aside
     * as {@code *.unreadable}, with one line to {@code say}, and counts as none: it never blocks a command.
     */
    static Optional<LastCheck> load(Path file, Consumer<String> say) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            LastCheck check = JSON.readValue(file.toFile(), LastCheck.class);
            if (check == null || check.checks().stream().anyMatch(c -> c == null || c.name() == null)) {
                throw new IOException("a check or its name is missing");
            }
            return Optional.of(check);
        } catch (IOException | RuntimeException e) {
            try {
                Path moved = Ledger.setAside(file, "unreadable");
                say.accept("The outcomes of the last check in " + file.getFileName() + " cannot be read; moved aside as "
                        + moved.getFileName() + ". 'lab check' writes them again.");
            } catch (LabException notMoved) {
                say.accept(notMoved.getMessage());
            }
            return Optional.empty();
        }
    }
}
