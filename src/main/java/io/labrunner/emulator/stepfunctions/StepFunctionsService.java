package io.labrunner.emulator.stepfunctions;

import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.AwsService;
import io.labrunner.emulator.Protocol;
import io.labrunner.emulator.iam.IamDirectory;
import io.labrunner.emulator.iam.access.AccessRequest;
import io.labrunner.emulator.protocol.JsonProtocolService;
import io.labrunner.emulator.protocol.OperationHandler;
import io.labrunner.emulator.state.StateStore;
import io.labrunner.emulator.stepfunctions.asl.TaskRunner;
import io.labrunner.emulator.stepfunctions.integrations.TaskTokens;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Emulated AWS Step Functions on the protocol core (AWS JSON 1.0, target prefix {@code AWSStepFunctions}, signing
 * name {@code states}): state machines (Standard and Express), executions run by the States Language interpreter
 * ({@code asl.StateMachine}) with their history, task-token callbacks and tags. State machines, executions and
 * their history are kept in the state store; see {@link ExecutionRunner} for executions a restart interrupts.
 *
 * <p>StartSyncExecution is served on the emulator's own endpoint: AWS SDKs send it to the host
 * {@code sync-<endpoint>}, so clients disable host prefix injection (SDK for Java v2:
 * {@code SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION}; boto3:
 * {@code Config(inject_host_prefix=False)}), or resolve {@code sync-localhost} to the emulator.
 *
 * <p>Not here: activities, versions and aliases, redrive, Map Runs (distributed Map) and TestState.
 */
public final class StepFunctionsService implements AwsService, io.labrunner.emulator.TaggableResources {
    private final JsonProtocolService protocol;
    private final ExecutionRunner runner;
    private final TaskRunner tasks;
    private final SfnState machineStore;
    private final Tags tags;

    /**
     * @param account the account ARNs name
     * @param iam     the roles CreateStateMachine checks the execution role against
     * @param state   where state machines, executions and history are kept
     * @param integrations runs Task states (the service integrations), given the task tokens SendTask* completes
     * @param clock   dates of creation, start and stop
     */
    public StepFunctionsService(String account, IamDirectory iam, StateStore state,
            Function<TaskTokens, TaskRunner> integrations, Clock clock) {
        TaskTokens tokens = new TaskTokens();
        this.tasks = integrations.apply(tokens);
        SfnState store = new SfnState(state);
        this.runner = new ExecutionRunner(store, tasks, clock);
        runner.failInterrupted();
        StateMachineOperations machines = new StateMachineOperations(account, store, runner, iam, clock);
        ExecutionOperations executions = new ExecutionOperations(store, machines, runner, clock);
        TaskOperations callbacks = new TaskOperations(tokens);
        Tags tags = new Tags(store);
        this.machineStore = store;
        this.tags = tags;
        this.protocol = JsonProtocolService.builder("stepfunctions")
                .handler("CreateStateMachine", inRegion(machines::create))
                .handler("DescribeStateMachine", inRegion(machines::describe))
                .handler("UpdateStateMachine", inRegion(machines::update))
                .handler("ListStateMachines", inRegion(machines::list))
                .handler("DeleteStateMachine", inRegion(machines::delete))
                .handler("ValidateStateMachineDefinition", inRegion(machines::validate))
                .handler("StartExecution", inRegion(executions::start))
                .handler("StartSyncExecution", inRegion(executions::startSync))
                .handler("DescribeExecution", inRegion(executions::describe))
                .handler("ListExecutions", inRegion(executions::list))
                .handler("StopExecution", inRegion(executions::stop))
                .handler("GetExecutionHistory", inRegion(executions::history))
                .handler("DescribeStateMachineForExecution", inRegion(executions::describeMachineFor))
                .handler("SendTaskSuccess", inRegion(callbacks::success))
                .handler("SendTaskFailure", inRegion(callbacks::failure))
                .handler("SendTaskHeartbeat", inRegion(callbacks::heartbeat))
                .handler("TagResource", inRegion(tags::tag))
                .handler("UntagResource", inRegion(tags::untag))
                .handler("ListTagsForResource", inRegion(tags::list))
                .build();
    }

    private static OperationHandler inRegion(
            BiFunction<com.fasterxml.jackson.databind.node.ObjectNode, String, Object> operation) {
        return (input, request) -> operation.apply(input, request.regionOrDefault());
    }

    /** State machines for the Resource Groups Tagging API, over their own tags. */
    @Override
    public Set<String> arnServices() {
        return Set.of("states");
    }

    @Override
    public java.util.List<TaggedResource> taggedResources(String region) {
        return machineStore.machines(region).stream().map(m -> new TaggedResource(m.arn(), m.tags())).toList();
    }

    /** As TagResource on the state machine the ARN names, with its rules (at most 50 tags). */
    @Override
    public void tag(String arn, java.util.Map<String, String> added) {
        com.fasterxml.jackson.databind.node.ObjectNode in = io.labrunner.emulator.Json.object().put("resourceArn", arn);
        com.fasterxml.jackson.databind.node.ArrayNode list = in.putArray("tags");
        added.forEach((k, v) -> list.addObject().put("key", k).put("value", v));
        tags.tag(in, null);
    }

    @Override
    public void untag(String arn, java.util.Collection<String> keys) {
        com.fasterxml.jackson.databind.node.ObjectNode in = io.labrunner.emulator.Json.object().put("resourceArn", arn);
        keys.forEach(in.putArray("tagKeys")::add);
        tags.untag(in, null);
    }

    /** The operations this emulator implements, by their model names. */
    Set<String> implementedOperations() {
        return protocol.operations();
    }

    @Override
    public String signingName() {
        return "states";
    }

    @Override
    public Protocol protocol() {
        return Protocol.JSON;
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        return protocol.handle(request);
    }

    /** {@code states:<Operation>} on the state machine or execution ({@link StepFunctionsAccess}). */
    @Override
    public List<AccessRequest> accessRequests(AwsRequest request) {
        return StepFunctionsAccess.of(request);
    }

    /** Stops running executions; they are reported interrupted at the next start ({@link ExecutionRunner}). */
    @Override
    public void close() {
        runner.close();
        if (tasks instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // The integrations' threads are daemons; nothing is lost.
            }
        }
    }
}
