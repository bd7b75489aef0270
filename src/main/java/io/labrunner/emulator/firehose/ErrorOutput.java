package io.labrunner.emulator.firehose;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The error output object for records format conversion failed: one JSON document per record, a line each,
 * in the shape https://docs.aws.amazon.com/firehose/latest/dev/record-format-conversion-error-handling.html
 * gives, the raw record base64-encoded.
 */
final class ErrorOutput {
    /** The {@code !{firehose:error-output-type}} of format conversion failures (s3-prefixes.html). */
    static final String FORMAT_CONVERSION_FAILED = "format-conversion-failed";

    private ErrorOutput() {
    }

    static byte[] body(List<FormatConverter.Failure> failures, FormatConversion.SchemaReference schema,
                       long attemptEndingMillis) {
        StringBuilder out = new StringBuilder();
        for (FormatConverter.Failure f : failures) {
            ObjectNode doc = Json.object();
            doc.put("attemptsMade", 1);
            doc.put("arrivalTimestamp", f.entry().arrivalMillis());
            doc.put("lastErrorCode", f.code());
            doc.put("lastErrorMessage", f.message());
            doc.put("attemptEndingTimestamp", attemptEndingMillis);
            doc.put("rawData", Base64.getEncoder().encodeToString(f.entry().data()));
            ObjectNode table = doc.putObject("dataCatalogTable");
            table.put("catalogId", schema.catalogId());
            table.put("databaseName", schema.databaseName());
            table.put("tableName", schema.tableName());
            table.put("region", schema.region());
            table.put("versionId", schema.versionId());
            table.putNull("catalogArn");
            out.append(doc).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
