package io.labrunner.emulator.athena;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import java.time.Instant;

/** Reading request members and writing the response shapes more than one of Athena's handlers uses. */
final class AthenaJson {
    static final ObjectMapper JSON = new ObjectMapper();

    private AthenaJson() {
    }

    /** A string member (the model holds it to be one), or null when absent. */
    static String text(JsonNode node, String field) {
        return node.path(field).textValue();
    }

    /**
     * MaxResults, which the model holds within the operation's range; absent (or 0, where the model
     * allows it) means {@code limit}, so that a paginator always moves on.
     */
    static int maxResults(JsonNode in, int limit) {
        int given = in.path("MaxResults").asInt(0);
        return given == 0 ? limit : given;
    }

    /** Where a page starts: this emulator's NextToken is the index of the next entry. */
    static int pageStart(JsonNode in) {
        String token = text(in, "NextToken");
        if (token == null) {
            return 0;
        }
        try {
            int from = Integer.parseInt(token);
            if (from >= 0) {
                return from;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid("Invalid NextToken");
    }

    static AwsException invalid(String message) {
        return AthenaErrors.invalidInput(message);
    }

    static double epochSeconds(Instant t) {
        return t.toEpochMilli() / 1000.0;
    }

    /** A result column as GetQueryResults' ColumnInfo (and the result file's {@code .metadata}) describe it. */
    static ObjectNode columnInfo(ResultColumn c) {
        ObjectNode info = JSON.createObjectNode();
        info.put("CatalogName", "hive").put("SchemaName", "").put("TableName", "").put("Name", c.name())
                .put("Label", c.name()).put("Type", c.type()).put("Precision", c.precision()).put("Scale", c.scale())
                .put("Nullable", "UNKNOWN").put("CaseSensitive", c.type().equals("varchar"));
        return info;
    }
}
