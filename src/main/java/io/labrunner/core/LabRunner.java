package io.labrunner.core;

import io.labrunner.core.report.CheckOutcome;
import io.labrunner.core.report.LabResult;
import io.labrunner.core.report.Outcome;
import io.labrunner.core.report.PhaseResult;
import io.labrunner.core.report.RunListener;
import io.labrunner.core.report.StepResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Drives labs through their phases on one target. Every command that creates resources keeps a
 * ledger; {@link #run} and {@link #selfTest} always clean up, even after a failure or Ctrl-C.
 */
public final class LabRunner {
    /** How long a run's resources may live before {@code sweep} may delete them. */
    private static final Duration TIME_TO_LIVE = Duration.ofHours(6);

    private final String target;
    private final Set<Capability> capabilities;
    private final AwsClients clients;
    private final StateDirectory state;
    private final RunListener listener;
    private final Clock clock;
    private BiFunction<Set<Capability>, String, String> advice = (needed, target) -> "";
    private ResourceTagger tagger = ResourceTagger.NONE;

    public LabRunner(String target, Set<Capability> capabilities, AwsClients clients,
                     StateDirectory state, RunListener listener, Clock clock) {
        this.target = target;
        this.capabilities = capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities);
        this.clients = clients;
        this.state = state;
        this.listener = listener;
        this.clock = clock;
    }

    /**
     * Sets what a skip message adds after the missing capabilities: given everything the lab needs
     * and this target's name, which targets would serve it (e.g. {@code embedded or localstack
     * with LOCALSTACK_AUTH_TOKEN would serve it}).
     */
    public LabRunner advisingWith(BiFunction<Set<Capability>, String, String> advice) {
        this.advice = advice;
        return this;
    }

    /** Tags every resource right after {@link LabContext#create} confirms it (on real accounts). */
    public LabRunner taggingWith(ResourceTagger tagger) {
        this.tagger = tagger;
        return this;
    }

    /** setup → solve → checks → cleanup (unless {@code keep}). */
    public LabResult run(Lab lab, boolean keep) {
        return execute(lab, "run", keep, (r) -> {
            if (r.phase("setup", lab::setup) && r.phase("solve", lab::solve)) {
                r.checks("after solve", true);
            }
        });
    }

    /**
     * The CI self-test: setup → every check must fail → solve → every check must pass → cleanup →
     * nothing of the run is left on the target.
     */
    public LabResult selfTest(Lab lab) {
        return execute(lab, "test", false, (r) -> {
            if (r.phase("setup", lab::setup)) {
                r.checks("before solve", false);
                if (r.phase("solve", lab::solve)) {
                    r.checks("after solve", true);
                }
            }
        });
    }

    /** setup only: leaves the learner the task; resources stay until {@code cleanup}. */
    public LabResult start(Lab lab) {
        return execute(lab, "start", false, (r) -> {
            if (!r.phase("setup", lab::setup)) {
                r.cleanUpAtEnd = true;
            }
        });
    }

    /** Checks an earlier {@code start}ed run. */
    public LabResult check(Lab lab, Ledger ledger) {
        return resume(lab, ledger, "check", (r) -> r.checks("check", true));
    }

    /** Runs the reference solution on an earlier {@code start}ed run. */
    public LabResult solve(Lab lab, Ledger ledger) {
        return resume(lab, ledger, "solve", (r) -> r.phase("solve", lab::solve));
    }

    /** Deletes everything an earlier run left, lab-specific teardown first when the lab is known. */
    public LabResult cleanup(Lab lab, Ledger ledger) {
        return resume(lab, ledger, "cleanup", (r) -> r.cleanUpAtEnd = true);
    }

    private interface Script {
        void play(Execution execution);
    }

    private LabResult execute(Lab lab, String command, boolean keep, Script script) {
        LabInfo info = lab.info();
        Set<Capability> missing = EnumSet.copyOf(info.capabilities().isEmpty()
                ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(info.capabilities()));
        missing.removeAll(capabilities);
        if (!missing.isEmpty()) {
            String names = missing.stream().map(Enum::name).collect(Collectors.joining(", "));
            String servedBy = advice.apply(info.capabilities(), target);
            String reason = "needs " + names + ", which target " + target + " does not offer"
                    + (servedBy.isBlank() ? "" : "; " + servedBy);
            LabResult skipped = new LabResult(info.id(), info.title(), "", target, command, Outcome.SKIPPED,
                    reason, List.of(), List.of(), List.of(), Duration.ZERO);
            listener.labFinished(skipped);
            return skipped;
        }
        Instant now = clock.instant();
        Ledger ledger = Ledger.create(state.runs(), RunIds.next(), info.id(), target, now, now.plus(TIME_TO_LIVE));
        Execution execution = new Execution(lab, ledger, command);
        boolean cleanupAlways = !keep && !command.equals("start");
        return execution.play(script, cleanupAlways);
    }

    private LabResult resume(Lab lab, Ledger ledger, String command, Script script) {
        return new Execution(lab, ledger, command).play(script, false);
    }

    /** One lab's run: collects phases and checks as they happen. */
    private final class Execution {
        private final Lab lab;
        private final Ledger ledger;
        private final String command;
        private final RunContext ctx;
        private final List<PhaseResult> phases = new ArrayList<>();
        private final List<CheckOutcome> checks = new ArrayList<>();
        private String failure = "";
        private boolean cleanUpAtEnd;
        private boolean cleanedUp;

        Execution(Lab lab, Ledger ledger, String command) {
            this.lab = lab;
            this.ledger = ledger;
            this.command = command;
            this.ctx = new RunContext(lab.info(), ledger, clients, listener, tagger);
        }

        LabResult play(Script script, boolean cleanupAlways) {
            long start = System.nanoTime();
            listener.labStarted(lab.info(), ledger.runId(), target, command);
            Thread onInterrupt = new Thread(this::cleanupOnce, "lab-cleanup-on-exit");
            boolean hooked = cleanupAlways && registerShutdownHook(onInterrupt);
            try {
                script.play(this);
            } catch (RuntimeException e) {
                failure = Failures.describe(e);
            } finally {
                if (cleanupAlways || cleanUpAtEnd) {
                    cleanupOnce();
                }
                if (hooked) {
                    removeShutdownHook(onInterrupt);
                }
            }
            LabResult result = new LabResult(lab.info().id(), lab.info().title(), ledger.runId(), target, command,
                    outcome(), failure, phases, checks, ctx.notes(), RunContext.since(start));
            listener.labFinished(result);
            return result;
        }

        boolean phase(String name, PhaseBody body) {
            listener.phaseStarted(name);
            long start = System.nanoTime();
            String error = "";
            try {
                body.run(ctx);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            } catch (Exception | LinkageError | AssertionError e) {
                error = Failures.describe(e);
            }
            List<StepResult> steps = ctx.drainSteps();
            PhaseResult result = new PhaseResult(name, steps, error.isEmpty(), RunContext.since(start), error);
            phases.add(result);
            listener.phaseFinished(result);
            if (!error.isEmpty() && failure.isEmpty()) {
                failure = name + " failed: " + error;
            }
            return error.isEmpty();
        }

        void checks(String stage, boolean expectPass) {
            listener.phaseStarted(stage.equals("check") ? "checks" : "checks (" + stage + ")");
            for (Check check : lab.checks()) {
                long start = System.nanoTime();
                CheckResult verdict;
                try {
                    verdict = check.judge().judge(ctx);
                } catch (Exception | AssertionError e) {
                    verdict = CheckResult.fail("the check could not look: " + Failures.describe(e),
                            "Something the check reads is missing or unreadable; look at the detail.");
                }
                CheckOutcome outcome = new CheckOutcome(check.name(), stage, verdict.passed(), expectPass,
                        verdict.detail(), verdict.hint(), RunContext.since(start));
                checks.add(outcome);
                listener.checkFinished(outcome);
            }
        }

        void cleanupOnce() {
            synchronized (this) {
                if (cleanedUp) {
                    return;
                }
                cleanedUp = true;
            }
            ctx.closeForCreation();
            listener.phaseStarted("cleanup");
            long start = System.nanoTime();
            String error = "";
            try {
                ctx.step("lab teardown", () -> lab.cleanup(ctx));
            } catch (Exception e) {
                error = Failures.describe(e);
            }
            ResourceDeleter deleter = new ResourceDeleter(clients);
            for (Resource resource : ledger.remaining()) {
                try {
                    ctx.step("delete " + resource, () -> {
                        deleter.delete(resource);
                        ledger.markDeleted(resource);
                    });
                } catch (Exception e) {
                    if (error.isEmpty()) {
                        error = "could not delete " + resource + ": " + Failures.describe(e);
                    }
                }
            }
            if (error.isEmpty() && command.equals("test")) {
                try {
                    ctx.step("nothing of the run is left", () -> {
                        List<String> left = new Leftovers(clients, capabilities).find(ledger.runId());
                        if (!left.isEmpty()) {
                            throw new IllegalStateException("left behind: " + String.join(", ", left));
                        }
                    });
                } catch (Exception e) {
                    error = Failures.describe(e);
                }
            }
            if (error.isEmpty()) {
                ledger.discard();
            }
            PhaseResult result = new PhaseResult("cleanup", ctx.drainSteps(), error.isEmpty(), RunContext.since(start), error);
            phases.add(result);
            listener.phaseFinished(result);
            if (!error.isEmpty() && failure.isEmpty()) {
                failure = "cleanup failed: " + error + " (the ledger " + ledger.file().getFileName()
                        + " keeps the rest; run 'lab cleanup' again)";
            }
        }

        private Outcome outcome() {
            boolean phasesOk = phases.stream().allMatch(PhaseResult::ok);
            boolean checksOk = checks.stream().allMatch(CheckOutcome::ok);
            if (!phasesOk || !failure.isEmpty()) {
                return checks.isEmpty() || checksOk ? Outcome.ERROR : Outcome.FAILED;
            }
            return checksOk ? Outcome.PASSED : Outcome.FAILED;
        }
    }

    @FunctionalInterface
    private interface PhaseBody {
        void run(LabContext ctx) throws Exception;
    }

    private static boolean registerShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException e) {
            return false; // already shutting down
        }
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Shutdown is under way and the hook is running: it will finish the cleanup.
        }
    }
}
