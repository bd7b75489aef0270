package io.labrunner.emulator.sagemaker.xgboost;

import io.labrunner.emulator.sagemaker.algorithms.AlgorithmException;
import java.util.Locale;

/**
 * The data formats the container reads, from a channel's ContentType as its {@code get_content_type}
 * maps them: {@code csv}, {@code text/csv} (with an optional {@code label_size=1}), {@code libsvm},
 * {@code text/libsvm}, {@code text/x-libsvm}, {@code parquet}, {@code application/x-parquet}; no
 * ContentType means LIBSVM (docs: "Input/Output Interface for the XGBoost Algorithm").
 */
enum ContentFormat {
    CSV, LIBSVM, PARQUET;

    private static final String ACCEPTED = "csv, libsvm, parquet, recordio-protobuf, text/csv, text/libsvm, "
            + "text/x-libsvm, application/x-parquet, application/x-recordio-protobuf";

    /**
     * The format a ContentType names.
     *
     * @throws AlgorithmException a ClientError in the container's words for any other type
     */
    static ContentFormat of(String contentType) throws AlgorithmException {
        if (contentType == null) {
            return LIBSVM;
        }
        String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
        String type = parts[0].strip();
        switch (type) {
            case "csv", "text/csv" -> {
                for (int i = 1; i < parts.length; i++) {
                    String[] parameter = parts[i].split("=", 2);
                    if (parameter[0].strip().equals("label_size")
                            && !(parameter.length == 2 && parameter[1].strip().equals("1"))) {
                        throw AlgorithmException.clientError(contentType + " is not an accepted csv ContentType. "
                                + "Optional parameter label_size must be equal to 1");
                    }
                }
                return CSV;
            }
            case "libsvm", "text/libsvm", "text/x-libsvm" -> {
                return LIBSVM;
            }
            case "parquet", "application/x-parquet" -> {
                return PARQUET;
            }
            case "recordio-protobuf", "application/x-recordio-protobuf" ->
                throw AlgorithmException.clientError("ContentType " + contentType + " (RecordIO-protobuf) is not read by "
                        + "the local emulator; use text/csv, text/libsvm or application/x-parquet, or run with --target aws.");
            default -> throw AlgorithmException.clientError(contentType + " is not an accepted ContentType: " + ACCEPTED + ".");
        }
    }
}
