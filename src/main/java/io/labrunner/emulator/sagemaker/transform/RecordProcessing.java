package io.labrunner.emulator.sagemaker.transform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A transform job's DataProcessing applied to one record: InputFilter picks what the model sees,
 * JoinSource Input joins the original record with the model's output, OutputFilter picks what is
 * written. As the developer guide describes it: a CSV record is a JSON array of its columns and a
 * joined CSV record is the input's columns followed by the output's; a joined JSON record is the
 * input object with the output under {@code SageMakerOutput}, or, when the input is not an object,
 * {@code {"SageMakerInput": input, "SageMakerOutput": output}}.
 */
final class RecordProcessing {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("").get();

    private final JsonPath inputFilter;
    private final boolean joinInput;
    private final JsonPath outputFilter;
    private final boolean csvInput;
    private final boolean csvOutput;

    RecordProcessing(JsonPath inputFilter, boolean joinInput, JsonPath outputFilter, String contentType,
            String accept) {
        this.inputFilter = inputFilter;
        this.joinInput = joinInput;
        this.outputFilter = outputFilter;
        this.csvInput = !isJson(contentType);
        this.csvOutput = accept == null ? csvInput : !isJson(accept);
    }

    /** The job's DataProcessing member (absent: pass everything through, join nothing). */
    static RecordProcessing of(JsonNode dataProcessing, String contentType, String accept) {
        return new RecordProcessing(
                JsonPath.parse(dataProcessing.path("InputFilter").asText("$")),
                "Input".equals(dataProcessing.path("JoinSource").asText("None")),
                JsonPath.parse(dataProcessing.path("OutputFilter").asText("$")),
                contentType, accept);
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("json");
    }

    /** True when records pass through unchanged both ways. */
    boolean passesThrough() {
        return inputFilter.isRoot() && !joinInput && outputFilter.isRoot();
    }

    /**
     * What the model receives for {@code record}.
     *
     * @throws IllegalArgumentException when the record cannot be read or has no part the filter selects
     */
    String modelInput(String record) {
        if (inputFilter.isRoot()) {
            return record;
        }
        return render(inputFilter.select(parse(record, csvInput)), csvInput);
    }

    /**
     * What is written for {@code record} given the model's {@code output} for it.
     *
     * @throws IllegalArgumentException when the joined record has no part the output filter selects
     */
    String result(String record, String output) {
        if (!joinInput && outputFilter.isRoot()) {
            return output;
        }
        if (!joinInput) {
            return render(outputFilter.select(parse(output, csvOutput)), csvOutput);
        }
        JsonNode joined = csvInput ? joinCsv(record, output) : joinJson(record, output);
        return render(outputFilter.select(joined), csvInput);
    }

    private JsonNode joinCsv(String record, String output) {
        ArrayNode joined = (ArrayNode) parse(record, true);
        JsonNode out = csvOutput ? parse(output, true) : TextNode.valueOf(output);
        if (out.isArray()) {
            joined.addAll((ArrayNode) out);
        } else {
            joined.add(out);
        }
        return joined;
    }

    private JsonNode joinJson(String record, String output) {
        JsonNode input = parse(record, false);
        JsonNode out;
        try {
            out = JSON.readTree(output);
        } catch (JsonProcessingException e) {
            out = TextNode.valueOf(output.strip());
        }
        ObjectNode joined;
        if (input.isObject()) {
            joined = ((ObjectNode) input).deepCopy();
        } else {
            joined = JsonNodeFactory.instance.objectNode();
            joined.set("SageMakerInput", input);
        }
        joined.set("SageMakerOutput", out);
        return joined;
    }

    private static JsonNode parse(String record, boolean csv) {
        if (!csv) {
            try {
                return JSON.readTree(record);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("the record is not valid JSON: " + e.getOriginalMessage());
            }
        }
        ArrayNode columns = JsonNodeFactory.instance.arrayNode();
        try (CSVParser parser = CSV.parse(new StringReader(record))) {
            List<CSVRecord> rows = parser.getRecords();
            if (!rows.isEmpty()) {
                rows.get(0).forEach(columns::add);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("the record is not valid CSV: " + e.getMessage());
        }
        return columns;
    }

    private static String render(JsonNode node, boolean csv) {
        if (!csv) {
            return node.toString();
        }
        if (node.isObject()) {
            throw new IllegalArgumentException("a CSV record can only be filtered by column index, e.g. $[1:]");
        }
        StringBuilder line = new StringBuilder();
        try (var printer = CSV.print(line)) {
            if (node.isArray()) {
                for (JsonNode value : node) {
                    printer.print(value.isValueNode() ? value.asText() : value.toString());
                }
            } else {
                printer.print(node.asText());
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return line.toString();
    }
}
