package io.labrunner.emulator.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labrunner.core.PemTrust;
import io.labrunner.emulator.Emulator;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/** The emulator's one port speaks HTTPS with a certificate kept in its data folder, and plain HTTP as before. */
class EmulatorTlsTest {

    private static S3Client s3(Emulator emulator, URI endpoint, SdkHttpClient http) {
        return S3Client.builder().endpointOverride(endpoint).region(Region.of(emulator.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulator.getAccessKey(), emulator.getSecretKey())))
                .httpClient(http).forcePathStyle(true).build();
    }

    @Test
    void anSdkClientTrustingTheCertificateRoundTripsOverHttpsAndPlainHttpStillWorksOnTheSamePort() {
        try (Emulator emulator = Emulator.builder().port(0).build().start();
             SdkHttpClient trusting = ApacheHttpClient.builder()
                     .tlsTrustManagersProvider(PemTrust.provider(emulator.getCertificatePem())).build();
             SdkHttpClient plain = ApacheHttpClient.builder().build();
             S3Client overTls = s3(emulator, emulator.getHttpsEndpoint(), trusting);
             S3Client overHttp = s3(emulator, emulator.getEndpoint(), plain)) {
            assertThat(emulator.getHttpsEndpoint()).isEqualTo(URI.create("https://127.0.0.1:" + emulator.getPort()));

            overTls.createBucket(b -> b.bucket("secure"));
            overTls.putObject(p -> p.bucket("secure").key("a.txt"), RequestBody.fromString("over tls"));
            assertThat(overHttp.getObjectAsBytes(g -> g.bucket("secure").key("a.txt")).asUtf8String()).isEqualTo("over tls");
            overHttp.putObject(p -> p.bucket("secure").key("b.txt"), RequestBody.fromString("plain"));
            assertThat(overTls.getObjectAsBytes(g -> g.bucket("secure").key("b.txt")).asUtf8String()).isEqualTo("plain");
        }
    }

    @Test
    void theUrlConnectionClientTrustingThePemReachesAJsonServiceByLocalhostToo() {
        try (Emulator emulator = Emulator.builder().port(0).build().start();
             SdkHttpClient http = UrlConnectionHttpClient.builder()
                     .tlsTrustManagersProvider(PemTrust.provider(emulator.getCertificatePem())).build();
             StsClient sts = StsClient.builder().endpointOverride(URI.create("https://localhost:" + emulator.getPort()))
                     .region(Region.US_EAST_1).httpClient(http)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                     .build()) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo(Emulator.ACCOUNT_ID);
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateFailsTheHandshake() {
        try (Emulator emulator = Emulator.builder().port(0).build().start();
             SdkHttpClient systemTrust = ApacheHttpClient.builder().build();
             S3Client s3 = s3(emulator, emulator.getHttpsEndpoint(), systemTrust)) {
            assertThatThrownBy(s3::listBuckets).isInstanceOf(SdkClientException.class)
                    .hasRootCauseInstanceOf(java.security.cert.CertPathBuilderException.class)
                    .satisfies(e -> assertThat(causes(e)).anyMatch(SSLHandshakeException.class::isInstance));
        }
    }

    @Test
    void theCertificateNamesLoopbackOnlyAndIsSelfSigned() throws Exception {
        try (Emulator emulator = Emulator.builder().port(0).build().start()) {
            X509Certificate certificate = (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(Files.newInputStream(emulator.getCertificatePem()));
            Set<String> names = certificate.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1)))
                    .collect(Collectors.toSet());
            assertThat(names).containsExactlyInAnyOrder("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");
            certificate.verify(certificate.getPublicKey());
            assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("EC");
            assertThat(Files.readString(emulator.getCertificatePem())).startsWith("-----BEGIN CERTIFICATE-----\n")
                    .doesNotContain("PRIVATE KEY");
        }
    }

    @Test
    void aRestartWithTheSameDataFolderServesTheSameCertificateAndKey(@TempDir Path data) throws Exception {
        byte[] pem;
        byte[] key;
        Path keyFile;
        try (Emulator first = Emulator.builder().port(0).dataDir(data).build().start()) {
            assertThat(first.getCertificatePem()).isEqualTo(EmulatorCertificate.pemIn(data.toAbsolutePath()));
            pem = Files.readAllBytes(first.getCertificatePem());
            keyFile = first.getCertificatePem().resolveSibling("emulator-key.pem");
            key = Files.readAllBytes(keyFile);
        }
        try (Emulator second = Emulator.builder().port(0).dataDir(data).build().start();
             SdkHttpClient trusting = ApacheHttpClient.builder()
                     // Trusting the file as it was before the restart: a client told once keeps working.
                     .tlsTrustManagersProvider(PemTrust.provider(writeCopy(data.resolveSibling(data.getFileName() + "-old.pem"), pem)))
                     .build();
             S3Client s3 = s3(second, second.getHttpsEndpoint(), trusting)) {
            assertThat(Files.readAllBytes(second.getCertificatePem())).isEqualTo(pem);
            assertThat(Files.readAllBytes(keyFile)).isEqualTo(key);
            assertThat(s3.listBuckets().buckets()).isEmpty();
        }
    }

    @Test
    void temporaryDataFoldersGetAFreshCertificateEach() throws Exception {
        byte[] first;
        try (Emulator one = Emulator.builder().port(0).build().start()) {
            first = Files.readAllBytes(one.getCertificatePem());
        }
        try (Emulator two = Emulator.builder().port(0).build().start()) {
            assertThat(Files.readAllBytes(two.getCertificatePem())).isNotEqualTo(first);
        }
    }

    @Test
    void theKeyFileIsReadableByItsOwnerOnly(@TempDir Path data) throws Exception {
        try (Emulator emulator = Emulator.builder().port(0).dataDir(data).build().start()) {
            Path keyFile = emulator.getCertificatePem().resolveSibling("emulator-key.pem");
            assertThat(Files.getPosixFilePermissions(keyFile))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(Files.readString(keyFile)).startsWith("-----BEGIN PRIVATE KEY-----");
            // Nothing but the two files: no temporary copy of the key left behind.
            try (var files = Files.list(keyFile.getParent())) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .containsExactlyInAnyOrder("emulator-cert.pem", "emulator-key.pem");
            }
        }
    }

    @Test
    void aKeyFileLoosenedByHandIsMadeOwnerOnlyAgainAtTheNextStart(@TempDir Path data) throws Exception {
        try (Emulator emulator = Emulator.builder().port(0).dataDir(data).build().start()) {
            emulator.getCertificatePem();
        }
        Path keyFile = EmulatorCertificate.pemIn(data).resolveSibling("emulator-key.pem");
        Files.setPosixFilePermissions(keyFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        byte[] key = Files.readAllBytes(keyFile);
        try (Emulator emulator = Emulator.builder().port(0).dataDir(data).build().start()) {
            assertThat(Files.getPosixFilePermissions(keyFile))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(Files.readAllBytes(keyFile)).isEqualTo(key);
        }
    }

    @Test
    void aDamagedKeyIsReplacedByANewPairAtTheSamePaths(@TempDir Path data) throws Exception {
        byte[] pem;
        try (Emulator emulator = Emulator.builder().port(0).dataDir(data).build().start()) {
            pem = Files.readAllBytes(emulator.getCertificatePem());
        }
        Path keyFile = EmulatorCertificate.pemIn(data).resolveSibling("emulator-key.pem");
        Files.writeString(keyFile, "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n");
        try (Emulator emulator = Emulator.builder().port(0).dataDir(data).build().start();
             SdkHttpClient trusting = ApacheHttpClient.builder()
                     .tlsTrustManagersProvider(PemTrust.provider(emulator.getCertificatePem())).build();
             S3Client s3 = s3(emulator, emulator.getHttpsEndpoint(), trusting)) {
            assertThat(Files.readAllBytes(emulator.getCertificatePem())).isNotEqualTo(pem);
            assertThat(s3.listBuckets().buckets()).isEmpty();
        }
    }

    private static Path writeCopy(Path file, byte[] content) throws Exception {
        return Files.write(file, content);
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> all = new java.util.ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.add(t);
        }
        return all;
    }
}
