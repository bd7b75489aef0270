package io.labrunner.emulator.iam;

import java.time.Instant;

/**
 * One version of a managed policy.
 *
 * @param versionId  {@code v1}, {@code v2}, ... (never reused within a policy)
 * @param document   the document as JSON text (decoded)
 * @param createDate when the version was created
 */
public record PolicyVersion(String versionId, String document, Instant createDate) {
}
