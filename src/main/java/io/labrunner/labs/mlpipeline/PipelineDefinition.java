package io.labrunner.labs.mlpipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state machine as the lab's folder holds it ({@code labs/ml-pipeline/pipeline.asl.json}), with this run's
 * names put in place of its {@code <placeholders>} — what CloudFormation's DefinitionSubstitutions or the guide's
 * {@code sed} do.
 */
final class PipelineDefinition {
    static final String FILE = "pipeline.asl.json";
    private static final Pattern PLACEHOLDER = Pattern.compile("<([a-z][a-z-]*)>");

    private PipelineDefinition() {
    }

    /** The placeholders and this run's values for them, in the order the guide's sed lists them. */
    static Map<String, String> values(String bucket, String database, String crawler, String workGroup,
            String jobPrefix, String sageMakerRoleArn, String xgboostImage, String modelPackageGroup) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("bucket", bucket);
        values.put("database", database);
        values.put("crawler", crawler);
        values.put("workgroup", workGroup);
        values.put("job-prefix", jobPrefix);
        values.put("sagemaker-role-arn", sageMakerRoleArn);
        values.put("xgboost-image", xgboostImage);
        values.put("model-package-group", modelPackageGroup);
        return values;
    }

    /** Reads the reference definition from the lab's folder. */
    static String template(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** The definition with every placeholder filled; a placeholder without a value is an error, not left in. */
    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("No value for <" + m.group(1) + "> in " + FILE);
            }
            m.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        m.appendTail(filled);
        return filled.toString();
    }
}
