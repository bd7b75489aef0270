package io.labrunner.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Starting, stopping and restarting the emulator, and what it tells the learner when it cannot start. */
class EmulatorLifecycleTest {

    @Test
    void startingOnAPortInUseFailsWithAOneLineHintNamingThePort() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Emulator emulator = Emulator.builder().port(port).build();

            assertThatThrownBy(emulator::start)
                    .isInstanceOf(EmulatorException.class)
                    .hasMessage("Port " + port + " on 127.0.0.1 is in use; pass --port 0 for a free port or --port N");
            assertThat(emulator.isRunning()).isFalse();
        }
    }

    @Test
    void startingWithADataDirThatIsAFileFailsNamingTheDirectory(@TempDir Path temp) throws IOException {
        Path notADirectory = Files.writeString(temp.resolve("occupied"), "x");
        Emulator emulator = Emulator.builder().port(0).dataDir(notADirectory).build();

        assertThatThrownBy(emulator::start)
                .isInstanceOf(EmulatorException.class)
                .hasMessageContaining("Data directory " + notADirectory.toAbsolutePath() + " is not a writable directory")
                .hasMessageNotContaining("\n");
    }

    @Test
    void objectsSurviveARestartOnTheSameDataDir(@TempDir Path dataDir) {
        try (Emulator first = Emulator.builder().port(0).dataDir(dataDir).build().start();
                S3Client s3 = Clients.s3(first)) {
            s3.createBucket(b -> b.bucket("durable"));
            s3.putObject(b -> b.bucket("durable").key("note.txt"), RequestBody.fromString("still here"));
        }

        try (Emulator second = Emulator.builder().port(0).dataDir(dataDir).build().start();
                S3Client s3 = Clients.s3(second)) {
            assertThat(s3.getObjectAsBytes(b -> b.bucket("durable").key("note.txt")).asUtf8String())
                    .isEqualTo("still here");
        }
        assertThat(dataDir.resolve("s3/durable/note.txt")).exists();
    }

    @Test
    void aTemporaryDataDirIsDeletedOnClose() {
        Emulator emulator = Emulator.builder().port(0).build().start();
        Path dataDir = emulator.getDataDir();
        assertThat(dataDir).isDirectory();

        emulator.close();

        assertThat(dataDir).doesNotExist();
    }

    @Test
    void closeStopsServingAndCanBeCalledTwice() {
        Emulator emulator = Emulator.builder().port(0).build().start();
        int port = emulator.getPort();
        assertThat(canConnect(InetAddress.getLoopbackAddress(), port)).isTrue();

        emulator.close();
        emulator.close();

        assertThat(emulator.isRunning()).isFalse();
        assertThat(canConnect(InetAddress.getLoopbackAddress(), port)).isFalse();
    }

    @Test
    void theEndpointIsLoopbackWithTheBoundPortAndTheDefaultsMatchLocalStack() {
        try (Emulator emulator = Emulator.builder().port(0).build().start()) {
            assertThat(emulator.getEndpoint().toString()).isEqualTo("http://127.0.0.1:" + emulator.getPort());
            assertThat(emulator.getPort()).isPositive();
            assertThat(emulator.getRegion()).isEqualTo("us-east-1");
            assertThat(emulator.getAccessKey()).isEqualTo("test");
            assertThat(emulator.getSecretKey()).isEqualTo("test");
            assertThat(emulator.accountId()).isEqualTo("000000000000");
            assertThat(emulator.blobRoot()).isEqualTo(emulator.getDataDir().resolve("s3")).isDirectory();
        }
    }

    @Test
    void theServerIsNotReachableOnANonLoopbackAddress() throws IOException {
        Optional<InetAddress> external = nonLoopbackAddress();
        assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address");
        try (Emulator emulator = Emulator.builder().port(0).build().start()) {
            assertThat(canConnect(InetAddress.getLoopbackAddress(), emulator.getPort())).isTrue();
            assertThat(canConnect(external.get(), emulator.getPort())).isFalse();
        }
    }

    @Test
    void gettingTheEndpointBeforeStartFails() {
        Emulator emulator = Emulator.builder().build();

        assertThatThrownBy(emulator::getEndpoint).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void addedServicesAreCreatedWithTheStartedEmulatorsBlobRoot() {
        Path[] seen = new Path[1];
        try (Emulator emulator = Emulator.builder().port(0).service(started -> {
            seen[0] = started.blobRoot();
            return new NamedService("athena");
        }).build().start()) {
            assertThat(seen[0]).isEqualTo(emulator.blobRoot());
        }
    }

    @Test
    void twoServicesWithTheSameSigningNameAreRefused() {
        Emulator emulator = Emulator.builder().port(0)
                .service(new NamedService("glue"), new NamedService("glue")).build();

        assertThatThrownBy(emulator::start).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("glue");
    }

    private static boolean canConnect(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof java.net.Inet4Address) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }

    private record NamedService(String signingName) implements AwsService {
        @Override
        public Protocol protocol() {
            return Protocol.JSON;
        }

        @Override
        public AwsResponse handle(AwsRequest request) {
            return AwsResponse.json("{}");
        }
    }
}
