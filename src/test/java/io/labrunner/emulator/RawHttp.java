package io.labrunner.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Raw HTTP for bytes an SDK would never send: no credentials, a made-up signature, a foreign Host. */
final class RawHttp {
    /** A signing time for made-up signatures; the emulator checks their structure, not their age. */
    static final String AMZ_DATE = "20260101T000000Z";
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private RawHttp() {
    }

    /**
     * A well-formed Authorization header whose credential scope names {@code service}, for an access key
     * the emulator does not know, so only its structure is checked; send it with {@link #AMZ_DATE}.
     */
    static String fakeSigV4(String service) {
        return "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/" + service
                + "/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + "0".repeat(64);
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST carrying an {@code X-Amz-Date}, ready for a {@link #fakeSigV4} Authorization header. */
    static HttpRequest.Builder post(URI endpoint, String contentType, String body) {
        return HttpRequest.newBuilder(endpoint).header("Content-Type", contentType).header("X-Amz-Date", AMZ_DATE)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /**
     * Sends {@code request} byte for byte over a fresh connection and returns everything the server
     * answers until it closes the connection or {@code timeoutMillis} pass without a byte.
     */
    static String exchange(int port, String request, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return readResponse(socket.getInputStream());
        }
    }

    /** Reads one response with a Content-Length, or what arrives until the connection closes or times out. */
    static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                answer.write(buffer, 0, n);
                if (complete(answer.toString(StandardCharsets.UTF_8))) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            // Return what arrived.
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    /** True once a whole response with a Content-Length has arrived. */
    private static boolean complete(String response) {
        int end = response.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        for (String line : response.substring(0, end).split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                int length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
                return response.getBytes(StandardCharsets.UTF_8).length >= end + 4 + length;
            }
        }
        return false;
    }
}
