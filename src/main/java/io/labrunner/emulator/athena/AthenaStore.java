package io.labrunner.emulator.athena;

import io.labrunner.emulator.state.StateMap;
import io.labrunner.emulator.state.StateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Athena's state: work groups, query executions and the ClientRequestTokens already used, each change
 * written through to the emulator's state store and loaded back when the emulator starts. The
 * {@code primary} work group always exists. Thread-safe: the maps are concurrent, as the query worker
 * saves executions while requests read them.
 */
final class AthenaStore {
    private final Map<String, QueryExecution> executions = new ConcurrentHashMap<>();
    private final Map<String, String> idsByToken = new ConcurrentHashMap<>();
    private final Map<String, WorkGroup> workGroups = new ConcurrentHashMap<>();
    private final StateMap<QueryExecution.Stored> storedExecutions;
    private final StateMap<String> storedTokens;
    private final StateMap<WorkGroup> storedWorkGroups;

    AthenaStore(StateStore state) {
        this.storedExecutions = state.map("athena.executions", QueryExecution.Stored.class);
        this.storedTokens = state.map("athena.client-request-tokens", String.class);
        this.storedWorkGroups = state.map("athena.workgroups", WorkGroup.class);
        workGroups.putAll(storedWorkGroups.entries());
        if (!workGroups.containsKey("primary")) {
            saveWorkGroup(new WorkGroup("primary", null, "", Instant.now()));
        }
        for (QueryExecution.Stored stored : storedExecutions.values()) {
            QueryExecution execution = QueryExecution.restored(stored);
            executions.put(execution.id, execution);
            save(execution);
        }
        idsByToken.putAll(storedTokens.entries());
    }

    /** The execution with that id, or null. */
    QueryExecution execution(String id) {
        return executions.get(id);
    }

    /** Every execution, as a copy. */
    List<QueryExecution> executions() {
        return new ArrayList<>(executions.values());
    }

    void add(QueryExecution execution) {
        executions.put(execution.id, execution);
        save(execution);
    }

    /** Writes the execution's current state through. */
    void save(QueryExecution execution) {
        storedExecutions.put(execution.id, execution.stored());
    }

    /** The id of the execution a ClientRequestToken started, or null. */
    String idForToken(String token) {
        return idsByToken.get(token);
    }

    void rememberToken(String token, String id) {
        idsByToken.put(token, id);
        storedTokens.put(token, id);
    }

    /** The work group of that name, or null. */
    WorkGroup workGroup(String name) {
        return workGroups.get(name);
    }

    /** Every work group, as a copy. */
    List<WorkGroup> workGroups() {
        return new ArrayList<>(workGroups.values());
    }

    /** Adds the group unless one of its name exists; false if it does. */
    boolean addWorkGroup(WorkGroup group) {
        if (workGroups.putIfAbsent(group.name(), group) != null) {
            return false;
        }
        storedWorkGroups.put(group.name(), group);
        return true;
    }

    private void saveWorkGroup(WorkGroup group) {
        workGroups.put(group.name(), group);
        storedWorkGroups.put(group.name(), group);
    }

    boolean hasExecutions(String workGroup) {
        return executions.values().stream().anyMatch(e -> e.workGroup.equals(workGroup));
    }

    /** Removes the work group and every execution in it. */
    void removeWorkGroup(String name) {
        executions.values().removeIf(e -> {
            if (e.workGroup.equals(name)) {
                storedExecutions.remove(e.id);
                return true;
            }
            return false;
        });
        workGroups.remove(name);
        storedWorkGroups.remove(name);
    }
}
