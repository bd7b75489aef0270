package io.labrunner.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/** No single connection can hold the emulator: bodies are capped, stalled bodies hold no worker, bugs leak no classes. */
class TransportTest {
    private static Emulator emulator;

    @BeforeAll
    static void start() {
        emulator = Emulator.builder().port(0).service(new FailingService()).build().start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void aBodyLargerThanTheCapIsRefusedWith413InTheServicesShape() throws Exception {
        String body = "x".repeat(FrontDoor.MAX_BODY_BYTES + 1);
        HttpResponse<String> response = RawHttp.send(RawHttp.post(emulator.getEndpoint(), "application/x-amz-json-1.1", body)
                .header("X-Amz-Target", "Kinesis_20131202.PutRecords")
                .header("Authorization", RawHttp.fakeSigV4("kinesis")));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("RequestEntityTooLargeException");
    }

    @Test
    void seventyConnectionsWithStalledBodiesDoNotDelayAnOrdinaryRequest() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try (StsClient sts = Clients.sts(emulator)) {
            long baseline = timeGetCallerIdentity(sts); // also warms the client up
            baseline = Math.min(baseline, timeGetCallerIdentity(sts));
            for (int i = 0; i < 70; i++) {
                boolean s3 = i % 2 == 0;
                stalled.add(sendPartialBody(s3 ? "PUT /stalled/key" + i : "POST /", s3 ? "s3" : "kinesis", 1000, 10));
            }
            Thread.sleep(200); // let every one of them reach the server
            // The best of three, so that a busy machine does not fail the test; starved workers would delay all three
            // until the 10 s body deadline.
            long millis = Math.min(timeGetCallerIdentity(sts), Math.min(timeGetCallerIdentity(sts), timeGetCallerIdentity(sts)));
            System.out.println("GetCallerIdentity: " + baseline + " ms alone, " + millis + " ms during 70 stalled bodies");

            assertThat(millis).isLessThan(2000);
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    void aBodyShorterThanItsContentLengthIsDroppedWellBeforeThirtySeconds() throws Exception {
        try (Socket socket = sendPartialBody("POST /", "kinesis", 100, 10)) {
            socket.setSoTimeout(28_000);
            long start = System.nanoTime();
            String answer = RawHttp.readResponse(socket.getInputStream());
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("A short body was cut off after " + millis + " ms: "
                    + (answer.isEmpty() ? "(connection closed)" : answer.lines().findFirst().orElse("")));

            // Jetty's idle timeout (10 s) ends it; no worker thread waits meanwhile (see the seventy-connection test).
            assertThat(millis).isLessThan(15_000);
            assertThat(answer).satisfiesAnyOf(a -> assertThat(a).isEmpty(), a -> assertThat(a).startsWith("HTTP/1.1 4"));
        }
    }

    @Test
    void aBugIsA500InternalFailureThatNamesNoJavaClass() throws Exception {
        HttpResponse<String> response = RawHttp.send(RawHttp.post(emulator.getEndpoint(), "application/x-amz-json-1.1", "{}")
                .header("X-Amz-Target", "Failing.Fail").header("Authorization", RawHttp.fakeSigV4("failing")));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InternalFailure");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("java.");
    }

    @Test
    void aClientThatDisconnectsMidResponseLeavesNoStackTrace() throws Exception {
        try (S3Client s3 = Clients.s3(emulator)) {
            s3.createBucket(b -> b.bucket("big"));
            s3.putObject(b -> b.bucket("big").key("blob"), RequestBody.fromBytes(new byte[16 * 1024 * 1024]));
        }
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", emulator.getPort()), 2000);
                OutputStream out = socket.getOutputStream();
                out.write(("GET /big/blob HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + RawHttp.fakeSigV4("s3")
                        + "\r\nX-Amz-Date: " + RawHttp.AMZ_DATE + "\r\nx-amz-content-sha256: UNSIGNED-PAYLOAD\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                InputStream in = socket.getInputStream();
                in.readNBytes(64 * 1024);
                socket.setSoLinger(true, 0); // reset, as a killed client does
            }
            Thread.sleep(1000);
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        System.out.println("Logged on disconnect: [" + log.strip() + "]");

        assertThat(log).doesNotContain("\tat ");
        assertThat(log.lines().count()).isLessThanOrEqualTo(1);
        try (StsClient sts = Clients.sts(emulator)) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo("000000000000");
        }
    }

    private static long timeGetCallerIdentity(StsClient sts) {
        long start = System.nanoTime();
        assertThat(sts.getCallerIdentity().account()).isEqualTo("000000000000");
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Opens a connection and sends headers declaring {@code declared} body bytes, then only {@code sent}. */
    private static Socket sendPartialBody(String requestLine, String service, int declared, int sent) throws Exception {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", emulator.getPort()), 2000);
        String contentType = "s3".equals(service) ? "application/octet-stream" : "application/x-amz-json-1.1";
        OutputStream out = socket.getOutputStream();
        out.write((requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType
                + "\r\nX-Amz-Target: Kinesis_20131202.ListStreams\r\nAuthorization: " + RawHttp.fakeSigV4(service)
                + "\r\nX-Amz-Date: " + RawHttp.AMZ_DATE + "\r\nx-amz-content-sha256: UNSIGNED-PAYLOAD"
                + "\r\nContent-Length: " + declared + "\r\n\r\n" + "{".repeat(sent)).getBytes(StandardCharsets.UTF_8));
        out.flush();
        return socket;
    }

    /** A service with a bug. */
    private static final class FailingService implements AwsService {
        @Override
        public String signingName() {
            return "failing";
        }

        @Override
        public Protocol protocol() {
            return Protocol.JSON;
        }

        @Override
        public AwsResponse handle(AwsRequest request) {
            throw new NullPointerException("Cannot invoke \"java.lang.String.length()\" because \"name\" is null");
        }
    }
}
