package io.labrunner.labs.mlpipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The roles' policies are JSON IAM can read, and name this run's resources rather than everything. */
class PipelineRolesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PipelineRoles.Scope SCOPE = new PipelineRoles.Scope("aws", "eu-west-1", "111122223333",
            "lab-k3f9x2-churn-lake", "lab_k3f9x2_churn", "lab-k3f9x2-lake-crawler", "lab-k3f9x2-pipeline",
            "lab-k3f9x2-churn", "lab-k3f9x2-churn-models", "arn:aws:iam::111122223333:role/lab-k3f9x2-sagemaker-role",
            "lab-k3f9x2-retrain");

    @Test
    void eventBridgeMayStartOnlyThisStateMachine() throws Exception {
        JsonNode statement = JSON.readTree(PipelineRoles.eventsPolicy(SCOPE)).path("Statement").get(0);
        assertThat(statement.path("Action").asText()).isEqualTo("states:StartExecution");
        assertThat(statement.path("Resource").asText())
                .isEqualTo("arn:aws:states:eu-west-1:111122223333:stateMachine:lab-k3f9x2-retrain");
    }

    @Test
    void theStateMachineMayTouchOnlyThisRunsResourcesApartFromWhatSyncNeeds() throws Exception {
        List<String> resources = new ArrayList<>();
        for (JsonNode statement : JSON.readTree(PipelineRoles.statesPolicy(SCOPE)).path("Statement")) {
            JsonNode resource = statement.path("Resource");
            if (resource.isArray()) {
                resource.forEach(r -> resources.add(r.asText()));
            } else {
                resources.add(resource.asText());
            }
        }
        assertThat(resources).filteredOn(r -> r.equals("*")).hasSize(1);
        assertThat(resources).filteredOn(r -> !r.equals("*") && !r.contains("lab-k3f9x2") && !r.contains("lab_k3f9x2"))
                .containsExactlyInAnyOrder("arn:aws:glue:eu-west-1:111122223333:catalog",
                        "arn:aws:athena:eu-west-1:111122223333:datacatalog/AwsDataCatalog",
                        "arn:aws:events:eu-west-1:111122223333:rule/StepFunctionsGetEventsForSageMakerTrainingJobsRule",
                        "arn:aws:events:eu-west-1:111122223333:rule/StepFunctionsGetEventsForSageMakerTransformJobsRule");
    }

    @Test
    void theCrawlerReadsOnlyTheLake() throws Exception {
        JsonNode statements = JSON.readTree(PipelineRoles.crawlerPolicy(SCOPE)).path("Statement");
        assertThat(statements.get(1).path("Resource").asText()).isEqualTo("arn:aws:s3:::lab-k3f9x2-churn-lake/lake/customers/*");
        assertThat(JSON.readTree(PipelineRoles.trust("states.amazonaws.com")).path("Statement").get(0)
                .path("Principal").path("Service").asText()).isEqualTo("states.amazonaws.com");
    }

    @Test
    void theRulePatternIsJsonAndFiltersOnTheLakePrefix() throws Exception {
        JsonNode pattern = JSON.readTree(Trigger.pattern("lab-k3f9x2-churn-lake"));
        assertThat(pattern.path("detail").path("object").path("key").get(0).path("prefix").asText())
                .isEqualTo(MlPipelineLab.LAKE);
        assertThat(PipelineRuns.s3Event(S3Events.objectCreated("111122223333", "eu-west-1", "b", "lake/x.csv")))
                .isPresent();
    }
}
