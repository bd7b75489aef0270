package io.labrunner.emulator.sagemaker.hosting;

import io.labrunner.emulator.sagemaker.algorithms.Predictor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An endpoint's models as they serve: each variant's predictor, loaded once, the router that splits traffic by
 * weight, and the capture writer. Requests run inside {@link #enter()} / {@link #exit()}; {@link #close()} waits for
 * the requests running, then writes their capture and frees the models, so nothing acknowledged is lost.
 */
final class Deployment implements AutoCloseable {
    /** A variant as it serves: its predictor and how many instances share its traffic (0 when serverless). */
    record ServingVariant(String name, Predictor predictor, int instances) {
    }

    private final Map<String, ServingVariant> variants;
    private final CaptureWriter capture;
    private final ReadWriteLock running = new ReentrantReadWriteLock();
    private volatile VariantRouter router;
    private volatile Map<String, Integer> instances;
    private boolean closed;

    /** @param capture the capture writer, or null when the endpoint captures nothing */
    Deployment(List<ServingVariant> variants, List<Double> weights, CaptureWriter capture) {
        Map<String, ServingVariant> byName = new LinkedHashMap<>();
        variants.forEach(v -> byName.put(v.name(), v));
        this.variants = byName;
        this.capture = capture;
        reweigh(weights, variants.stream().map(ServingVariant::instances).toList());
    }

    /** New weights and instance counts, one per variant in the deployment's order. */
    void reweigh(List<Double> weights, List<Integer> counts) {
        List<String> names = new ArrayList<>(variants.keySet());
        Map<String, Integer> byName = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            byName.put(names.get(i), counts.get(i));
        }
        this.instances = byName;
        this.router = new VariantRouter(names, weights);
    }

    /** The variant for a uniform draw {@code u}. */
    ServingVariant route(double u) {
        return variants.get(router.pick(u));
    }

    /** The variant named {@code name}, or null. */
    ServingVariant variant(String name) {
        return variants.get(name);
    }

    int instances(String variant) {
        return instances.getOrDefault(variant, 0);
    }

    /** The capture writer, or null. */
    CaptureWriter capture() {
        return capture;
    }

    /** Starts a request; false when the deployment is already closed (the endpoint is gone or was replaced). */
    boolean enter() {
        running.readLock().lock();
        if (closed) {
            running.readLock().unlock();
            return false;
        }
        return true;
    }

    /** Ends a request started with a successful {@link #enter()}. */
    void exit() {
        running.readLock().unlock();
    }

    void flushCapture() {
        if (capture != null) {
            capture.flush();
        }
    }

    /** Waits for the requests running, writes all captured records and frees the models. */
    @Override
    public void close() {
        running.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            running.writeLock().unlock();
        }
        if (capture != null) {
            capture.close();
        }
        variants.values().forEach(v -> v.predictor().close());
    }
}
