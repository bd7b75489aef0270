package io.labrunner.emulator.sagemaker.linearlearner;

import io.labrunner.emulator.sagemaker.algorithms.AlgorithmException;
import io.labrunner.emulator.sagemaker.algorithms.ChannelData;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads a channel in the container's CSV layout: no header, the label in the first column, features
 * after it. RecordIO-protobuf, the container's other training format, is refused with a ClientError
 * that says CSV works here.
 */
final class CsvChannel {
    private static final String RECORDIO = "application/x-recordio-protobuf";

    private CsvChannel() {
    }

    static Dataset read(ChannelData channel) throws AlgorithmException {
        checkContentType(channel);
        Builder rows = new Builder();
        for (Path file : channel.files()) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                int number = 0;
                while ((line = reader.readLine()) != null) {
                    number++;
                    if (!line.isBlank()) {
                        rows.add(parse(line, channel.name(), file.getFileName().toString(), number));
                    }
                }
            } catch (IOException e) {
                throw AlgorithmException.clientError("Unable to read the data in channel '" + channel.name()
                        + "': " + e.getMessage());
            }
        }
        if (rows.rows == 0) {
            throw AlgorithmException.clientError("No training data found in channel '" + channel.name()
                    + "'; the channel's files hold no records.");
        }
        return rows.build();
    }

    private static void checkContentType(ChannelData channel) throws AlgorithmException {
        String type = channel.contentType();
        String base = type == null ? null : type.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if ("text/csv".equals(base)) {
            return;
        }
        String local = " The embedded emulator reads CSV (label in the first column, no header): set the channel's"
                + " ContentType to text/csv.";
        if (base == null || RECORDIO.equals(base)) {
            throw AlgorithmException.clientError("Channel '" + channel.name() + "' is " + RECORDIO
                    + (base == null ? " (linear-learner's default when no ContentType is given)" : "")
                    + ", which this emulator does not read." + local);
        }
        // The container's wording for a content type it has no reader for (aws/sagemaker-python-sdk#819).
        throw AlgorithmException.clientError("No iterator has been registered for ContentType ('" + base
                + "', '1.0')." + local);
    }

    private static double[] parse(String line, String channel, String file, int number) throws AlgorithmException {
        String[] cells = line.split(",", -1);
        if (cells.length < 2) {
            throw AlgorithmException.clientError("Record " + number + " of " + file + " in channel '" + channel
                    + "' has " + cells.length + " column(s); linear-learner's CSV needs the label and at least one"
                    + " feature.");
        }
        double[] values = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i].trim();
            try {
                values[i] = Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                values[i] = Double.NaN;
            }
            if (!Double.isFinite(values[i])) {
                throw AlgorithmException.clientError("Unable to parse the value '" + cell + "' in column " + (i + 1)
                        + " of record " + number + " of " + file + " in channel '" + channel
                        + "' as a number; CSV data must be numeric, with no header.");
            }
        }
        return values;
    }

    /** Grows flat arrays as rows arrive and checks that every row has the first row's width. */
    private static final class Builder {
        private double[] features = new double[1024];
        private double[] labels = new double[64];
        private int rows;
        private int dim = -1;

        void add(double[] row) throws AlgorithmException {
            if (dim < 0) {
                dim = row.length - 1;
            } else if (row.length - 1 != dim) {
                throw AlgorithmException.clientError("Record " + (rows + 1) + " has " + (row.length - 1)
                        + " features but the records before it have " + dim + "; every record needs the same number"
                        + " of columns.");
            }
            if ((long) (rows + 1) * dim > features.length) {
                features = Arrays.copyOf(features, (int) Math.min(Integer.MAX_VALUE - 8,
                        Math.max((long) features.length * 2, (long) (rows + 1) * dim)));
            }
            if (rows == labels.length) {
                labels = Arrays.copyOf(labels, labels.length * 2);
            }
            labels[rows] = row[0];
            System.arraycopy(row, 1, features, rows * dim, dim);
            rows++;
        }

        Dataset build() {
            return new Dataset(Arrays.copyOf(features, rows * dim), Arrays.copyOf(labels, rows), rows, dim);
        }
    }
}
