package io.labrunner.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The most any server could give a client: on loopback, it answers S3 PutObject by reading and discarding the body,
 * S3 GetObject with one fixed body held in memory, and Kinesis PutRecords (JSON or CBOR, as the client sends) with
 * a success for each record it counted. Nothing is stored or checked. Benchmarks measure the emulator against it
 * through the same client, so the ratio says how much of the client's own ceiling the emulator reaches.
 */
final class NullServer implements AutoCloseable {
    private static final JsonFactory JSON = new JsonFactory();
    private static final CBORFactory CBOR = new CBORFactory();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final byte[] object;
    private final Map<String, byte[]> putRecordsAnswers = new ConcurrentHashMap<>();

    /** @param object what every GetObject answers */
    NullServer(byte[] object) throws IOException {
        this.object = object;
        // Without TCP_NODELAY the JDK server's separate header and body writes wait on the client's delayed ACK
        // (about 40 ms a call): the ceiling would be the kernel's timer, not the client's.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (target != null && target.endsWith(".PutRecords")) {
                putRecords(exchange);
            } else if ("PUT".equals(exchange.getRequestMethod())) {
                discard(exchange.getRequestBody());
                exchange.getResponseHeaders().set("ETag", "\"null\"");
                exchange.sendResponseHeaders(200, -1);
            } else if ("GET".equals(exchange.getRequestMethod())) {
                discard(exchange.getRequestBody());
                exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
                exchange.getResponseHeaders().set("ETag", "\"null\"");
                exchange.sendResponseHeaders(200, object.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(object);
                }
            } else {
                discard(exchange.getRequestBody());
                exchange.sendResponseHeaders(200, -1);
            }
        }
    }

    private void putRecords(HttpExchange exchange) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        boolean cbor = type != null && type.contains("cbor");
        int records = 0;
        try (InputStream in = exchange.getRequestBody();
                JsonParser parser = (cbor ? CBOR : JSON).createParser(in)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME && "PartitionKey".equals(parser.currentName())) {
                    records++;
                }
            }
        }
        int count = records;
        byte[] body = putRecordsAnswers.computeIfAbsent((cbor ? "cbor:" : "json:") + count, k -> answer(cbor, count));
        exchange.getResponseHeaders().set("Content-Type", type == null ? "application/x-amz-json-1.1" : type);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] answer(boolean cbor, int records) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = (cbor ? CBOR : JSON).createGenerator(bytes)) {
            out.writeStartObject();
            out.writeNumberField("FailedRecordCount", 0);
            out.writeArrayFieldStart("Records");
            for (int i = 0; i < records; i++) {
                out.writeStartObject();
                out.writeStringField("SequenceNumber", "4963" + String.format("%052d", i));
                out.writeStringField("ShardId", "shardId-000000000000");
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static void discard(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        while (in.read(buffer) >= 0) {
            // discarded
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
