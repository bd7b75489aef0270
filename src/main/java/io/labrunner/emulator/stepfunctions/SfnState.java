package io.labrunner.emulator.stepfunctions;

import io.labrunner.emulator.state.StateMap;
import io.labrunner.emulator.state.StateStore;
import io.labrunner.emulator.stepfunctions.asl.HistoryEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * State machines, executions and each execution's history, by ARN, written through to the state store as they
 * change so that they survive a restart with the same data folder.
 */
final class SfnState {
    private final Map<String, StoredStateMachine> machines = new ConcurrentHashMap<>();
    private final Map<String, StoredExecution> executions = new ConcurrentHashMap<>();
    private final Map<String, List<HistoryEvent>> history = new ConcurrentHashMap<>();
    private final StateMap<StoredStateMachine> storedMachines;
    private final StateMap<StoredExecution> storedExecutions;
    private final StateMap<HistoryEvent> storedHistory;

    SfnState(StateStore state) {
        this.storedMachines = state.map("states.stateMachines", StoredStateMachine.class);
        this.storedExecutions = state.map("states.executions", StoredExecution.class);
        this.storedHistory = state.map("states.history", HistoryEvent.class);
        machines.putAll(storedMachines.entries());
        executions.putAll(storedExecutions.entries());
        storedHistory.entries().forEach((key, event) -> history
                .computeIfAbsent(key.substring(0, key.lastIndexOf('#')), k -> new ArrayList<>()).add(event));
    }

    Optional<StoredStateMachine> machine(String arn) {
        return Optional.ofNullable(machines.get(arn));
    }

    List<StoredStateMachine> machines(String region) {
        return machines.values().stream().filter(m -> m.region().equals(region))
                .sorted(Comparator.comparing(StoredStateMachine::creationDate).thenComparing(StoredStateMachine::name))
                .toList();
    }

    void save(StoredStateMachine machine) {
        machines.put(machine.arn(), machine);
        storedMachines.put(machine.arn(), machine);
    }

    void removeMachine(String arn) {
        machines.remove(arn);
        storedMachines.remove(arn);
    }

    Optional<StoredExecution> execution(String arn) {
        return Optional.ofNullable(executions.get(arn));
    }

    /** The machine's executions, newest first (as ListExecutions orders them). */
    List<StoredExecution> executionsOf(String machineArn) {
        return executions.values().stream().filter(e -> e.stateMachineArn().equals(machineArn))
                .sorted(Comparator.comparing(StoredExecution::startDate).reversed()
                        .thenComparing(StoredExecution::name))
                .toList();
    }

    List<StoredExecution> allExecutions() {
        return List.copyOf(executions.values());
    }

    void save(StoredExecution execution) {
        executions.put(execution.arn(), execution);
        storedExecutions.put(execution.arn(), execution);
    }

    void append(String executionArn, HistoryEvent event) {
        List<HistoryEvent> events = history.computeIfAbsent(executionArn, k -> new ArrayList<>());
        synchronized (events) {
            events.add(event);
        }
        storedHistory.put(executionArn + "#" + String.format("%012d", event.id()), event);
    }

    List<HistoryEvent> history(String executionArn) {
        List<HistoryEvent> events = history.getOrDefault(executionArn, List.of());
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    long lastEventId(String executionArn) {
        List<HistoryEvent> events = history(executionArn);
        return events.isEmpty() ? 0 : events.get(events.size() - 1).id();
    }

    /** Makes what was written so far durable (an execution ending outside any request). */
    void commit() {
        storedExecutions.commit();
    }
}
