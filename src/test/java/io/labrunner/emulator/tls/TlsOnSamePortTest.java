package io.labrunner.emulator.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.labrunner.core.PemTrust;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a servlet (S3's, judging aws:SecureTransport) sees of the connection: {@code isSecure()} true and
 * scheme https for TLS, false and http for plain HTTP, on one port.
 */
class TlsOnSamePortTest {
    @TempDir
    Path data;
    private Server server;
    private int port;
    private EmulatorCertificate certificate;
    private TlsOnSamePort tls;

    /** Answers what the request looked like to a servlet. */
    static final class EchoSecure extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.getWriter().print("secure=" + request.isSecure() + " scheme=" + request.getScheme());
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(new HttpConfiguration()));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        tls = TlsOnSamePort.prepare(data, Clock.systemUTC());
        tls.serve(connector);
        certificate = tls.certificate();
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new EchoSecure()), "/*");
        server.setHandler(context);
        server.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        tls.close();
    }

    @Test
    void aRequestOverTlsIsSecure() throws Exception {
        SSLContext trusting = SSLContext.getInstance("TLS");
        trusting.init(null, PemTrust.trustManagers(certificate.pem()), null);
        HttpClient client = HttpClient.newBuilder().sslContext(trusting).version(HttpClient.Version.HTTP_1_1).build();
        assertThat(get(client, "https://127.0.0.1:" + port + "/x")).isEqualTo("secure=true scheme=https");
        assertThat(get(client, "https://localhost:" + port + "/x")).isEqualTo("secure=true scheme=https");
    }

    @Test
    void aPlainHttpRequestOnTheSamePortIsNotSecure() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        assertThat(get(client, "http://127.0.0.1:" + port + "/x")).isEqualTo("secure=false scheme=http");
    }

    private static String get(HttpClient client, String url) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
