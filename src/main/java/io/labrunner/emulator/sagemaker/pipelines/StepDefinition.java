package io.labrunner.emulator.sagemaker.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * One step of a pipeline definition.
 *
 * @param arguments     the step's Arguments, with their expressions still unresolved
 * @param dependsOn     the steps it must wait for: its DependsOn, the steps its expressions read, and the
 *                      Condition step whose branch it is in
 * @param propertyFiles the PropertyFiles a Processing step declares (PropertyFileName, OutputName, FilePath)
 * @param ifSteps       a Condition step's steps to run when its conditions hold
 * @param elseSteps     a Condition step's steps to run otherwise
 * @param branchOf      the Condition step this step is a branch of; null for a top-level step
 */
record StepDefinition(String name, String type, JsonNode arguments, Set<String> dependsOn, JsonNode propertyFiles,
        List<String> ifSteps, List<String> elseSteps, String branchOf) {

    static final List<String> TYPES = List.of("Training", "Processing", "Transform", "Model", "RegisterModel",
            "Condition", "Fail");

    boolean isCondition() {
        return "Condition".equals(type);
    }
}
