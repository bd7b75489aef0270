package io.labrunner.emulator.tls;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

/**
 * A private key and its certificate, in memory.
 *
 * @param key         the private key; never written anywhere but the key file
 * @param certificate the self-signed certificate clients are told to trust
 */
record TlsMaterial(PrivateKey key, X509Certificate certificate) {

    /** The password of the in-memory key store Jetty reads; the store is never written out. */
    static final String STORE_PASSWORD = "emulator";

    /** An in-memory PKCS#12 key store holding the pair under alias {@code emulator}, for Jetty. */
    KeyStore keyStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("emulator", key, STORE_PASSWORD.toCharArray(), new Certificate[] {certificate});
            return store;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("Could not hold the emulator's TLS key in memory: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        // A record would print the key; only the certificate's subject is fit to show.
        return "TlsMaterial[" + certificate.getSubjectX500Principal() + "]";
    }
}
