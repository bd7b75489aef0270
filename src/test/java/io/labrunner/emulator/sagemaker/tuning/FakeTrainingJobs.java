package io.labrunner.emulator.sagemaker.tuning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.sagemaker.TrainingJobs;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

/**
 * Training jobs that "train" for a fixed time and then report an objective computed from their
 * hyperparameters by a known function plus Gaussian noise, so that a tuner's search can be judged. While
 * running, a job reports its objective so far: the final value plus a gap that shrinks linearly to zero,
 * as a learning curve would. Counts how many jobs were ever in flight at once.
 */
final class FakeTrainingJobs implements TrainingJobs {
    private final String metric;
    private final ToDoubleFunction<Map<String, String>> objective;
    /** How long a job started from now on trains; changeable so that a test can make later jobs slow. */
    volatile Duration duration;
    private final double noise;
    private final double curveGap;
    private final Random random = new Random(7);
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    final List<ObjectNode> requests = new CopyOnWriteArrayList<>();
    /** Hyperparameter values that make a job fail, for failure tests. */
    volatile String failWhenValue;

    FakeTrainingJobs(String metric, ToDoubleFunction<Map<String, String>> objective, Duration duration, double noise,
            double curveGap) {
        this.metric = metric;
        this.objective = objective;
        this.duration = duration;
        this.noise = noise;
        this.curveGap = curveGap;
    }

    private final class Job {
        final String name;
        final Map<String, String> hyperParameters;
        final Instant start = Instant.now();
        final double finalValue;
        final Duration duration = FakeTrainingJobs.this.duration;
        volatile String status = "InProgress";
        volatile Instant end;
        volatile String failure;

        Job(String name, Map<String, String> hyperParameters, double finalValue) {
            this.name = name;
            this.hyperParameters = hyperParameters;
            this.finalValue = finalValue;
        }

        synchronized void advance() {
            if (!"InProgress".equals(status)) {
                return;
            }
            if (Duration.between(start, Instant.now()).compareTo(duration) >= 0) {
                end(failWhenValue != null && hyperParameters.containsValue(failWhenValue) ? "Failed" : "Completed");
            }
        }

        synchronized void end(String newStatus) {
            if ("InProgress".equals(status)) {
                status = newStatus;
                end = Instant.now();
                if ("Failed".equals(newStatus)) {
                    failure = "AlgorithmError: the fake failed as told";
                }
                inFlight.decrementAndGet();
            }
        }

        /** The value reported now: the learning curve while running, the final value once done. */
        Map<String, Double> metrics() {
            if ("Failed".equals(status)) {
                return Map.of();
            }
            Instant at = end != null ? end : Instant.now();
            double progress = Math.min(1, (double) Duration.between(start, at).toNanos() / duration.toNanos());
            return Map.of(metric, finalValue + curveGap * (1 - progress));
        }
    }

    @Override
    public void start(String region, ObjectNode request, String tuningJob) {
        requests.add(request.deepCopy());
        String name = request.path("TrainingJobName").asText();
        if (jobs.containsKey(name)) {
            throw new AwsException("ResourceInUse", "Training job names must be unique", 400);
        }
        Map<String, String> hyperParameters = new LinkedHashMap<>();
        request.path("HyperParameters").fields().forEachRemaining(e -> hyperParameters.put(e.getKey(), e.getValue().asText()));
        double value;
        synchronized (random) {
            value = objective.applyAsDouble(hyperParameters) + noise * random.nextGaussian();
        }
        jobs.put(name, new Job(name, hyperParameters, value));
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
    }

    @Override
    public Optional<View> find(String region, String name) {
        Job job = jobs.get(name);
        if (job == null) {
            return Optional.empty();
        }
        job.advance();
        return Optional.of(new View(job.name, "arn:aws:sagemaker:" + region + ":000000000000:training-job/" + name,
                job.status, Optional.ofNullable(job.failure), job.hyperParameters, job.metrics(), job.start, job.start,
                job.end));
    }

    @Override
    public void stop(String region, String name) {
        Job job = jobs.get(name);
        if (job != null) {
            job.end("Stopped");
        }
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    int started() {
        return jobs.size();
    }
}
