package io.labrunner.labs.messydata;

/**
 * The Athena SQL of the lab, as the guide gives it: profile the raw table, clean it into Parquet,
 * and export the cleaned features as the CSV the built-in XGBoost trains on.
 */
final class CleaningSql {
    private CleaningSql() {
    }

    /** The raw export as a data engineer declares it: header skipped, empty fields read as NULL. */
    static String createRawTable(String bucket) {
        return """
                CREATE EXTERNAL TABLE readings_raw (
                  reading_id bigint, pump_id string, read_at timestamp, temperature_c double, vibration_mm_s double,
                  pressure_bar double, rpm int, hours_since_service int, load_pct int, failure int)
                ROW FORMAT DELIMITED FIELDS TERMINATED BY ','
                LOCATION 's3://%s/%s'
                TBLPROPERTIES ('skip.header.line.count' = '1')""".formatted(bucket, MessyDataLab.RAW);
    }

    /** One pass over the raw table: duplicates, gaps, the tails, the class balance. */
    static final String PROFILE = """
            SELECT count(*) AS row_count,
                   count(DISTINCT reading_id) AS distinct_readings,
                   count_if(temperature_c IS NULL) AS missing_temperature,
                   count_if(pressure_bar IS NULL) AS missing_pressure,
                   round(approx_percentile(temperature_c, 0.5), 2) AS temperature_p50,
                   round(approx_percentile(temperature_c, 0.99), 2) AS temperature_p99,
                   max(temperature_c) AS temperature_max,
                   round(approx_percentile(vibration_mm_s, 0.99), 2) AS vibration_p99,
                   max(vibration_mm_s) AS vibration_max,
                   round(avg(failure), 4) AS failure_rate
            FROM readings_raw""";

    /** Failures and non-failures once duplicates are gone: the class balance and scale_pos_weight. */
    static final String BALANCE = """
            SELECT failure, count(*) AS readings
            FROM (SELECT DISTINCT * FROM readings_raw)
            GROUP BY failure ORDER BY failure""";

    /**
     * Deduplicate, treat values beyond Tukey's far fences (quartiles ± 3 IQR, from approx_percentile)
     * as sensor glitches, and fill gaps and glitches with the median — into Snappy Parquet.
     */
    static String clean(String bucket) {
        return """
                CREATE TABLE readings_clean
                WITH (format = 'PARQUET', write_compression = 'SNAPPY',
                      external_location = 's3://%s/%s')
                AS WITH deduplicated AS (
                  SELECT DISTINCT * FROM readings_raw
                ), quartiles AS (
                  SELECT approx_percentile(temperature_c, 0.25) AS t25, approx_percentile(temperature_c, 0.5) AS t50,
                         approx_percentile(temperature_c, 0.75) AS t75,
                         approx_percentile(vibration_mm_s, 0.25) AS v25, approx_percentile(vibration_mm_s, 0.5) AS v50,
                         approx_percentile(vibration_mm_s, 0.75) AS v75,
                         approx_percentile(pressure_bar, 0.25) AS p25, approx_percentile(pressure_bar, 0.5) AS p50,
                         approx_percentile(pressure_bar, 0.75) AS p75
                  FROM deduplicated
                )
                SELECT reading_id, pump_id, read_at,
                       CASE WHEN temperature_c BETWEEN t25 - 3 * (t75 - t25) AND t75 + 3 * (t75 - t25)
                            THEN temperature_c ELSE t50 END AS temperature_c,
                       CASE WHEN vibration_mm_s BETWEEN v25 - 3 * (v75 - v25) AND v75 + 3 * (v75 - v25)
                            THEN vibration_mm_s ELSE v50 END AS vibration_mm_s,
                       CASE WHEN pressure_bar BETWEEN p25 - 3 * (p75 - p25) AND p75 + 3 * (p75 - p25)
                            THEN pressure_bar ELSE p50 END AS pressure_bar,
                       rpm, hours_since_service, load_pct, failure
                FROM deduplicated CROSS JOIN quartiles""".formatted(bucket, MessyDataLab.CURATED);
    }

    /**
     * The training file: label first, features after, no header, comma-separated, uncompressed —
     * Athena's TEXTFILE CTAS writes no header, and would GZIP it unless told NONE.
     */
    static String exportTrainingCsv(String bucket) {
        return """
                CREATE TABLE readings_train
                WITH (format = 'TEXTFILE', field_delimiter = ',', write_compression = 'NONE',
                      external_location = 's3://%s/%s')
                AS SELECT failure, temperature_c, vibration_mm_s, pressure_bar, rpm, hours_since_service, load_pct
                FROM readings_clean""".formatted(bucket, MessyDataLab.TRAINING);
    }
}
