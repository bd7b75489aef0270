package io.labrunner.emulator.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes the emulator's certificate: an EC P-256 key (fast to generate, unlike RSA) and a self-signed
 * certificate naming {@code localhost}, {@code 127.0.0.1} and {@code ::1}. BouncyCastle only builds and
 * encodes the certificate; the key and the signature come from the JDK's own providers, so BouncyCastle's
 * provider is never registered. Only this class touches BouncyCastle: a data folder that already has its
 * certificate never loads it.
 */
final class SelfSignedCertificate {
    /** The names clients use for a loopback emulator; a client checks the one it dialled against these. */
    static final String[] DNS_NAMES = {"localhost"};
    static final String[] IP_ADDRESSES = {"127.0.0.1", "::1"};
    /** Long-lived: the learner trusts this one file once, and it names loopback only. */
    static final Duration VALIDITY = Duration.ofDays(3650);

    private SelfSignedCertificate() {
    }

    /** A new key pair and its certificate, valid from a minute ago (clocks differ a little) for {@link #VALIDITY}. */
    static TlsMaterial generate(Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=localhost,O=Lab Runner emulator");
            byte[] serial = new byte[16];
            new SecureRandom().nextBytes(serial);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(1, serial),
                    Date.from(now.minus(Duration.ofMinutes(1))), Date.from(now.plus(VALIDITY)), subject,
                    pair.getPublic());
            GeneralName[] names = new GeneralName[DNS_NAMES.length + IP_ADDRESSES.length];
            int i = 0;
            for (String dns : DNS_NAMES) {
                names[i++] = new GeneralName(GeneralName.dNSName, dns);
            }
            for (String ip : IP_ADDRESSES) {
                names[i++] = new GeneralName(GeneralName.iPAddress, ip);
            }
            // The extensions strict verifiers (Python 3.13's VERIFY_X509_STRICT) look for on a self-signed leaf.
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names))
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(pair.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(pair.getPublic()));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            return new TlsMaterial(pair.getPrivate(), certificate);
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("Could not make the emulator's TLS certificate: " + e.getMessage(), e);
        }
    }
}
