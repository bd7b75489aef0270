package io.labrunner.emulator.sagemaker.pipelines;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.labrunner.emulator.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pipeline definition (version 2020-12-01), parsed and checked as CreatePipeline checks it: every step has a
 * unique name and a known type, every step or parameter an expression or DependsOn names exists, no step depends
 * on a Fail step, and the steps' dependencies have no cycle. Condition steps carry their branches' steps inside
 * IfSteps and ElseSteps; those are steps of the pipeline too, run only when their branch is taken.
 *
 * @param parameters by name, in the definition's order
 * @param steps      by name: the top-level steps first, then the branches' steps
 */
record PipelineDefinition(Map<String, ParameterDefinition> parameters, Map<String, StepDefinition> steps) {

    /** The steps that run when an execution starts: those of no Condition step's branch. */
    List<StepDefinition> topLevel() {
        return steps.values().stream().filter(step -> step.branchOf() == null).toList();
    }

    /**
     * Parses {@code json}.
     *
     * @throws io.labrunner.emulator.AwsException ValidationException naming the first problem found
     */
    static PipelineDefinition parse(String json) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw PipelineErrors.validation("Unable to parse pipeline definition. " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw PipelineErrors.validation("Unable to parse pipeline definition. It must be a JSON object.");
        }
        Map<String, ParameterDefinition> parameters = parameters(root.path("Parameters"));
        if (!root.path("Steps").isArray()) {
            throw PipelineErrors.validation("Invalid pipeline definition: Steps must be a list of steps.");
        }
        Map<String, StepDefinition> steps = new LinkedHashMap<>();
        List<JsonNode> pending = new ArrayList<>();
        root.path("Steps").forEach(pending::add);
        Map<JsonNode, String> parents = new IdentityHashMap<>();
        // Breadth first: the top-level steps keep their order, then each branch's steps.
        for (int i = 0; i < pending.size(); i++) {
            JsonNode node = pending.get(i);
            StepDefinition step = step(node, parents.get(node), steps);
            steps.put(step.name(), step);
            for (String branch : List.of("IfSteps", "ElseSteps")) {
                for (JsonNode child : node.path("Arguments").path(branch)) {
                    parents.put(child, step.name());
                    pending.add(child);
                }
            }
        }
        PipelineDefinition definition = new PipelineDefinition(parameters, steps);
        definition.check();
        return definition;
    }

    private static Map<String, ParameterDefinition> parameters(JsonNode list) {
        Map<String, ParameterDefinition> out = new LinkedHashMap<>();
        for (JsonNode node : list) {
            String name = node.path("Name").asText("");
            String type = node.path("Type").asText("");
            if (name.isEmpty()) {
                throw PipelineErrors.validation("Invalid pipeline definition: a parameter has no Name.");
            }
            if (!ParameterDefinition.TYPES.contains(type)) {
                throw PipelineErrors.validation("Invalid pipeline definition: parameter '" + name + "' has type '"
                        + type + "'; it must be one of " + ParameterDefinition.TYPES + ".");
            }
            if (out.containsKey(name)) {
                throw PipelineErrors.validation("Invalid pipeline definition: parameter name '" + name
                        + "' is used more than once.");
            }
            ParameterDefinition parameter = new ParameterDefinition(name, type, node.get("DefaultValue"));
            parameter.typedDefault();
            out.put(name, parameter);
        }
        return out;
    }

    private static StepDefinition step(JsonNode node, String parent, Map<String, StepDefinition> seen) {
        String name = node.path("Name").asText("");
        if (name.isEmpty()) {
            throw PipelineErrors.validation("Invalid pipeline definition: a step has no Name.");
        }
        if (seen.containsKey(name)) {
            throw PipelineErrors.validation("Invalid pipeline definition: step name '" + name
                    + "' is used more than once.");
        }
        String type = node.path("Type").asText("");
        if (!StepDefinition.TYPES.contains(type)) {
            throw PipelineErrors.validation("Invalid pipeline definition: step '" + name + "' has type '" + type
                    + "', which the embedded emulator does not run; it runs " + StepDefinition.TYPES + ".");
        }
        JsonNode arguments = node.path("Arguments");
        Set<String> dependsOn = new LinkedHashSet<>();
        node.path("DependsOn").forEach(d -> dependsOn.add(d.asText()));
        if (parent != null) {
            dependsOn.add(parent);
        }
        List<String> ifSteps = new ArrayList<>();
        List<String> elseSteps = new ArrayList<>();
        JsonNode read = arguments;
        if ("Condition".equals(type)) {
            arguments.path("IfSteps").forEach(s -> ifSteps.add(s.path("Name").asText()));
            arguments.path("ElseSteps").forEach(s -> elseSteps.add(s.path("Name").asText()));
            read = arguments.path("Conditions");
            if (!read.isArray() || read.isEmpty()) {
                throw PipelineErrors.validation("Invalid pipeline definition: Condition step '" + name
                        + "' has no Conditions.");
            }
        }
        try {
            dependsOn.addAll(Expressions.stepsReadBy(read));
        } catch (Expressions.ExpressionException e) {
            throw PipelineErrors.validation("Invalid pipeline definition: step '" + name + "': " + e.getMessage()
                    + ".");
        }
        return new StepDefinition(name, type, arguments, dependsOn, node.path("PropertyFiles"), ifSteps, elseSteps,
                parent);
    }

    private void check() {
        if (steps.isEmpty()) {
            throw PipelineErrors.validation("Invalid pipeline definition: it has no steps.");
        }
        for (StepDefinition step : steps.values()) {
            JsonNode read = step.isCondition() ? step.arguments().path("Conditions") : step.arguments();
            for (String parameter : Expressions.parametersReadBy(read)) {
                if (!parameters.containsKey(parameter)) {
                    throw PipelineErrors.validation("Invalid pipeline definition: step '" + step.name()
                            + "' refers to parameter '" + parameter + "', which is not defined.");
                }
            }
            for (String dependency : step.dependsOn()) {
                StepDefinition other = steps.get(dependency);
                if (other == null) {
                    throw PipelineErrors.validation("Invalid pipeline definition: step '" + step.name()
                            + "' depends on step '" + dependency + "', which is not defined.");
                }
                // As the SageMaker SDK's tests record it: a Fail step ends the execution, nothing can follow it.
                if ("Fail".equals(other.type())) {
                    throw PipelineErrors.validation(step.name() + " can not depends on " + dependency);
                }
                if (dependency.equals(step.name())) {
                    throw PipelineErrors.validation("Invalid pipeline definition: step '" + step.name()
                            + "' depends on itself.");
                }
            }
        }
        checkAcyclic();
    }

    private void checkAcyclic() {
        Map<String, Integer> state = new HashMap<>();
        for (String name : steps.keySet()) {
            visit(name, state, new ArrayList<>());
        }
    }

    private void visit(String name, Map<String, Integer> state, List<String> path) {
        Integer seen = state.get(name);
        if (seen != null && seen == 2) {
            return;
        }
        path.add(name);
        if (seen != null) {
            throw PipelineErrors.validation("Invalid pipeline definition: the steps' dependencies form a cycle: "
                    + String.join(" -> ", path.subList(path.indexOf(name), path.size())) + ".");
        }
        state.put(name, 1);
        for (String dependency : steps.get(name).dependsOn()) {
            visit(dependency, state, path);
        }
        state.put(name, 2);
        path.remove(path.size() - 1);
    }
}
