package io.labrunner.emulator.tls;

import org.eclipse.jetty.server.DetectorConnectionFactory;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Makes one Jetty connector answer HTTPS and plain HTTP on the same port: Jetty's
 * {@link DetectorConnectionFactory} looks at a connection's first bytes, hands a TLS ClientHello to TLS
 * and anything else to HTTP/1.1 as before. Requests that came over TLS are secure
 * ({@code HttpServletRequest.isSecure()} is true, their scheme {@code https}), which is what a policy's
 * {@code aws:SecureTransport} is judged from.
 */
public final class TlsOnSamePort {
    private TlsOnSamePort() {
    }

    /**
     * Adds TLS with {@code certificate} in front of {@code connector}'s HTTP/1.1; call before the server
     * starts (a bound connector is fine).
     */
    public static void serve(ServerConnector connector, EmulatorCertificate certificate) {
        HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
        if (http == null) {
            throw new IllegalStateException("The connector serves no HTTP/1.1 to put TLS in front of");
        }
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(certificate.keyStore());
        tls.setKeyStorePassword(TlsMaterial.STORE_PASSWORD);
        // One certificate for every name: nothing to choose by SNI, and an IP address sends none.
        tls.setSniRequired(false);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // A client that dialled a name the certificate lacks has already refused it, or chose not to check:
        // either way a 400 "Invalid SNI" would only get in the way.
        secure.setSniHostCheck(false);
        // Plain-HTTP requests pass through unchanged; TLS ones become https and isSecure().
        http.getHttpConfiguration().addCustomizer(secure);
        connector.addFirstConnectionFactory(new DetectorConnectionFactory(
                new SslConnectionFactory(tls, http.getProtocol())));
    }
}
