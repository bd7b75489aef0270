package io.labrunner.core;

import java.net.URI;
import java.nio.file.Path;

/**
 * How an emulator whose endpoint is plain HTTP is reached over TLS: the same service at an https URL, with a
 * certificate of its own that clients trust instead of the usual authorities.
 *
 * @param endpoint    the https URL, e.g. {@code https://127.0.0.1:4566}
 * @param certificate the PEM file holding the only certificate to trust
 */
public record TlsEndpoint(URI endpoint, Path certificate) {
    public TlsEndpoint {
        if (!"https".equals(endpoint.getScheme())) {
            throw new IllegalArgumentException("A TLS endpoint is an https URL, not " + endpoint);
        }
    }
}
