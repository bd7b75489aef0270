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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Drives labs through their phases on one target. Every command that creates resources keeps a
 * ledger that says where they live; {@link #run} and {@link #selfTest} always clean up, even after
 * a failure or Ctrl-C. An earlier run is only continued or cleaned from the place it was made.
 */
public final class LabRunner {
    /** How long a run's resources may live before {@code sweep} may delete them. */
    private static final Duration TIME_TO_LIVE = Duration.ofHours(6);
    /** How long cleanup after Ctrl-C waits for a creation under way to be recorded. */
    private static final Duration CREATION_PATIENCE = Duration.ofSeconds(10);

    private final String target;
    private final Set<Capability> capabilities;
    private final AwsClients clients;
    private final StateDirectory state;
    private final RunListener listener;
    private final Clock clock;
    private BiFunction<Set<Capability>, String, String> advice = (needed, target) -> "";
    private Map<Capability, String> faults = Map.of();
    private ResourceTagger tagger = ResourceTagger.NONE;
    private Location location;
    private StopSignal stop = StopSignal.jvm();
    private ResourceKinds kinds = ResourceKinds.standard();

    public LabRunner(String target, Set<Capability> capabilities, AwsClients clients,
                     StateDirectory state, RunListener listener, Clock clock) {
        this.target = target;
        this.capabilities = capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities);
        this.clients = clients;
        this.state = state;
        this.listener = listener;
        this.clock = clock;
        this.location = Location.of(target, clients.endpoint(), clients.region().id());
    }

    /** Where this runner's resources live, as the target knows it; by default what the clients talk to. */
    public LabRunner at(Location where) {
        this.location = where;
        return this;
    }

    /** What stops runs in an orderly way; by default the process's Ctrl-C. */
    public LabRunner stoppingWith(StopSignal signal) {
        this.stop = signal;
        return this;
    }

    public Location location() {
        return location;
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

    /**
     * What the target is known to get wrong, by the capability it therefore lacks: a check that needs one is
     * skipped with that line, marked as the backend's fault rather than the learner's.
     */
    public LabRunner knowingFaults(Map<Capability, String> knownFaults) {
        this.faults = Map.copyOf(knownFaults);
        return this;
    }

    /** Tags every resource right after {@link LabContext#create} confirms it (on real accounts). */
    public LabRunner taggingWith(ResourceTagger tagger) {
        this.tagger = tagger;
        return this;
    }

    /** The kinds of resource a self-test looks for when it checks that nothing is left; by default the standard ones. */
    public LabRunner knowing(ResourceKinds kinds) {
        this.kinds = kinds;
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

    /** Checks an earlier {@code start}ed run; a {@link LabException} if it was made elsewhere. */
    public LabResult check(Lab lab, Ledger ledger) {
        return resume(lab, ledger, "check", false, (r) -> r.checks("check", true));
    }

    /** Runs the reference solution on an earlier {@code start}ed run; a {@link LabException} if it was made elsewhere. */
    public LabResult solve(Lab lab, Ledger ledger) {
        return resume(lab, ledger, "solve", false, (r) -> r.phase("solve", lab::solve));
    }

    /**
     * Deletes everything an earlier run left, lab-specific teardown first when the lab is known; a
     * {@link LabException} if the run was made elsewhere (see {@link Placement}).
     */
    public LabResult cleanup(Lab lab, Ledger ledger) {
        return resume(lab, ledger, "cleanup", false, (r) -> r.cleanUpAtEnd = true);
    }

    /** {@link #cleanup}, wherever the run was made: deletes by name here, and drops the ledger. */
    public LabResult cleanupHere(Lab lab, Ledger ledger) {
        return resume(lab, ledger, "cleanup", true, (r) -> r.cleanUpAtEnd = true);
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
        if (stop.stopping()) {
            LabResult notStarted = new LabResult(info.id(), info.title(), "", target, command, Outcome.SKIPPED,
                    "not started: interrupted", List.of(), List.of(), List.of(), Duration.ZERO);
            listener.labFinished(notStarted);
            return notStarted;
        }
        Instant now = clock.instant();
        Ledger ledger = Ledger.create(state.runs(), RunIds.next(), info.id(), location, now, now.plus(TIME_TO_LIVE));
        Execution execution = new Execution(lab, ledger, command, false);
        boolean cleanupAlways = !keep && !command.equals("start");
        return execution.play(script, cleanupAlways, "");
    }

    private LabResult resume(Lab lab, Ledger ledger, String command, boolean forced, Script script) {
        Placement.Verdict verdict = Placement.judge(ledger, location, command);
        if (!forced && !verdict.mayProceed()) {
            throw new LabException(verdict.message());
        }
        return new Execution(lab, ledger, command, forced).play(script, false,
                verdict.kind() == Placement.Kind.SAME ? "" : verdict.message());
    }

    /** One lab's run: collects phases and checks as they happen. */
    private final class Execution {
        private final Lab lab;
        private final Ledger ledger;
        private final String command;
        /** Cleaning wherever the run was made (--force): what is not found here is dropped too. */
        private final boolean forced;
        private final RunContext ctx;
        /** The clients of this lab's run: over TLS when it declares {@link Capability#TLS}, so cleanup is too. */
        private final AwsClients runClients;
        private final List<PhaseResult> phases = new ArrayList<>();
        private final List<CheckOutcome> checks = new ArrayList<>();
        private String failure = "";
        /** Why the lab ended as skipped: an operation the target turned out not to serve; empty otherwise. */
        private String skipReason = "";
        private boolean cleanUpAtEnd;
        private final AtomicBoolean cleanupBegun = new AtomicBoolean();
        private final CountDownLatch cleanupEnded = new CountDownLatch(1);

        Execution(Lab lab, Ledger ledger, String command, boolean forced) {
            this.lab = lab;
            this.ledger = ledger;
            this.command = command;
            this.forced = forced;
            this.runClients = lab.info().capabilities().contains(Capability.TLS) ? clients.overTls() : clients;
            this.ctx = new RunContext(lab.info(), ledger, runClients, listener, tagger, stop::stopping);
        }

        /**
         * Plays the script, then cleans up if asked, all on this thread. On Ctrl-C the stop signal
         * interrupts the script's waits and holds the process until this returns: the cleanup runs
         * here, with the clients still open, and its lines print before the result. A second Ctrl-C
         * cuts the cleanup short and the ledger keeps what is left.
         */
        LabResult play(Script script, boolean cleanupAlways, String preface) {
            long start = System.nanoTime();
            try (StopSignal.Hold hold = stop.hold(cleanupAlways ? this::cleanupOnce : () -> { })) {
                if (cleanupAlways || command.equals("start") || command.equals("cleanup")) {
                    hold.cleansUpOnStop(laterAdvice());
                }
                listener.labStarted(lab.info(), ledger.runId(), target, command);
                if (!preface.isEmpty()) {
                    ctx.note(preface);
                }
                try {
                    script.play(this);
                } catch (RuntimeException e) {
                    failure = stop.stopping() ? "interrupted" : Failures.describe(e);
                }
                boolean interrupted = hold.shield();
                if (stop.stopping() && failure.isEmpty() && !command.equals("cleanup")) {
                    failure = "interrupted";
                }
                if (cleanupAlways || cleanUpAtEnd) {
                    cleanupOnce();
                }
                // The stop's interrupts have done their work; the summary and reports are still to be written.
                boolean interruptedSince = Thread.interrupted();
                if ((interrupted || interruptedSince) && !stop.stopping()) {
                    Thread.currentThread().interrupt();
                }
                boolean skippedCleanly = !skipReason.isEmpty() && failure.isEmpty();
                LabResult result = new LabResult(lab.info().id(), lab.info().title(), ledger.runId(), target, command,
                        skippedCleanly ? Outcome.SKIPPED : outcome(), skippedCleanly ? skipReason
                        : skipReason.isEmpty() ? failure : skipReason + "; " + failure,
                        phases, checks, ctx.notes(), RunContext.since(start));
                listener.labFinished(result);
                return result;
            }
        }

        boolean phase(String name, PhaseBody body) {
            if (stop.stopping()) {
                return false;
            }
            listener.phaseStarted(name);
            long start = System.nanoTime();
            String error = "";
            try {
                body.run(ctx);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            } catch (Exception | LinkageError | AssertionError e) {
                // A step cut short by the stop fails with whatever its wait or SDK call threw on the
                // interrupt ("Thread was interrupted", a poll that saw a cancelled job): not the lab's error.
                error = stop.stopping() ? "interrupted" : Failures.describe(e);
                if (!stop.stopping() && skipReason.isEmpty()) {
                    skipReason = MissingOperation.of(e).map(m -> m.describe(target)).orElse("");
                }
            }
            List<StepResult> steps = ctx.drainSteps();
            PhaseResult result = new PhaseResult(name, steps, error.isEmpty(), RunContext.since(start), error);
            phases.add(result);
            listener.phaseFinished(result);
            if (!skipReason.isEmpty()) {
                return false;
            }
            if (!error.isEmpty() && failure.isEmpty()) {
                failure = stop.stopping() ? "interrupted during " + name : name + " failed: " + error;
            }
            return error.isEmpty();
        }

        void checks(String stage, boolean expectPass) {
            if (stop.stopping()) {
                return;
            }
            listener.phaseStarted(stage.equals("check") ? "checks" : "checks (" + stage + ")");
            for (Check check : lab.checks()) {
                if (!capabilities.containsAll(check.needs())) {
                    Set<Capability> missing = EnumSet.copyOf(check.needs());
                    missing.removeAll(capabilities);
                    String fault = missing.stream().map(faults::get).filter(f -> f != null)
                            .collect(Collectors.joining("; "));
                    CheckOutcome skipped = CheckOutcome.skipped(check.name(), stage, expectPass, "needs "
                            + missing.stream().map(Enum::name).collect(Collectors.joining(", "))
                            + ", which target " + target + " does not emulate", fault);
                    checks.add(skipped);
                    listener.checkFinished(skipped);
                    continue;
                }
                long start = System.nanoTime();
                CheckResult verdict;
                ctx.holdNotes();
                Optional<MissingOperation> unserved = Optional.empty();
                try {
                    verdict = check.judge().judge(ctx);
                } catch (Exception | AssertionError e) {
                    unserved = MissingOperation.of(e);
                    verdict = CheckResult.fail("the check could not look: " + Failures.describe(e),
                            "Something the check reads is missing or unreadable; look at the detail.");
                }
                List<String> notes = ctx.releaseNotes();
                if (unserved.isPresent() && !stop.stopping()) {
                    CheckOutcome skipped = CheckOutcome.skipped(check.name(), stage, expectPass,
                            unserved.get().describe(target));
                    checks.add(skipped);
                    listener.checkFinished(skipped);
                    notes.forEach(ctx::give);
                    continue;
                }
                if (stop.stopping() && !verdict.passed()) {
                    // Cut short by the stop: what it saw says nothing about the learner's work.
                    if (failure.isEmpty()) {
                        failure = "interrupted during the checks";
                    }
                    return;
                }
                CheckOutcome outcome = new CheckOutcome(check.name(), stage, verdict.passed(), expectPass,
                        verdict.detail(), verdict.hints(), RunContext.since(start), notes);
                checks.add(outcome);
                listener.checkFinished(outcome);
                notes.forEach(ctx::give);
            }
        }

        /**
         * Cleans up once: a second caller (the stop signal's fallback, or this thread after it) waits
         * for the first to finish rather than returning while deletes are still under way.
         */
        void cleanupOnce() {
            if (!cleanupBegun.compareAndSet(false, true)) {
                awaitUninterruptibly(cleanupEnded);
                return;
            }
            try {
                cleanUp();
            } finally {
                cleanupEnded.countDown();
            }
        }

        private void cleanUp() {
            ctx.closeForCreation(CREATION_PATIENCE);
            listener.phaseStarted("cleanup");
            long start = System.nanoTime();
            String error = "";
            try {
                ctx.remarkedStep("lab teardown", () -> {
                    try {
                        lab.cleanup(ctx);
                        return "";
                    } catch (Exception e) {
                        // After a skip for an operation the target lacks, teardown meets the same gap: not news.
                        Optional<MissingOperation> unserved = skipReason.isEmpty() ? Optional.empty() : MissingOperation.of(e);
                        if (unserved.isEmpty()) {
                            throw e;
                        }
                        return unserved.get().service() + " " + unserved.get().operation() + " not served here";
                    }
                });
            } catch (Exception e) {
                error = stop.skipping() ? SKIPPED : Failures.describe(e);
            }
            ResourceDeleter deleter = new ResourceDeleter(runClients);
            // Where an old ledger does not say where its run was made, "not found here" may mean
            // "made elsewhere": such entries stay in the ledger unless something was found or forced.
            boolean placeKnown = ledger.location() != null || forced;
            List<Resource> unconfirmed = new ArrayList<>();
            boolean foundAny = false;
            for (Resource resource : ledger.remaining()) {
                if (stop.skipping()) {
                    error = SKIPPED;
                    break;
                }
                try {
                    boolean[] found = new boolean[1];
                    ctx.remarkedStep("delete " + resource, () -> {
                        ResourceDeleter.Deletion deletion;
                        try {
                            deletion = deleter.delete(resource);
                        } catch (Exception e) {
                            // A creation the target refused as unserved left nothing to delete, and the delete is
                            // as unserved as the create was.
                            Optional<MissingOperation> unserved = MissingOperation.of(e);
                            if (unserved.isEmpty() || !neverConfirmed(resource)) {
                                throw e;
                            }
                            ledger.markDeleted(resource);
                            return "never made: " + unserved.get().service() + " " + unserved.get().operation()
                                    + " is not served here";
                        }
                        found[0] = deletion.found();
                        if (found[0] || placeKnown) {
                            ledger.markDeleted(resource);
                        } else {
                            unconfirmed.add(resource);
                        }
                        return deletion.remark();
                    });
                    foundAny |= found[0];
                } catch (Exception e) {
                    if (stop.skipping()) {
                        error = SKIPPED;
                        break;
                    }
                    if (error.isEmpty()) {
                        error = "could not delete " + resource + ": " + Failures.describe(e);
                    }
                }
            }
            if (foundAny) {
                unconfirmed.forEach(ledger::markDeleted);
            } else if (error.isEmpty() && !unconfirmed.isEmpty()) {
                error = "nothing of it was found on " + location.describe() + ", and its ledger does not say where"
                        + " it was made; clean it up there, or add --force to drop the ledger";
            }
            if (error.isEmpty() && command.equals("test")) {
                try {
                    ctx.step("nothing of the run is left", () -> {
                        List<String> left = new Leftovers(runClients, capabilities, kinds).find(ledger.runId());
                        if (!left.isEmpty()) {
                            throw new IllegalStateException("left behind: " + String.join(", ", left));
                        }
                    });
                } catch (Exception e) {
                    error = Failures.describe(e);
                }
            }
            if (error.isEmpty() || (error.equals(SKIPPED) && madeHere().isThrowaway())) {
                // A throwaway emulator's resources end with this command: no later cleanup needs the ledger.
                ledger.discard();
            }
            PhaseResult result = new PhaseResult("cleanup", ctx.drainSteps(), error.isEmpty(), RunContext.since(start), error);
            phases.add(result);
            listener.phaseFinished(result);
            if (error.equals(SKIPPED)) {
                failure = (failure.isEmpty() ? "" : failure + "; ") + "cleanup skipped: " + laterAdvice();
            } else if (!error.isEmpty() && failure.isEmpty()) {
                failure = "cleanup failed: " + error + (unconfirmed.isEmpty() || foundAny
                        ? " (the ledger " + ledger.file().getFileName() + " keeps the rest; run 'lab cleanup' again)" : "");
            }
        }

        private boolean neverConfirmed(Resource resource) {
            return ledger.entries().stream().anyMatch(e -> e.type() == resource.kind() && e.id().equals(resource.id())
                    && e.state() == Ledger.State.PENDING);
        }

        private Location madeHere() {
            return ledger.location() != null ? ledger.location() : location;
        }

        /** What to do about this run's resources once its cleanup is skipped (a second Ctrl-C). */
        private String laterAdvice() {
            Location made = madeHere();
            if (made.isThrowaway()) {
                return "what the run made goes with " + made.describe() + " when this command ends.";
            }
            return "its ledger keeps what is left; clean it up later with: " + cleanupCommand(lab.info().id(), made);
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

    /** A cleanup a second Ctrl-C cut short. */
    private static final String SKIPPED = "skipped (interrupted again)";

    /** The command that cleans a run made at {@code made} up later, with the options that reach it. */
    static String cleanupCommand(String labId, Location made) {
        String command = "lab cleanup " + labId;
        switch (made.target()) {
            case "embedded":
                return command;
            case "endpoint":
                return command + " --target endpoint" + (made.endpoint() == null ? "" : " --endpoint " + made.endpoint());
            case "aws":
                return command + " --target aws" + (made.region() == null ? "" : " --region " + made.region());
            default:
                return command + " --target " + made.target();
        }
    }

    @FunctionalInterface
    private interface PhaseBody {
        void run(LabContext ctx) throws Exception;
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
