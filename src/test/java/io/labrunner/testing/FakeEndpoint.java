package io.labrunner.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A loopback HTTP server that answers what it is told to, for probes of endpoints that cannot run here (Floci,
 * LocalStack, a web server, a proxy): answers by path for GETs and by {@code X-Amz-Target} (or query
 * {@code Action}) for POSTs, a default for the rest. It records every request as {@code METHOD path [operation]}.
 */
public final class FakeEndpoint implements AutoCloseable {
    /** One answer: status, Content-Type and body. */
    public record Answer(int status, String contentType, String body) {
        public static Answer json(int status, String body) {
            return new Answer(status, "application/x-amz-json-1.1", body);
        }

        public static Answer xml(int status, String body) {
            return new Answer(status, "text/xml", body);
        }
    }

    private final HttpServer server;
    private final Map<String, Answer> byPath = new ConcurrentHashMap<>();
    private final Map<String, Function<String, Answer>> byOperation = new ConcurrentHashMap<>();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile Function<String, Answer> otherwise = request -> new Answer(404, "text/plain", "Not Found");

    public FakeEndpoint() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers GET {@code path} so. */
    public FakeEndpoint get(String path, Answer answer) {
        byPath.put(path, answer);
        return this;
    }

    /** Answers a POST for {@code operation} ({@code X-Amz-Target} such as {@code AWSGlue.CreateCrawler}, or an Action) so. */
    public FakeEndpoint operation(String operation, Answer answer) {
        return operation(operation, body -> answer);
    }

    /** Answers a POST for {@code operation} with what {@code answer} makes of the request's body. */
    public FakeEndpoint operation(String operation, Function<String, Answer> answer) {
        byOperation.put(operation, answer);
        return this;
    }

    /** Answers everything else so, given the request as recorded. */
    public FakeEndpoint otherwise(Function<String, Answer> answer) {
        this.otherwise = answer;
        return this;
    }

    /** Every request so far, as {@code GET /_floci/health} or {@code POST / AWSGlue.CreateCrawler}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        String operation = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Amz-Target"))
                .or(() -> action(body)).orElse("");
        String request = exchange.getRequestMethod() + " " + path + (operation.isEmpty() ? "" : " " + operation);
        requests.add(request);
        Function<String, Answer> byBody = byOperation.get(operation);
        Answer answer = exchange.getRequestMethod().equals("GET") ? byPath.get(path)
                : byBody == null ? null : byBody.apply(body);
        if (answer == null) {
            answer = otherwise.apply(request);
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        if (!answer.contentType().isEmpty()) {
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Optional<String> action(String form) {
        for (String pair : form.split("&")) {
            if (pair.startsWith("Action=")) {
                return Optional.of(pair.substring("Action=".length()));
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
