package io.labrunner.emulator.protocol;

/**
 * Where a REST operation is served, as the model's {@code "http"} block says.
 *
 * @param method       the HTTP method
 * @param requestUri   the path template with {@code {label}} and greedy {@code {label+}} labels, and
 *                     literal query parts after {@code ?}
 * @param responseCode the status of a successful answer
 */
public record HttpBinding(String method, String requestUri, int responseCode) {
}
