/**
 * The emulated Amazon Athena: {@link io.labrunner.emulator.athena.AthenaEngine} runs one statement
 * (Trino SELECT, Hive DDL, CTAS, INSERT INTO, UNLOAD, views) on an in-memory DuckDB over objects
 * kept as files under a blob root, reading and writing table definitions through
 * {@link io.labrunner.emulator.athena.TableCatalog}; {@link io.labrunner.emulator.athena.AthenaService}
 * serves the Athena JSON API on top of it, on the protocol core ({@code io.labrunner.emulator.protocol}),
 * which checks each request against Athena's API model before a handler runs;
 * {@link io.labrunner.emulator.athena.AthenaErrors} words the refusals as Athena does.
 *
 * <p>How a statement runs: the engine names every catalog table in the statement as a DuckDB view
 * {@code awsdatacatalog.<db>.<table>} over the files of the table's registered partitions
 * (read_csv / read_json / read_parquet, cast to the catalog's types), rewrites the functions in
 * which Trino and DuckDB differ, runs it, and renders values as Athena's CSV does. Scanned bytes
 * are counted separately, from the files of the partitions the WHERE clause keeps and, for
 * Parquet, the column chunks of the columns the statement names.
 */
package io.labrunner.emulator.athena;
