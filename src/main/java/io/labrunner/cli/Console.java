package io.labrunner.cli;

import io.labrunner.core.LabInfo;
import io.labrunner.core.report.CheckOutcome;
import io.labrunner.core.report.LabResult;
import io.labrunner.core.report.Outcome;
import io.labrunner.core.report.PhaseResult;
import io.labrunner.core.report.RunListener;
import io.labrunner.core.report.RunReport;
import io.labrunner.core.report.StepResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The human view of a run: each phase and step with ✔/✘ and its duration, a live line for any
 * step or wait that lasts over a second (on a terminal), hints under failed checks, and a summary.
 */
final class Console implements RunListener, AutoCloseable {
    private static final String[] SPINNER = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};
    private static final long LIVE_AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final PrintWriter out;
    private final Style style;
    private final boolean verbose;
    private final ScheduledExecutorService ticker;

    private String activity;
    private long activityStart;
    private boolean lineDirty;
    private int frame;

    Console(PrintWriter out, Style style, boolean verbose, boolean live) {
        this.out = out;
        this.style = style;
        this.verbose = verbose;
        this.ticker = live ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "console-progress");
            t.setDaemon(true);
            return t;
        }) : null;
        if (ticker != null) {
            var unused = ticker.scheduleAtFixedRate(this::tick, 100, 100, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void labStarted(LabInfo lab, String runId, String target, String command) {
        println(style.bold("▶ " + lab.id()) + " — " + lab.title()
                + style.dim("   (lab " + command + " · run id " + runId + " · target " + target + ")"));
    }

    @Override
    public synchronized void phaseStarted(String phase) {
        println("  " + style.bold(phase));
    }

    @Override
    public synchronized void stepStarted(String step) {
        startActivity(step);
    }

    @Override
    public synchronized void stepFinished(StepResult step) {
        endActivity();
        if (step.ok() && !step.remark().isBlank()) {
            println("    " + style.dim("○") + " " + step.name() + ": " + step.remark() + "  " + style.dim(seconds(step.duration())));
            return;
        }
        String mark = step.ok() ? style.green("✔") : style.red("✘");
        println("    " + mark + " " + step.name() + "  " + style.dim(seconds(step.duration())));
        if (!step.ok()) {
            // A step the stop cut short is no error of the lab's.
            println("      " + (step.error().equals("interrupted") ? style.yellow(step.error()) : style.red(step.error())));
        }
    }

    @Override
    public synchronized void waitStarted(String what) {
        startActivity(what);
    }

    @Override
    public synchronized void waitFinished() {
        endActivity();
    }

    @Override
    public synchronized void note(String line) {
        clearLive();
        println("      " + style.dim("│") + " " + line);
    }

    @Override
    public synchronized void phaseFinished(PhaseResult phase) {
        if (!phase.ok() && phase.steps().stream().allMatch(StepResult::ok)) {
            println("    " + style.red("✘ " + phase.error()));
        }
    }

    @Override
    public synchronized void checkFinished(CheckOutcome check) {
        endActivity();
        if (check.wasSkipped()) {
            println("    " + style.yellow("○") + " " + check.name() + "  " + style.dim("skipped: " + check.skipped()));
            if (check.backendFault()) {
                println("      " + style.dim("not your solution: " + check.fault()));
            }
            return;
        }
        String mark = check.passed() ? style.green("✔") : style.red("✘");
        if (!check.ok()) {
            mark = style.red(check.passed() ? "✘ (passed before the solution ran: a broken check)" : "✘");
        } else if (!check.expectedPass()) {
            mark = style.green("✔") + style.dim(" fails as it must before the solution:");
        }
        println("    " + mark + " " + check.name() + "  " + style.dim(seconds(check.duration())));
        if (!check.passed() && check.expectedPass()) {
            if (!check.detail().isBlank()) {
                println("      " + style.dim("saw: " + check.detail()));
            }
            if (!check.hint().isBlank()) {
                println("      " + style.yellow("hint: " + check.hint()));
            }
        } else if (verbose && !check.detail().isBlank()) {
            println("      " + style.dim(check.detail()));
        }
    }

    @Override
    public synchronized void labFinished(LabResult result) {
        endActivity();
        String time = seconds(result.duration());
        switch (result.outcome()) {
            case PASSED -> println(style.green("✔ " + result.labId() + " " + done(result.command())) + " in " + time
                    + checkCount(result));
            case FAILED -> println(style.red("✘ " + result.labId() + " failed") + " in " + time + checkCount(result)
                    + (result.message().isBlank() ? "" : ": " + result.message()));
            case ERROR -> println(style.red("✘ " + result.labId() + " did not complete: " + result.message()));
            case SKIPPED -> println(style.yellow("○ " + result.labId() + " skipped: " + result.message()));
        }
        println("");
    }

    synchronized void summary(RunReport report) {
        long passed = report.count(Outcome.PASSED);
        long failed = report.count(Outcome.FAILED) + report.count(Outcome.ERROR);
        long skipped = report.count(Outcome.SKIPPED);
        // Only run, test and check judge a lab; after start, solve or cleanup "passed" would claim a check.
        boolean judged = report.labs().stream().anyMatch(lab -> !lab.checks().isEmpty()
                || !List.of("start", "solve", "cleanup").contains(lab.command()));
        String line = passed + (judged ? " passed, " : " done, ") + failed + " failed, " + skipped + " skipped in "
                + seconds(report.duration());
        println((failed > 0 ? style.red(line) : style.green(line)));
    }

    /** What success means for each command: only run, check and test judge the lab. */
    private static String done(String command) {
        switch (command) {
            case "start":
                return "is set up";
            case "solve":
                return "has its reference solution";
            case "cleanup":
                return "is cleaned up";
            default:
                return "passed";
        }
    }

    private String checkCount(LabResult result) {
        long skipped = result.checks().stream().filter(CheckOutcome::wasSkipped).count();
        long judged = result.checks().size() - skipped;
        long ok = result.checks().stream().filter(c -> !c.wasSkipped() && c.ok()).count();
        return result.checks().isEmpty() ? "" : " (" + ok + "/" + judged + " checks as expected"
                + (skipped == 0 ? "" : ", " + skipped + " skipped on this target") + ")";
    }

    private void startActivity(String what) {
        clearLive();
        activity = what;
        activityStart = System.nanoTime();
    }

    private void endActivity() {
        clearLive();
        activity = null;
    }

    private synchronized void tick() {
        if (activity == null || System.nanoTime() - activityStart < LIVE_AFTER_NANOS) {
            return;
        }
        frame = (frame + 1) % SPINNER.length;
        out.print("\r\033[K    " + style.cyan(SPINNER[frame]) + " " + activity + "  "
                + style.dim(seconds(Duration.ofNanos(System.nanoTime() - activityStart))));
        out.flush();
        lineDirty = true;
    }

    private void clearLive() {
        if (lineDirty) {
            out.print("\r\033[K");
            lineDirty = false;
        }
    }

    private void println(String line) {
        clearLive();
        out.println(line);
        out.flush();
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2fs", duration.toNanos() / 1e9);
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        synchronized (this) {
            clearLive();
        }
    }
}
