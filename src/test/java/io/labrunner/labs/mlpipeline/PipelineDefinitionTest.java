package io.labrunner.labs.mlpipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.labs.sagemakerxgboost.ScoredLabels;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reference state machine in the lab's folder: complete, well-formed, and its AUC query right. */
class PipelineDefinitionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FILE = Path.of("labs", "ml-pipeline", PipelineDefinition.FILE);

    private static Map<String, String> values() {
        return PipelineDefinition.values("lab-k3f9x2-churn-lake", "lab_k3f9x2_churn", "lab-k3f9x2-lake-crawler",
                "lab-k3f9x2-pipeline", "lab-k3f9x2-churn", "arn:aws:iam::000000000000:role/lab-k3f9x2-sagemaker-role",
                "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1", "lab-k3f9x2-churn-models");
    }

    @Test
    void everyPlaceholderIsFilledAndTheResultIsJson() throws Exception {
        String filled = PipelineDefinition.fill(PipelineDefinition.template(FILE), values());

        assertThat(filled).doesNotContainPattern("<[a-z][a-z-]*>").contains("s3://lab-k3f9x2-churn-lake/curated/{}/");
        assertThat(JSON.readTree(filled).path("StartAt").asText()).isEqualTo("Name this run");
    }

    @Test
    void aPlaceholderWithoutAValueIsRefusedRatherThanLeftIn() {
        assertThatThrownBy(() -> PipelineDefinition.fill("{\"Name\": \"<crawler>\"}", Map.of()))
                .hasMessageContaining("<crawler>");
    }

    @Test
    void everyTransitionNamesAStateAndEveryStateIsReachable() throws Exception {
        JsonNode machine = JSON.readTree(PipelineDefinition.fill(PipelineDefinition.template(FILE), values()));
        JsonNode states = machine.path("States");
        Set<String> reached = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of(machine.path("StartAt").asText()));
        while (!todo.isEmpty()) {
            String name = todo.remove(todo.size() - 1);
            assertThat(states.has(name)).as("state " + name).isTrue();
            if (!reached.add(name)) {
                continue;
            }
            JsonNode state = states.path(name);
            List<String> next = new ArrayList<>();
            if (state.has("Next")) {
                next.add(state.path("Next").asText());
            }
            if (state.has("Default")) {
                next.add(state.path("Default").asText());
            }
            state.path("Choices").forEach(c -> next.add(c.path("Next").asText()));
            todo.addAll(next);
        }
        Set<String> all = new HashSet<>();
        states.fieldNames().forEachRemaining(all::add);
        assertThat(reached).isEqualTo(all);
        assertThat(states.path("Below the bar").path("Type").asText()).isEqualTo("Fail");
        assertThat(states.path("Register the model").path("End").asBoolean()).isTrue();
    }

    @Test
    void theAucQueryIsTheRankSumAucWithTiesSharingTheirRank() throws Exception {
        JsonNode machine = JSON.readTree(PipelineDefinition.template(FILE));
        String format = machine.path("States").path("Compute the AUC").path("Parameters").path("QueryString.$").asText();
        String template = format.substring(format.indexOf("'") + 1, format.lastIndexOf("',"));
        String sql = template.replace("{}", "t");
        Random random = new Random(7);
        List<Double> scores = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            int label = random.nextDouble() < 0.3 ? 1 : 0;
            // Scores on a coarse grid, so that many tie, some across the classes.
            scores.add(Math.round((0.3 * label + random.nextDouble() * 0.7) * 20) / 20.0);
            labels.add(label);
        }
        Properties offline = new Properties();
        offline.setProperty("autoinstall_known_extensions", "false");
        offline.setProperty("autoload_known_extensions", "false");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:", offline);
             Statement statement = duck.createStatement()) {
            statement.execute("CREATE TABLE scores_t (churned INTEGER, score DOUBLE)");
            StringBuilder insert = new StringBuilder("INSERT INTO scores_t VALUES ");
            for (int i = 0; i < scores.size(); i++) {
                insert.append(i == 0 ? "" : ", ").append('(').append(labels.get(i)).append(", ").append(scores.get(i)).append(')');
            }
            statement.execute(insert.toString());
            try (ResultSet rows = statement.executeQuery(sql)) {
                rows.next();
                assertThat(rows.getDouble("auc")).isCloseTo(new ScoredLabels(scores, labels).auc(),
                        org.assertj.core.data.Offset.offset(0.00006));
            }
        }
    }

    @Test
    void theGateComparesTheAucWithTheLabsBar() throws Exception {
        JsonNode machine = JSON.readTree(PipelineDefinition.template(FILE));
        JsonNode read = machine.path("States").path("Read the AUC").path("ResultSelector");
        assertThat(read.path("minimumAuc").asDouble()).isEqualTo(MlPipelineLab.MINIMUM_AUC);
        Iterator<JsonNode> choices = machine.path("States").path("Good enough?").path("Choices").elements();
        assertThat(choices.next().path("NumericGreaterThanEqualsPath").asText()).isEqualTo("$.evaluation.minimumAuc");
    }
}
