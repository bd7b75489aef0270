package io.labrunner.emulator.glue;

/** One kept version of a table: the definition as it was, and the VersionId it had then. */
record TableVersion(Table table, String versionId) {
}
