package io.labrunner.labs.s3glueathena;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The checks' own reader of Athena's answers: Athena writes each SELECT's result to the output
 * location as {@code <QueryExecutionId>.csv}, every value quoted, header first
 * (https://docs.aws.amazon.com/athena/latest/ug/querying.html). Reading those files from S3 needs
 * nothing from the solution, so a bug there cannot pass its own check.
 */
final class ResultFiles {
    private ResultFiles() {
    }

    /** The result files under {@code prefix}, newest first, each as rows of cells (header first). */
    static List<List<List<String>>> newestFirst(S3Client s3, String bucket, String prefix) {
        List<S3Object> csvFiles = s3.listObjectsV2Paginator(list -> list.bucket(bucket).prefix(prefix))
                .contents().stream()
                .filter(o -> o.key().endsWith(".csv"))
                .sorted(Comparator.comparing(S3Object::lastModified).reversed())
                .toList();
        List<List<List<String>>> results = new ArrayList<>();
        for (S3Object file : csvFiles) {
            String text = s3.getObjectAsBytes(get -> get.bucket(bucket).key(file.key())).asUtf8String();
            results.add(text.lines().map(ResultFiles::csvRow).toList());
        }
        return results;
    }

    /** The newest result whose header is {@code header}. */
    static Optional<List<List<String>>> newestWithHeader(List<List<List<String>>> results, List<String> header) {
        return results.stream().filter(rows -> !rows.isEmpty() && rows.get(0).equals(header)).findFirst();
    }

    /** One line of a result file; these answers hold no commas or quotes inside values. */
    static List<String> csvRow(String line) {
        List<String> values = new ArrayList<>();
        for (String cell : line.split(",", -1)) {
            values.add(cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")
                    ? cell.substring(1, cell.length() - 1) : cell);
        }
        return values;
    }
}
