package io.labrunner.emulator.athena;

/**
 * A result column as Athena's ColumnInfo describes it.
 *
 * @param name      column label, lower-case as Athena returns it
 * @param type      Athena type name: varchar, bigint, integer, double, decimal, boolean, date,
 *                  timestamp, array, row, map, ...
 * @param precision Athena's precision for the type
 * @param scale     Athena's scale for the type
 */
public record ResultColumn(String name, String type, int precision, int scale) {

    static ResultColumn varchar(String name) {
        return new ResultColumn(name, "varchar", 2147483647, 0);
    }
}
