package io.labrunner.core;

import io.labrunner.core.report.RunListener;
import io.labrunner.core.report.StepResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The {@link LabContext} the runner hands to a lab's phases. A note made while a step (or a check)
 * runs belongs to it: it is held back and given after the step's own line. A note made between
 * steps belongs to the step before it, whose line is already out.
 */
final class RunContext implements LabContext {
    private final LabInfo lab;
    private final Ledger ledger;
    private final AwsClients clients;
    private final RunListener listener;
    private final ResourceTagger tagger;
    private final List<StepResult> steps = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** Notes of the steps (innermost last) and checks still running, given once their line is out. */
    private final Deque<List<String>> heldNotes = new ArrayDeque<>();
    /** Whether a stop was asked for: a step that fails then was cut short, whatever the exception says. */
    private final BooleanSupplier stopping;
    /** Guards {@link #closedForCreation} and {@link #creationsUnderWay}. */
    private final Object creations = new Object();
    private boolean closedForCreation;
    private int creationsUnderWay;

    RunContext(LabInfo lab, Ledger ledger, AwsClients clients, RunListener listener, ResourceTagger tagger,
               BooleanSupplier stopping) {
        this.stopping = stopping;
        this.lab = lab;
        this.ledger = ledger;
        this.clients = clients;
        this.listener = listener;
        this.tagger = tagger;
    }

    @Override
    public String runId() {
        return ledger.runId();
    }

    @Override
    public S3Client s3() {
        return clients.s3();
    }

    @Override
    public StsClient sts() {
        return clients.sts();
    }

    @Override
    public IamClient iam() {
        return clients.iam();
    }

    @Override
    public GlueClient glue() {
        return clients.glue();
    }

    @Override
    public AthenaClient athena() {
        return clients.athena();
    }

    @Override
    public KinesisClient kinesis() {
        return clients.kinesis();
    }

    @Override
    public FirehoseClient firehose() {
        return clients.firehose();
    }

    @Override
    public BedrockClient bedrock() {
        return clients.bedrock();
    }

    @Override
    public BedrockRuntimeClient bedrockRuntime() {
        return clients.bedrockRuntime();
    }

    @Override
    public SageMakerClient sageMaker() {
        return clients.sageMaker();
    }

    @Override
    public SageMakerRuntime sageMakerRuntime() {
        return clients.sageMakerRuntime();
    }

    @Override
    public CloudWatchClient cloudWatch() {
        return clients.cloudWatch();
    }

    @Override
    public CloudWatchLogsClient logs() {
        return clients.logs();
    }

    @Override
    public KmsClient kms() {
        return clients.kms();
    }

    @Override
    public SecretsManagerClient secretsManager() {
        return clients.secretsManager();
    }

    @Override
    public software.amazon.awssdk.services.sfn.SfnClient sfn() {
        return clients.sfn();
    }

    @Override
    public software.amazon.awssdk.services.eventbridge.EventBridgeClient eventBridge() {
        return clients.eventBridge();
    }

    @Override
    public S3Client s3OverPlainHttp() {
        return clients.s3OverPlainHttp();
    }

    @Override
    public Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("lab:run-id", ledger.runId());
        tags.put("lab:lab", lab.id());
        tags.put("lab:expires-at", ledger.expiresAt().toString());
        return tags;
    }

    @Override
    public <T> T create(Resource resource, Supplier<T> creation) {
        synchronized (creations) {
            if (closedForCreation) {
                throw new IllegalStateException("The run is being cleaned up; " + resource + " was not created");
            }
            creationsUnderWay++;
        }
        try {
            ledger.recordPending(resource);
            T created = creation.get();
            ledger.confirmCreated(resource);
            tagger.tag(resource, tags());
            return created;
        } finally {
            synchronized (creations) {
                creationsUnderWay--;
                creations.notifyAll();
            }
        }
    }

    @Override
    public void step(String name, Step step) throws Exception {
        remarkedStep(name, () -> {
            step.run();
            return "";
        });
    }

    /** A step whose body says how it turned out when that is not the usual (see {@link StepResult#remark()}). */
    void remarkedStep(String name, RemarkedStep step) throws Exception {
        listener.stepStarted(name);
        long start = System.nanoTime();
        holdNotes();
        String remark;
        try {
            remark = step.run();
        } catch (Exception | Error e) {
            List<String> held = releaseNotes();
            record(new StepResult(name, false, since(start), stopping.getAsBoolean() ? "interrupted" : Failures.describe(e),
                    "", held));
            held.forEach(this::give);
            throw e;
        }
        List<String> held = releaseNotes();
        record(new StepResult(name, true, since(start), "", remark, held));
        held.forEach(this::give);
    }

    /** The body of {@link #remarkedStep}. */
    @FunctionalInterface
    interface RemarkedStep {
        String run() throws Exception;
    }

    @Override
    public <T> T waitFor(String what, Duration timeout, Duration interval, Supplier<Optional<T>> probe) {
        listener.waitStarted(what);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                Optional<T> value = probe.get();
                if (value.isPresent()) {
                    return value.get();
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
                }
                Thread.sleep(interval.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + what, e);
        } finally {
            listener.waitFinished();
        }
    }

    @Override
    public void note(String line) {
        synchronized (this) {
            if (!heldNotes.isEmpty()) {
                heldNotes.peekLast().add(line);
                return;
            }
            if (!steps.isEmpty()) {
                steps.set(steps.size() - 1, steps.get(steps.size() - 1).withNote(line));
            }
        }
        give(line);
    }

    /** From now until {@link #releaseNotes}, notes are held for the step or check that runs. */
    synchronized void holdNotes() {
        heldNotes.addLast(new ArrayList<>());
    }

    /** The notes held since the last {@link #holdNotes}, no longer held; give them with {@link #give} after the line they belong under. */
    synchronized List<String> releaseNotes() {
        return heldNotes.isEmpty() ? List.of() : List.copyOf(heldNotes.removeLast());
    }

    /** A note, out to the listener: its line is already there. */
    void give(String line) {
        synchronized (this) {
            notes.add(line);
        }
        listener.note(line);
    }

    @Override
    public Path dataFile(String relativePath) {
        String resource = "/labs/" + lab.id() + "/" + relativePath;
        try (InputStream in = RunContext.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new LabException("Lab " + lab.id() + " ships no data file " + relativePath);
            }
            String fileName = Path.of(relativePath).getFileName().toString();
            Path file = Files.createTempFile("lab-" + ledger.runId() + "-", "-" + fileName);
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Refuses further creations and waits (up to {@code patience}) for those under way to be
     * recorded: once cleanup has begun — after Ctrl-C the lab's own thread may still be running —
     * nothing new may appear behind it, and nothing half-created may be missed by it.
     */
    void closeForCreation(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        boolean interrupted = false;
        synchronized (creations) {
            closedForCreation = true;
            while (creationsUnderWay > 0 && System.nanoTime() < deadline) {
                try {
                    creations.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Steps recorded since the last call, for the phase that just ended. */
    synchronized List<StepResult> drainSteps() {
        List<StepResult> drained = List.copyOf(steps);
        steps.clear();
        return drained;
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    private void record(StepResult result) {
        synchronized (this) {
            steps.add(result);
        }
        listener.stepFinished(result);
    }

    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
