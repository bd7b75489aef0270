package io.labrunner.emulator.sagemaker.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.DaemonThreads;
import io.labrunner.emulator.S3Objects;
import io.labrunner.emulator.calls.ServiceCalls;
import io.labrunner.emulator.iam.access.ServiceAccess;
import io.labrunner.emulator.protocol.JsonProtocolService;
import io.labrunner.emulator.sagemaker.OperationGroup;
import io.labrunner.emulator.sagemaker.Paging;
import io.labrunner.emulator.sagemaker.ResourceTags;
import io.labrunner.emulator.sagemaker.RoleS3Objects;
import io.labrunner.emulator.sagemaker.TagOperations;
import io.labrunner.emulator.state.StateStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SageMaker Pipelines' operations: pipelines (create, describe, list, update, delete) and their executions
 * (start, describe, list, stop, their steps and parameters). Executions run on daemon threads; an execution
 * that was running when the emulator stopped is kept as Failed (or Stopped, if it was stopping) when it starts
 * again, since the jobs it waited for are no longer watched.
 */
public final class PipelineOperations implements OperationGroup {
    /** How often a step describes the job it waits for. */
    public static final Duration DEFAULT_POLL = Duration.ofMillis(200);
    static final String INTERRUPTED = "The emulator stopped while the pipeline execution was running.";
    private static final Pattern EXECUTION_ARN = Pattern.compile(
            "arn:aws[a-z\\-]*:sagemaker:([a-z0-9\\-]*):(\\d{12}):pipeline/([^/]+)/execution/([^/]+)");

    private final String account;
    private final ResourceTags tags;
    private final PipelineStore store;
    private final Clock clock;
    private final Supplier<ServiceCalls> calls;
    private final S3Objects s3;
    private final ServiceAccess access;
    private final Duration poll;
    private final Map<String, ExecutionRunner> running = new ConcurrentHashMap<>();
    private final ExecutorService pool = Executors.newCachedThreadPool(
            DaemonThreads.numbered("sagemaker-pipelines-"));

    /**
     * @param calls  SageMaker's operations in-process (read when a step runs: the service starts with the emulator)
     * @param s3     the emulator's S3, read as the pipeline's role for property files, and for a definition in S3
     * @param access what a pipeline's role may do on S3
     */
    public PipelineOperations(String account, ResourceTags tags, StateStore state, Clock clock,
            Supplier<ServiceCalls> calls, S3Objects s3, ServiceAccess access, Duration poll) {
        this.account = account;
        this.tags = tags;
        this.store = new PipelineStore(state);
        this.clock = clock;
        this.calls = calls;
        this.s3 = s3;
        this.access = access;
        this.poll = poll;
        endInterrupted();
    }

    @Override
    public void register(JsonProtocolService.Builder sagemaker) {
        sagemaker.handler("CreatePipeline", this::create)
                .handler("DescribePipeline", (input, request) -> requirePipeline(request.regionOrDefault(),
                        input.path("PipelineName").asText()).describe())
                .handler("ListPipelines", this::list)
                .handler("UpdatePipeline", this::update)
                .handler("DeletePipeline", this::delete)
                .handler("DescribePipelineDefinitionForExecution", this::definitionForExecution)
                .handler("StartPipelineExecution", this::start)
                .handler("DescribePipelineExecution", (input, request) -> requireExecution(
                        input.path("PipelineExecutionArn").asText()).describe())
                .handler("ListPipelineExecutions", this::listExecutions)
                .handler("ListPipelineExecutionSteps", this::listSteps)
                .handler("ListPipelineParametersForExecution", this::listParameters)
                .handler("StopPipelineExecution", this::stop);
    }

    private synchronized Object create(ObjectNode input, AwsRequest request) {
        String region = request.regionOrDefault();
        String name = input.path("PipelineName").asText();
        String token = input.path("ClientRequestToken").asText(null);
        Optional<PipelineRecord> existing = store.pipeline(region, name);
        if (existing.isPresent()) {
            if (token != null && token.equals(existing.get().createToken())) {
                return Map.of("PipelineArn", existing.get().arn());
            }
            throw PipelineErrors.pipelineExists(name);
        }
        String roleArn = input.path("RoleArn").asText();
        String definition = definitionText(input, roleArn);
        PipelineDefinition.parse(definition);
        Instant now = clock.instant();
        PipelineRecord pipeline = new PipelineRecord(region, name, pipelineArn(region, name),
                input.path("PipelineDisplayName").asText(name), text(input, "PipelineDescription"), definition,
                roleArn, input.get("ParallelismConfiguration"), now, now, null, token, 1);
        store.put(pipeline);
        if (input.has("Tags")) {
            tags.put(pipeline.arn(), TagOperations.tagsOf(input.get("Tags")));
        }
        return Map.of("PipelineArn", pipeline.arn());
    }

    /** The definition given inline, or read from S3 as the pipeline's role; exactly one of the two. */
    private String definitionText(ObjectNode input, String roleArn) {
        boolean inline = input.has("PipelineDefinition");
        boolean inS3 = input.has("PipelineDefinitionS3Location");
        if (inline == inS3) {
            throw PipelineErrors.validation("Exactly one of PipelineDefinition and PipelineDefinitionS3Location "
                    + "must be specified.");
        }
        if (inline) {
            return input.get("PipelineDefinition").asText();
        }
        JsonNode location = input.get("PipelineDefinitionS3Location");
        String bucket = location.path("Bucket").asText();
        String key = location.path("ObjectKey").asText();
        String uri = "s3://" + bucket + "/" + key;
        try {
            return RoleS3Objects.actingAs(s3, access, roleArn).get(bucket, key)
                    .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                    .orElseThrow(() -> PipelineErrors.validation("The pipeline definition at " + uri
                            + " does not exist."));
        } catch (RoleS3Objects.S3AccessDenied e) {
            throw PipelineErrors.validation("Unable to read the pipeline definition at " + uri + ": "
                    + e.getMessage());
        }
    }

    private Object list(ObjectNode input, AwsRequest request) {
        String prefix = input.path("PipelineNamePrefix").asText("").toLowerCase(Locale.ROOT);
        Comparator<PipelineRecord> order = "Name".equals(input.path("SortBy").asText())
                ? Comparator.comparing(p -> p.name().toLowerCase(Locale.ROOT))
                : Comparator.comparing(PipelineRecord::created).thenComparing(PipelineRecord::name);
        List<PipelineRecord> matching = store.pipelines(request.regionOrDefault()).stream()
                .filter(p -> p.name().toLowerCase(Locale.ROOT).startsWith(prefix))
                .filter(p -> within(input, p.created()))
                .sorted(ordered(input, order)).toList();
        return Paging.page(input, matching, "PipelineSummaries", PipelineRecord::summary);
    }

    private synchronized Object update(ObjectNode input, AwsRequest request) {
        PipelineRecord pipeline = requirePipeline(request.regionOrDefault(), input.path("PipelineName").asText());
        String roleArn = input.path("RoleArn").asText(pipeline.roleArn());
        String definition = pipeline.definition();
        if (input.has("PipelineDefinition") || input.has("PipelineDefinitionS3Location")) {
            definition = definitionText(input, roleArn);
            PipelineDefinition.parse(definition);
        }
        PipelineRecord updated = new PipelineRecord(pipeline.region(), pipeline.name(), pipeline.arn(),
                input.path("PipelineDisplayName").asText(pipeline.displayName()),
                input.has("PipelineDescription") ? input.get("PipelineDescription").asText() : pipeline.description(),
                definition, roleArn, input.has("ParallelismConfiguration") ? input.get("ParallelismConfiguration")
                        : pipeline.parallelism(), pipeline.created(), clock.instant(), pipeline.lastRun(),
                pipeline.createToken(), pipeline.version() + 1);
        store.put(updated);
        return Map.of("PipelineArn", updated.arn(), "PipelineVersionId", updated.version());
    }

    /** Deleting a pipeline stops its running executions and forgets them. */
    private synchronized Object delete(ObjectNode input, AwsRequest request) {
        PipelineRecord pipeline = requirePipeline(request.regionOrDefault(), input.path("PipelineName").asText());
        for (ExecutionRecord execution : store.executions(pipeline.region(), pipeline.name())) {
            ExecutionRunner runner = running.remove(execution.arn());
            if (runner != null) {
                runner.stop();
            }
            store.remove(execution);
        }
        store.remove(pipeline);
        tags.forget(pipeline.arn());
        return Map.of("PipelineArn", pipeline.arn());
    }

    private Object definitionForExecution(ObjectNode input, AwsRequest request) {
        ExecutionRecord execution = requireExecution(input.path("PipelineExecutionArn").asText());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("PipelineDefinition", execution.definition());
        out.put("CreationTime", execution.created());
        return out;
    }

    private synchronized Object start(ObjectNode input, AwsRequest request) {
        PipelineRecord pipeline = requirePipeline(request.regionOrDefault(), input.path("PipelineName").asText());
        String token = input.path("ClientRequestToken").asText(null);
        for (ExecutionRecord earlier : store.executions(pipeline.region(), pipeline.name())) {
            if (token != null && token.equals(earlier.token())) {
                return Map.of("PipelineExecutionArn", earlier.arn());
            }
        }
        PipelineDefinition definition = PipelineDefinition.parse(pipeline.definition());
        Map<String, JsonNode> values = new LinkedHashMap<>();
        Map<String, String> given = new LinkedHashMap<>();
        for (JsonNode parameter : input.path("PipelineParameters")) {
            given.put(parameter.path("Name").asText(), parameter.path("Value").asText());
        }
        for (String name : given.keySet()) {
            if (!definition.parameters().containsKey(name)) {
                throw PipelineErrors.validation("Parameter '" + name + "' is not defined in the pipeline "
                        + pipeline.name() + ".");
            }
        }
        List<ExecutionRecord.NameValue> listed = new ArrayList<>();
        for (ParameterDefinition parameter : definition.parameters().values()) {
            JsonNode value = given.containsKey(parameter.name()) ? parameter.typed(given.get(parameter.name()))
                    : parameter.typedDefault();
            if (value == null) {
                throw PipelineErrors.validation("Parameter '" + parameter.name() + "' has no default value and "
                        + "no value was given for it.");
            }
            values.put(parameter.name(), value);
            listed.add(new ExecutionRecord.NameValue(parameter.name(), Expressions.text(value)));
        }
        Instant now = clock.instant();
        String id = ExecutionRunner.newId();
        JsonNode parallelism = input.has("ParallelismConfiguration") ? input.get("ParallelismConfiguration")
                : pipeline.parallelism();
        ExecutionRecord execution = new ExecutionRecord(pipeline.region(), pipeline.name(), pipeline.arn(),
                pipeline.arn() + "/execution/" + id, id,
                input.path("PipelineExecutionDisplayName").asText("execution-" + now.toEpochMilli()),
                text(input, "PipelineExecutionDescription"), ExecutionRecord.EXECUTING, null, now, now,
                pipeline.definition(), List.copyOf(listed), parallelism, token, List.of());
        store.put(execution);
        store.put(pipeline.withRun(now));
        ExecutionRunner.Services services = new ExecutionRunner.Services(calls.get(),
                RoleS3Objects.actingAs(s3, access, pipeline.roleArn()), clock, poll);
        ExecutionRunner runner = new ExecutionRunner(execution, definition, values, pipeline.roleArn(), services,
                pool, change -> updateExecution(execution, change));
        running.put(execution.arn(), runner);
        pool.submit(() -> {
            try {
                runner.run();
            } finally {
                running.remove(execution.arn());
            }
        });
        return Map.of("PipelineExecutionArn", execution.arn());
    }

    /** Applies {@code change} to the kept execution; a deleted execution stays deleted. */
    private synchronized ExecutionRecord updateExecution(ExecutionRecord execution,
            UnaryOperator<ExecutionRecord> change) {
        Optional<ExecutionRecord> kept = store.execution(execution.region(), execution.pipelineName(), execution.id());
        if (kept.isEmpty()) {
            return change.apply(execution);
        }
        ExecutionRecord next = change.apply(kept.get());
        if (next != kept.get()) {
            store.put(next);
        }
        return next;
    }

    private Object listExecutions(ObjectNode input, AwsRequest request) {
        PipelineRecord pipeline = requirePipeline(request.regionOrDefault(), input.path("PipelineName").asText());
        Comparator<ExecutionRecord> order = "PipelineExecutionArn".equals(input.path("SortBy").asText())
                ? Comparator.comparing(ExecutionRecord::arn)
                : Comparator.comparing(ExecutionRecord::created).thenComparing(ExecutionRecord::id);
        List<ExecutionRecord> matching = store.executions(pipeline.region(), pipeline.name()).stream()
                .filter(e -> within(input, e.created()))
                .sorted(ordered(input, order)).toList();
        return Paging.page(input, matching, "PipelineExecutionSummaries", ExecutionRecord::summary);
    }

    /** The steps that have started, newest first unless SortOrder is Ascending. */
    private Object listSteps(ObjectNode input, AwsRequest request) {
        ExecutionRecord execution = requireExecution(input.path("PipelineExecutionArn").asText());
        List<StepRun> steps = new ArrayList<>(execution.steps());
        Comparator<StepRun> order = Comparator.comparing(StepRun::start);
        steps.sort(ordered(input, order));
        return Paging.page(input, steps, "PipelineExecutionSteps", StepRun::describe);
    }

    private Object listParameters(ObjectNode input, AwsRequest request) {
        ExecutionRecord execution = requireExecution(input.path("PipelineExecutionArn").asText());
        return Paging.page(input, execution.parameters(), "PipelineParameters",
                p -> Map.of("Name", p.name(), "Value", p.value()));
    }

    private synchronized Object stop(ObjectNode input, AwsRequest request) {
        ExecutionRecord execution = requireExecution(input.path("PipelineExecutionArn").asText());
        if (ExecutionRecord.STOPPING.equals(execution.status())) {
            return Map.of("PipelineExecutionArn", execution.arn());
        }
        if (!ExecutionRecord.EXECUTING.equals(execution.status())) {
            throw PipelineErrors.validation("Pipeline execution " + execution.arn() + " is in status "
                    + execution.status() + "; only an Executing pipeline execution can be stopped.");
        }
        store.put(execution.withStatus(ExecutionRecord.STOPPING, null, clock.instant()));
        ExecutionRunner runner = running.get(execution.arn());
        if (runner != null) {
            runner.stop();
        } else {
            store.put(execution.withStatus(StepRun.STOPPED, null, clock.instant()));
        }
        return Map.of("PipelineExecutionArn", execution.arn());
    }

    /** Ends what was running when the emulator last stopped: nothing watches those jobs any more. */
    private void endInterrupted() {
        Instant now = clock.instant();
        for (ExecutionRecord execution : store.allExecutions()) {
            if (!execution.running()) {
                continue;
            }
            boolean stopping = ExecutionRecord.STOPPING.equals(execution.status());
            ExecutionRecord ended = execution;
            for (StepRun step : execution.steps()) {
                if (!step.ended()) {
                    ended = ended.withStep(step.with(stopping ? StepRun.STOPPED : StepRun.FAILED, now,
                            stopping ? null : INTERRUPTED, step.metadata(), step.properties()), now);
                }
            }
            store.put(ended.withStatus(stopping ? StepRun.STOPPED : StepRun.FAILED, stopping ? null : INTERRUPTED,
                    now));
        }
    }

    private PipelineRecord requirePipeline(String region, String nameOrArn) {
        String name = nameOrArn.startsWith("arn:") ? nameOrArn.substring(nameOrArn.indexOf(":pipeline/")
                + ":pipeline/".length()) : nameOrArn;
        return store.pipeline(region, name).orElseThrow(() -> PipelineErrors.pipelineNotFound(pipelineArn(region,
                name)));
    }

    private ExecutionRecord requireExecution(String arn) {
        Matcher matcher = EXECUTION_ARN.matcher(arn);
        if (!matcher.matches()) {
            throw PipelineErrors.executionNotFound(arn);
        }
        return store.execution(matcher.group(1), matcher.group(3), matcher.group(4))
                .orElseThrow(() -> PipelineErrors.executionNotFound(arn));
    }

    /** SageMaker's ARNs carry names in lower case. */
    private String pipelineArn(String region, String name) {
        return "arn:aws:sagemaker:" + region + ":" + account + ":pipeline/" + name.toLowerCase(Locale.ROOT);
    }

    private static String text(ObjectNode input, String member) {
        return input.has(member) ? input.get(member).asText() : null;
    }

    private static boolean within(ObjectNode input, Instant created) {
        JsonNode after = input.get("CreatedAfter");
        JsonNode before = input.get("CreatedBefore");
        return (after == null || created.isAfter(instant(after))) && (before == null || created.isBefore(instant(before)));
    }

    private static Instant instant(JsonNode timestamp) {
        return Instant.ofEpochMilli(timestamp.asLong());
    }

    /** Newest first unless the request asks for Ascending, as SageMaker's lists order. */
    private static <T> Comparator<T> ordered(ObjectNode input, Comparator<T> order) {
        return "Ascending".equals(input.path("SortOrder").asText("Descending")) ? order : order.reversed();
    }


    @Override
    public void close() {
        running.values().forEach(ExecutionRunner::stop);
        pool.shutdownNow();
    }
}
