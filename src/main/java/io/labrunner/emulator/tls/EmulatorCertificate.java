package io.labrunner.emulator.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * The emulator's TLS certificate, kept in the data folder under {@code tls/}: {@code emulator-cert.pem}
 * (the certificate clients trust, e.g. {@code aws --ca-bundle}) and {@code emulator-key.pem} (its private
 * key, readable by its owner only). Made on the first start with a data folder, reused on every start after,
 * so a client told once to trust the file keeps trusting it; a temporary data folder gets a fresh one.
 * The key is never printed or logged.
 */
public final class EmulatorCertificate {
    private static final String FOLDER = "tls";
    private static final String CERTIFICATE_FILE = "emulator-cert.pem";
    private static final String KEY_FILE = "emulator-key.pem";
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    /** A certificate closer than this to its end is replaced rather than served until it lapses mid-lab. */
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private final Path pem;
    private final TlsMaterial material;
    private final boolean created;

    private EmulatorCertificate(Path pem, TlsMaterial material, boolean created) {
        this.pem = pem;
        this.material = material;
        this.created = created;
    }

    /**
     * Where the certificate of the emulator serving {@code dataDir} is kept, whether or not it exists yet:
     * what a client that attaches to a running emulator trusts.
     */
    public static Path pemIn(Path dataDir) {
        return dataDir.resolve(FOLDER).resolve(CERTIFICATE_FILE);
    }

    /**
     * The certificate and key kept in {@code dataDir}, or new ones written there when there are none, or
     * when what is there is unreadable, does not belong together, or has (nearly) expired.
     *
     * @throws IOException when the folder cannot be written
     */
    public static EmulatorCertificate loadOrCreate(Path dataDir, Clock clock) throws IOException {
        Path folder = dataDir.resolve(FOLDER);
        Path pem = folder.resolve(CERTIFICATE_FILE);
        Path keyFile = folder.resolve(KEY_FILE);
        Instant now = clock.instant();
        TlsMaterial kept = read(pem, keyFile, now);
        if (kept != null) {
            restrictToOwner(keyFile);
            return new EmulatorCertificate(pem, kept, false);
        }
        Files.createDirectories(folder);
        TlsMaterial made = SelfSignedCertificate.generate(now);
        // The key first: a crash between the two leaves a pair that does not match, which the next start replaces.
        write(keyFile, pem("PRIVATE KEY", made.key().getEncoded()), true);
        try {
            write(pem, pem("CERTIFICATE", made.certificate().getEncoded()), false);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encode the emulator's TLS certificate", e);
        }
        return new EmulatorCertificate(pem, made, true);
    }

    /** The certificate file (PEM) a client trusts to reach the emulator over HTTPS. */
    public Path pem() {
        return pem;
    }

    /** Whether this start made the certificate (clients that trusted an earlier one must be told again). */
    public boolean created() {
        return created;
    }

    /** The certificate itself. */
    public X509Certificate certificate() {
        return material.certificate();
    }

    /** An in-memory key store holding the key and certificate, for the server's TLS. */
    KeyStore keyStore() {
        return material.keyStore();
    }

    @Override
    public String toString() {
        return "EmulatorCertificate[" + pem + "]";
    }

    /** What is kept, if it is whole, belongs together and stays valid a while yet; null otherwise. */
    private static TlsMaterial read(Path pem, Path keyFile, Instant now) {
        try (InputStream in = Files.newInputStream(pem)) {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            certificate.checkValidity(java.util.Date.from(now.plus(RENEW_BEFORE)));
            PrivateKey key = KeyFactory.getInstance(certificate.getPublicKey().getAlgorithm())
                    .generatePrivate(new PKCS8EncodedKeySpec(pemBody(Files.readString(keyFile, StandardCharsets.US_ASCII))));
            return belongTogether(key, certificate) ? new TlsMaterial(key, certificate) : null;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            // Damaged, foreign or expired: a new pair replaces it, at the same paths.
            return null;
        }
    }

    /** Whether {@code key} signs what {@code certificate}'s public key verifies. */
    private static boolean belongTogether(PrivateKey key, X509Certificate certificate) throws GeneralSecurityException {
        String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256with" + key.getAlgorithm();
        byte[] probe = "emulator".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(probe);
        return verifier.verify(signature);
    }

    private static byte[] pemBody(String text) {
        StringBuilder base64 = new StringBuilder();
        for (String line : text.split("\r?\n")) {
            if (!line.startsWith("-----") && !line.isBlank()) {
                base64.append(line.trim());
            }
        }
        return Base64.getDecoder().decode(base64.toString());
    }

    private static byte[] pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Writes whole or not at all (a temporary file moved into place); a secret file is created owner-only
     * before a byte is written, so it is never readable by others, not even for a moment.
     */
    private static void write(Path file, byte[] content, boolean secret) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Files.deleteIfExists(tmp);
        if (secret && posix(file)) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(tmp);
            if (secret) {
                restrictToOwner(tmp);
            }
        }
        try {
            Files.write(tmp, content);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Takes group and others' access off the key file (one copied in, or loosened by hand). */
    private static void restrictToOwner(Path file) throws IOException {
        if (posix(file)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } else {
            java.io.File f = file.toFile();
            f.setReadable(false, false);
            f.setWritable(false, false);
            f.setReadable(true, true);
            f.setWritable(true, true);
        }
    }

    private static boolean posix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
