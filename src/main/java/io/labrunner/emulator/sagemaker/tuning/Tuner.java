package io.labrunner.emulator.sagemaker.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.DaemonThreads;
import io.labrunner.emulator.sagemaker.TrainingJobs;
import io.labrunner.emulator.state.StateMap;
import io.labrunner.emulator.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tuning jobs: on every poll it refreshes each active job's trials from {@link TrainingJobs},
 * applies early stopping and completion criteria, launches new trials while the budget and the parallel
 * limit allow, and ends the job once its budget is spent and its trials have ended. Every change is
 * written to the state store; a job that was running when the emulator stopped is not resumed.
 */
final class Tuner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Tuner.class);
    /** AWS's FailureReason when the first trials all fail (as users quote it). */
    static final String ALL_FAILED = "No training job succeeded after " + TuningRequest.FAILURES_BEFORE_GIVING_UP
            + " attempts. Please take a look at the training job failures to get more details.";
    static final String RESTARTED = "The emulator restarted while this tuning job was in progress, and it does not "
            + "resume tuning jobs; its running training jobs were stopped. The finished ones are kept: start a new "
            + "tuning job with a WarmStartConfig naming this one to build on them.";
    private static final String FAILED_PREFIX = "failed:";

    private final TrainingJobs trainingJobs;
    private final StateMap<TuningJob> store;
    private final Clock clock;
    private final Map<String, Live> live = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller;

    /** What a running job needs besides its stored record. */
    private record Live(SearchSpace space, int maxJobs, SearchStrategy strategy, Random random,
            List<SearchStrategy.Observation> warmStart, MedianStopping stopping) {
    }

    Tuner(TrainingJobs trainingJobs, StateStore state, Clock clock, Duration poll) {
        this.trainingJobs = trainingJobs;
        this.store = state.map("sagemaker.tuning-jobs", TuningJob.class);
        this.clock = clock;
        restore();
        this.poller = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("sagemaker-tuning"));
        poller.scheduleWithFixedDelay(this::pollAll, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String key(String region, String name) {
        return region + "/" + name;
    }

    /** Ends, honestly, every job the previous run left active. */
    private synchronized void restore() {
        Instant now = clock.instant();
        for (TuningJob job : store.values()) {
            if (!job.active()) {
                continue;
            }
            List<Trial> trials = new ArrayList<>();
            for (Trial trial : job.trials()) {
                Trial seen = refreshed(job, trial, null, now);
                if (seen.running()) {
                    stopQuietly(job.region(), seen.name());
                }
                trials.add(seen);
            }
            TuningJob ended = job.withTrials(trials, now);
            ended = job.stopRequested() ? ended.with("Stopped", now, now, null) : ended.with("Failed", now, now, RESTARTED);
            store.put(key(job.region(), job.name()), ended);
        }
    }

    synchronized Optional<TuningJob> find(String region, String name) {
        return store.get(key(region, name));
    }

    synchronized List<TuningJob> list(String region) {
        return store.entriesWithPrefix(region + "/").values().stream().toList();
    }

    synchronized TuningJob create(TuningJob job, TuningRequest plan, List<SearchStrategy.Observation> warmStart) {
        String key = key(job.region(), job.name());
        if (store.get(key).isPresent()) {
            throw new AwsException("ResourceInUse", "Hyperparameter tuning job names must be unique within an AWS "
                    + "account and region, and a hyperparameter tuning job with this name already exists ("
                    + store.get(key).get().arn() + ")", 400);
        }
        live.put(key, new Live(plan.space(), plan.maxTrainingJobs(), SearchStrategy.named(job.strategy()),
                new Random(job.seed()), List.copyOf(warmStart), new MedianStopping()));
        store.put(key, job);
        return job;
    }

    synchronized void stop(String region, String name) {
        TuningJob job = find(region, name).orElseThrow(() -> TuningOperations.notFound(name));
        if ("Stopping".equals(job.status())) {
            return;
        }
        if (!"InProgress".equals(job.status())) {
            throw AwsException.validation("The request was rejected because the hyperparameter tuning job is in status "
                    + job.status() + ".");
        }
        Instant now = clock.instant();
        job.trials().stream().filter(Trial::running).forEach(t -> stopQuietly(region, t.name()));
        store.put(key(region, name), job.stopping(now));
    }

    private void pollAll() {
        for (String key : live.keySet()) {
            try {
                poll(key);
            } catch (RuntimeException e) {
                LOG.warn("Tuning job {} failed to advance", key, e);
                failInternally(key);
            }
        }
    }

    private synchronized void failInternally(String key) {
        store.get(key).filter(TuningJob::active).ifPresent(job -> {
            Instant now = clock.instant();
            store.put(key, job.with("Failed", now, now, "The emulator could not advance this tuning job (an internal "
                    + "error, logged by the emulator)."));
        });
        live.remove(key);
    }

    /** One step of one job; package-visible so that tests can drive it without waiting. */
    synchronized void poll(String key) {
        Live state = live.get(key);
        TuningJob job = store.get(key).orElse(null);
        if (state == null || job == null || !job.active()) {
            live.remove(key);
            return;
        }
        Instant now = clock.instant();
        List<Trial> trials = new ArrayList<>();
        for (Trial trial : job.trials()) {
            trials.add(trial.running() ? refreshed(job, trial, state.stopping(), now) : trial);
        }
        job = job.withTrials(trials, job.lastModified());
        if ("Stopping".equals(job.status())) {
            if (job.runningCount() == 0) {
                job = job.with("Stopped", now, now, null);
            }
            save(key, job);
            return;
        }
        if (job.finishing() == null) {
            Optional<String> why = completion(job, state);
            if (why.isPresent()) {
                job = job.finishing(why.get(), now);
                job = stopRunning(job, now);
            }
        }
        if (job.finishing() == null && "Auto".equals(job.config().path("TrainingJobEarlyStoppingType").asText())) {
            job = stopEarly(job, state, now);
        }
        boolean exhausted = false;
        while (job.finishing() == null && job.trials().size() < state.maxJobs() && job.runningCount() < job.maxParallel()) {
            Optional<Map<String, String>> next = state.strategy().propose(strategyState(job, state));
            if (next.isEmpty()) {
                exhausted = true;
                break;
            }
            job = job.withTrial(launch(job, next.get(), state.random(), now), now);
        }
        boolean budgetSpent = exhausted || job.trials().size() >= state.maxJobs() || job.finishing() != null;
        if (budgetSpent && job.runningCount() == 0) {
            job = job.finishing() != null && job.finishing().startsWith(FAILED_PREFIX)
                    ? job.with("Failed", now, now, job.finishing().substring(FAILED_PREFIX.length()))
                    : job.with("Completed", now, now, null);
            live.remove(key);
        }
        save(key, job);
    }

    private void save(String key, TuningJob job) {
        store.put(key, job);
    }

    private SearchStrategy.State strategyState(TuningJob job, Live state) {
        List<SearchStrategy.Observation> observations = new ArrayList<>(state.warmStart());
        List<Map<String, String>> pending = new ArrayList<>();
        List<Map<String, String>> launched = new ArrayList<>();
        for (Trial trial : job.trials()) {
            launched.add(trial.tunedHyperParameters());
            if (trial.running()) {
                pending.add(trial.tunedHyperParameters());
            } else if (trial.objective() != null) {
                observations.add(new SearchStrategy.Observation(trial.tunedHyperParameters(), trial.objective()));
            }
        }
        return new SearchStrategy.State(state.space(), job.maximize(), observations, pending, launched, state.random());
    }

    private Trial launch(TuningJob job, Map<String, String> tuned, Random random, Instant now) {
        int index = job.trials().size() + 1;
        String name = TrialLauncher.trialName(job.name(), index, random);
        String arn = job.arn().substring(0, job.arn().indexOf(":hyper-parameter-tuning-job/"))
                + ":training-job/" + name.toLowerCase(java.util.Locale.ROOT);
        try {
            trainingJobs.start(job.region(), TrialLauncher.request(job, name, tuned), job.arn());
            return new Trial(name, arn, index, tuned, now, "InProgress", null, null, null, null, false);
        } catch (AwsException e) {
            // As on AWS, a trial the training API refuses counts as a failed training job.
            return new Trial(name, arn, index, tuned, now, "Failed", e.getMessage(), null, null, now, false);
        }
    }

    /** The trial as the training API shows it now; its objective is kept once it has ended. */
    private Trial refreshed(TuningJob job, Trial trial, MedianStopping stopping, Instant now) {
        Optional<TrainingJobs.View> found;
        try {
            found = trainingJobs.find(job.region(), trial.name());
        } catch (RuntimeException e) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            return trial.seen("Failed", "The training job no longer exists.", null, trial.start(), now);
        }
        TrainingJobs.View view = found.get();
        Double value = view.finalMetrics().get(job.metricName());
        boolean ended = !"InProgress".equals(view.status()) && !"Stopping".equals(view.status());
        TrainingJobs.ReportedMetric latest = view.latestMetrics().get(job.metricName());
        if (stopping != null && latest != null) {
            stopping.record(trial.name(), latest.reports(), latest.value());
        }
        Double objective = ended && !"Failed".equals(view.status()) ? value : null;
        return trial.seen(view.status(), view.failureReason().orElse(null), objective, view.start(), view.end());
    }

    /** Why the job should stop launching now, if a completion criterion is met or too many trials failed. */
    private Optional<String> completion(TuningJob job, Live state) {
        List<Trial> succeeded = job.trials().stream().filter(t -> t.objective() != null)
                .sorted(Comparator.comparing(Trial::end, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        long failed = job.trials().stream().filter(t -> "Failed".equals(t.status())).count();
        if (succeeded.isEmpty() && failed >= Math.min(TuningRequest.FAILURES_BEFORE_GIVING_UP, state.maxJobs())) {
            return Optional.of(FAILED_PREFIX + ALL_FAILED);
        }
        JsonNode criteria = job.config().path("TuningJobCompletionCriteria");
        JsonNode target = criteria.path("TargetObjectiveMetricValue");
        if (target.isNumber()) {
            boolean reached = succeeded.stream().anyMatch(t -> job.maximize()
                    ? t.objective() >= target.asDouble() : t.objective() <= target.asDouble());
            if (reached) {
                return Optional.of("TargetObjectiveMetricValue reached");
            }
        }
        int patience = criteria.path("BestObjectiveNotImproving").path("MaxNumberOfTrainingJobsNotImproving").asInt(0);
        if (patience > 0 && succeeded.size() > patience) {
            List<Trial> before = succeeded.subList(0, succeeded.size() - patience);
            double bestBefore = best(before, job.maximize());
            double bestOverall = best(succeeded, job.maximize());
            if (bestBefore == bestOverall) {
                return Optional.of("BestObjectiveNotImproving");
            }
        }
        return Optional.empty();
    }

    private static double best(List<Trial> trials, boolean maximize) {
        return maximize ? trials.stream().mapToDouble(Trial::objective).max().orElseThrow()
                : trials.stream().mapToDouble(Trial::objective).min().orElseThrow();
    }

    private TuningJob stopRunning(TuningJob job, Instant now) {
        List<Trial> trials = new ArrayList<>();
        for (Trial trial : job.trials()) {
            if (trial.running()) {
                stopQuietly(job.region(), trial.name());
                trial = trial.stoppedEarly();
            }
            trials.add(trial);
        }
        return job.withTrials(trials, now);
    }

    private TuningJob stopEarly(TuningJob job, Live state, Instant now) {
        List<String> finished = job.trials().stream().filter(t -> !t.running() && t.objective() != null)
                .map(Trial::name).toList();
        List<Trial> trials = new ArrayList<>();
        boolean changed = false;
        for (Trial trial : job.trials()) {
            if (trial.running() && !trial.earlyStopped()) {
                // Judged after each epoch of training, as AWS does: not while it starts up or uploads its model.
                TrainingJobs.ReportedMetric latest = trainingJobs.find(job.region(), trial.name())
                        .filter(v -> "InProgress".equals(v.status()) && "Training".equals(v.secondaryStatus()))
                        .map(v -> v.latestMetrics().get(job.metricName())).orElse(null);
                if (latest != null && state.stopping().shouldStop(trial.name(), latest.reports(), latest.value(),
                        finished, job.maximize())) {
                    stopQuietly(job.region(), trial.name());
                    trial = trial.stoppedEarly();
                    changed = true;
                }
            }
            trials.add(trial);
        }
        return changed ? job.withTrials(trials, now) : job;
    }

    private void stopQuietly(String region, String trainingJob) {
        try {
            trainingJobs.stop(region, trainingJob);
        } catch (RuntimeException e) {
            LOG.debug("Stopping training job {} failed", trainingJob, e);
        }
    }

    /** Stops polling, waiting for a poll under way so that nothing writes to the state store after this. */
    @Override
    public void close() {
        poller.shutdownNow();
        try {
            poller.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
