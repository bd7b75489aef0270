package io.labrunner.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import software.amazon.awssdk.http.TlsTrustManagersProvider;

/**
 * Trust in the certificates of one PEM file and nothing else: what an SDK client that talks to the
 * emulator over HTTPS uses in place of the system's authorities.
 */
public final class PemTrust {
    private PemTrust() {
    }

    /** For an SDK HTTP client's {@code tlsTrustManagersProvider(...)}: trusts only what {@code pem} holds. */
    public static TlsTrustManagersProvider provider(Path pem) {
        TrustManager[] managers = trustManagers(pem);
        return () -> managers;
    }

    /**
     * Trust managers that accept a server only if it presents a certificate of {@code pem} (or one issued by
     * it); hostnames are still checked by the client.
     *
     * @throws LabException when the file is missing or holds no certificate
     */
    public static TrustManager[] trustManagers(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new LabException("The certificate file " + pem + " holds no certificate.");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("trusted-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory.getTrustManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw new LabException("The certificate file " + pem + " cannot be read (" + e.getMessage() + ").");
        }
    }
}
