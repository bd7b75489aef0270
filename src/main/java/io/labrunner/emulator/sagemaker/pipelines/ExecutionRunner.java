package io.labrunner.emulator.sagemaker.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.labrunner.emulator.Json;
import io.labrunner.emulator.S3Objects;
import io.labrunner.emulator.calls.ServiceCalls;
import io.labrunner.emulator.sagemaker.S3Uri;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one pipeline execution: starts each step as soon as the steps it depends on have succeeded (independent
 * steps at the same time, up to the execution's MaxParallelExecutionSteps), takes a Condition step's IfSteps or
 * ElseSteps, and ends Succeeded, Failed once any step failed (no step starts after a failure; those running
 * finish) or Stopped.
 */
final class ExecutionRunner implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionRunner.class);
    /** ListPipelineExecutions' reason for any step failure, as AWS words it (SageMaker SDK's Fail step tests). */
    static final String STEP_FAILURE = "Step failure: One or multiple steps failed.";
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the runner needs from outside: SageMaker as the pipeline's role, its S3, the clock, the poll. */
    record Services(ServiceCalls calls, S3Objects roleS3, Clock clock, Duration poll) {
    }

    /** Writes a change to the kept execution and answers the result. */
    interface Updater {
        ExecutionRecord update(UnaryOperator<ExecutionRecord> change);
    }

    private final ExecutionRecord started;
    private final PipelineDefinition definition;
    private final Map<String, JsonNode> parameters;
    private final String roleArn;
    private final Services services;
    private final ExecutorService pool;
    private final Updater updater;
    private volatile boolean stopRequested;

    ExecutionRunner(ExecutionRecord started, PipelineDefinition definition, Map<String, JsonNode> parameters,
            String roleArn, Services services, ExecutorService pool, Updater updater) {
        this.started = started;
        this.definition = definition;
        this.parameters = parameters;
        this.roleArn = roleArn;
        this.services = services;
        this.pool = pool;
        this.updater = updater;
    }

    /** Asks the execution to stop: no step starts any more, and running jobs are stopped. */
    void stop() {
        stopRequested = true;
    }

    @Override
    public void run() {
        try {
            String status = runSteps();
            updater.update(e -> e.withStatus(status, StepRun.FAILED.equals(status) ? STEP_FAILURE : null,
                    services.clock().instant()));
        } catch (InterruptedException e) {
            // The emulator is stopping: the execution stays as it is kept, and is ended when the emulator starts.
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Pipeline execution {} failed in the emulator", started.arn(), e);
            updater.update(x -> x.withStatus(StepRun.FAILED, "InternalError: " + e.getMessage(),
                    services.clock().instant()));
        }
    }

    private String runSteps() throws InterruptedException {
        Set<String> active = new LinkedHashSet<>();
        definition.topLevel().forEach(step -> active.add(step.name()));
        Set<String> launched = new HashSet<>();
        Set<String> succeeded = new HashSet<>();
        CompletionService<StepResult> completions = new ExecutorCompletionService<>(pool);
        int limit = started.parallelism() == null ? Integer.MAX_VALUE
                : Math.max(1, started.parallelism().path("MaxParallelExecutionSteps").asInt(Integer.MAX_VALUE));
        int running = 0;
        boolean failed = false;
        while (true) {
            if (!failed && !stopRequested) {
                for (String name : new ArrayList<>(active)) {
                    StepDefinition step = definition.steps().get(name);
                    if (running < limit && !launched.contains(name) && succeeded.containsAll(step.dependsOn())) {
                        launched.add(name);
                        running++;
                        begin(step);
                        completions.submit(() -> runStep(step));
                    }
                }
            }
            if (running == 0) {
                break;
            }
            StepResult result;
            try {
                result = completions.take().get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof InterruptedException) {
                    throw new InterruptedException("step interrupted");
                }
                throw new IllegalStateException(e.getCause());
            }
            running--;
            if (StepRun.SUCCEEDED.equals(result.outcome().status())) {
                succeeded.add(result.step().name());
                if (result.step().isCondition()) {
                    active.addAll(Boolean.TRUE.equals(result.outcome().outcome()) ? result.step().ifSteps()
                            : result.step().elseSteps());
                }
            } else {
                failed = true;
            }
        }
        if (stopRequested) {
            return StepRun.STOPPED;
        }
        return failed ? StepRun.FAILED : StepRun.SUCCEEDED;
    }

    private record StepResult(StepDefinition step, StepOutcome outcome) {
    }

    private void begin(StepDefinition step) {
        StepRun run = new StepRun(step.name(), step.type(), "Executing", services.clock().instant(), null, null,
                JsonNodeFactory.instance.objectNode(), null);
        updater.update(e -> e.withStep(run, run.start()));
    }

    private StepResult runStep(StepDefinition step) throws InterruptedException {
        StepOutcome outcome;
        try {
            outcome = step.isCondition() ? condition(step) : job(step);
        } catch (Expressions.ExpressionException | S3Problem e) {
            outcome = StepOutcome.failed(e.getMessage(), null);
        }
        StepOutcome ended = outcome;
        Instant at = services.clock().instant();
        updater.update(e -> e.withStep(e.step(step.name()).orElseThrow().with(ended.status(), at,
                ended.failureReason(), ended.metadata() == null ? JsonNodeFactory.instance.objectNode()
                        : ended.metadata(), ended.properties()), at));
        return new StepResult(step, ended);
    }

    private StepOutcome condition(StepDefinition step) {
        boolean holds = Conditions.all(step.arguments().path("Conditions"), context());
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        metadata.putObject("Condition").put("Outcome", holds ? "True" : "False");
        ObjectNode properties = JsonNodeFactory.instance.objectNode().put("Outcome", holds);
        return new StepOutcome(StepRun.SUCCEEDED, null, metadata, properties, holds);
    }

    private StepOutcome job(StepDefinition step) throws InterruptedException {
        JsonNode arguments = Expressions.resolve(step.arguments(), context());
        StepRunner runner = new StepRunner(services.calls(), ServiceCalls.Principal.role(roleArn,
                "SageMaker-" + started.id()), started.region(), services.poll(), () -> stopRequested);
        return runner.run(step, arguments, jobName(step.name()), metadata -> updater.update(e -> e.withStep(
                e.step(step.name()).orElseThrow().with("Executing", null, null, metadata, null),
                services.clock().instant())));
    }

    /**
     * The name of a job or model a step creates: {@code pipelines-<execution id>-<step>-<random>}, as AWS names
     * them, within the 63 characters a job name may have.
     */
    private String jobName(String step) {
        String clean = step.replaceAll("[^A-Za-z0-9-]", "-").replaceAll("-+", "-").replaceAll("^-|-$", "");
        String prefix = "pipelines-" + started.id() + "-";
        int room = 63 - prefix.length() - 11;
        clean = clean.length() > room ? clean.substring(0, room) : clean;
        StringBuilder random = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            random.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return prefix + (clean.isEmpty() ? "step" : clean) + "-" + random;
    }

    static String newId() {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    private Expressions.Context context() {
        return new Expressions.Context() {
            @Override
            public JsonNode parameter(String name) {
                JsonNode value = parameters.get(name);
                if (value == null) {
                    throw new Expressions.ExpressionException("Parameter '" + name + "' is not defined");
                }
                return value;
            }

            @Override
            public JsonNode execution(String variable) {
                return switch (variable) {
                    case "PipelineExecutionId" -> TextNode.valueOf(started.id());
                    case "PipelineExecutionArn" -> TextNode.valueOf(started.arn());
                    case "PipelineName" -> TextNode.valueOf(started.pipelineName());
                    case "PipelineArn" -> TextNode.valueOf(started.pipelineArn());
                    case "StartDateTime" -> TextNode.valueOf(started.created().toString());
                    case "CurrentDateTime" -> TextNode.valueOf(services.clock().instant().toString());
                    default -> null;
                };
            }

            @Override
            public JsonNode properties(String step) {
                return current().step(step).filter(s -> StepRun.SUCCEEDED.equals(s.status()))
                        .map(StepRun::properties).orElse(null);
            }

            @Override
            public JsonNode propertyFile(String step, String file) {
                return readPropertyFile(step, file);
            }
        };
    }

    private ExecutionRecord current() {
        return updater.update(UnaryOperator.identity());
    }

    /**
     * A Processing step's property file: the JSON document at FilePath under the S3 URI of the output the
     * PropertyFile names, read as the pipeline's role.
     */
    private JsonNode readPropertyFile(String step, String file) {
        StepDefinition definitionOf = definition.steps().get(step);
        JsonNode declared = null;
        for (JsonNode candidate : definitionOf == null ? JsonNodeFactory.instance.arrayNode()
                : definitionOf.propertyFiles()) {
            if (file.equals(candidate.path("PropertyFileName").asText())) {
                declared = candidate;
            }
        }
        if (declared == null) {
            throw new Expressions.ExpressionException("Step '" + step + "' has no property file '" + file + "'");
        }
        JsonNode properties = current().step(step).map(StepRun::properties).orElse(null);
        if (properties == null) {
            throw new Expressions.ExpressionException("Step '" + step + "' has not succeeded");
        }
        String output = declared.path("OutputName").asText();
        String uri = null;
        for (JsonNode candidate : properties.path("ProcessingOutputConfig").path("Outputs")) {
            if (output.equals(candidate.path("OutputName").asText())) {
                uri = candidate.path("S3Output").path("S3Uri").asText();
            }
        }
        if (uri == null) {
            throw new Expressions.ExpressionException("Step '" + step + "' has no output '" + output + "'");
        }
        String full = uri.replaceAll("/+$", "") + "/" + declared.path("FilePath").asText();
        S3Uri location = S3Uri.parse(full).orElseThrow(() -> new S3Problem("Not an S3 URI: " + full));
        byte[] bytes;
        try {
            bytes = services.roleS3().get(location.bucket(), location.key())
                    .orElseThrow(() -> new S3Problem("Property file " + full + " does not exist"));
        } catch (RuntimeException e) {
            if (e instanceof S3Problem problem) {
                throw problem;
            }
            throw new S3Problem("Cannot read property file " + full + ": " + e.getMessage());
        }
        try {
            return Json.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new S3Problem("Property file " + full + " is not JSON: " + e.getMessage());
        }
    }

    /** A property file that cannot be read: the step reading it fails with this message. */
    static final class S3Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        S3Problem(String message) {
            super(message);
        }
    }
}
