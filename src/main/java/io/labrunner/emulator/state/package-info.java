/**
 * The emulator's durable state: one embedded key–value store that every service keeps its state in,
 * so that {@code lab emulator --data DIR} comes back after a restart with what it had.
 *
 * <p>The store is H2's MVStore ({@code com.h2database:h2-mvstore}), one file under
 * {@code DATA/state/}. Why this one:
 * <ul>
 *   <li>pure Java, no native library to unpack at run time, a few milliseconds to open;</li>
 *   <li>copy-on-write with atomic commits: a process killed at any moment (kill -9) leaves the
 *       last committed state loadable, with no partial write visible;</li>
 *   <li>sorted key→value maps, which suit both catalog-like state (a few hundred entries rewritten
 *       now and then) and append-heavy state (thousands of Kinesis records), and let a service
 *       drop everything under a key prefix.</li>
 * </ul>
 * DuckDB (already used by Athena) was rejected: it is built for analytical scans, not for many tiny
 * writes. SQLite was rejected: its JDBC driver unpacks a native library at run time.
 *
 * <p>Each service keeps its in-memory model and writes every change through to named
 * {@link io.labrunner.emulator.state.StateMap}s, whose values are JSON. The emulator commits after
 * every request it answers ({@link io.labrunner.emulator.state.CommitAfterEachRequest}), so whatever a
 * client was told succeeded is on disk before the client hears it; changes made in the background
 * (a crawl finishing, a query completing) are committed by the store within
 * {@link io.labrunner.emulator.state.StateStore#BACKGROUND_COMMIT_MILLIS}, and everything on close.
 */
package io.labrunner.emulator.state;
