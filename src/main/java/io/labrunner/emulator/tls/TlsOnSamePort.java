package io.labrunner.emulator.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
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
 *
 * <p>The certificate is loaded (or made) and TLS set up on a background thread from {@link #prepare} on, so
 * that on a cold JVM it overlaps the rest of the emulator's start-up; {@link #serve} waits for it.
 */
public final class TlsOnSamePort implements AutoCloseable {
    private final FutureTask<Prepared> preparation;

    private record Prepared(EmulatorCertificate certificate, SslContextFactory.Server context) {
    }

    private TlsOnSamePort(FutureTask<Prepared> preparation) {
        this.preparation = preparation;
    }

    /** Starts loading or making {@code dataDir}'s certificate and setting up TLS with it, in the background. */
    public static TlsOnSamePort prepare(Path dataDir, Clock clock) {
        FutureTask<Prepared> task = new FutureTask<>(() -> {
            EmulatorCertificate certificate = EmulatorCertificate.loadOrCreate(dataDir, clock);
            SslContextFactory.Server context = new SslContextFactory.Server();
            context.setKeyStore(certificate.keyStore());
            context.setKeyStorePassword(TlsMaterial.STORE_PASSWORD);
            // One certificate for every name: nothing to choose by SNI, and an IP address sends none.
            context.setSniRequired(false);
            context.start();
            return new Prepared(certificate, context);
        });
        Thread thread = new Thread(task, "lab-emulator-tls-set-up");
        thread.setDaemon(true);
        thread.start();
        return new TlsOnSamePort(task);
    }

    /**
     * Puts TLS in front of {@code connector}'s HTTP/1.1; call before the server starts (a bound connector is
     * fine).
     *
     * @throws UncheckedIOException when the certificate could not be read or written in the data folder
     */
    public void serve(ServerConnector connector) {
        HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
        if (http == null) {
            throw new IllegalStateException("The connector serves no HTTP/1.1 to put TLS in front of");
        }
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // A client that dialled a name the certificate lacks has already refused it, or chose not to check:
        // either way a 400 "Invalid SNI" would only get in the way.
        secure.setSniHostCheck(false);
        // Plain-HTTP requests pass through unchanged; TLS ones become https and isSecure().
        http.getHttpConfiguration().addCustomizer(secure);
        connector.addFirstConnectionFactory(new DetectorConnectionFactory(
                new SslConnectionFactory(prepared().context(), http.getProtocol())));
    }

    /** The certificate served, once prepared. */
    public EmulatorCertificate certificate() {
        return prepared().certificate();
    }

    /** Stops TLS's context (started here, so the server does not stop it). */
    @Override
    public void close() {
        try {
            preparation.get().context().stop();
        } catch (Exception e) {
            // Not prepared, or failed: nothing to stop.
        }
    }

    private Prepared prepared() {
        try {
            return preparation.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while TLS was being set up", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw new IllegalStateException("TLS could not be set up: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
