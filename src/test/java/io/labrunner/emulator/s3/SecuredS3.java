package io.labrunner.emulator.s3;

import io.labrunner.emulator.iam.IamService;
import io.labrunner.emulator.iam.access.AccessControl;
import io.labrunner.emulator.iam.access.Caller;
import io.labrunner.emulator.state.StateStore;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * S3 with its security on a loopback port, for tests that pick who signs: requests signed with the access key
 * {@link #ROLE_KEY} come from a session of the role {@link #ROLE_ARN}, every other key signs as the account's
 * root user. Signatures are not verified (the front door does that in the emulator). Identity policies come
 * from {@link #iam()}, enforced or not; SSE-KMS keys from {@link #keys()}. Data and state live in the folder
 * given, so a second instance over it is the same S3 after a restart.
 */
public final class SecuredS3 implements AutoCloseable {
    public static final String ACCOUNT = "000000000000";
    public static final String ROLE_KEY = "ASIAROLESESSION";
    public static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/trainer";
    public static final String SESSION_ARN = "arn:aws:sts::" + ACCOUNT + ":assumed-role/trainer/job";
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/]+)/");

    private final IamService iam;
    private final FakeKeyRing keys;
    private final StateStore state;
    private final S3Frontend s3;
    private final Server server;

    public SecuredS3(Path folder, boolean enforce, IamService iam, FakeKeyRing keys) throws Exception {
        this.iam = iam;
        this.keys = keys;
        Path root = folder.resolve("s3");
        Files.createDirectories(root);
        Files.createDirectories(folder.resolve("state"));
        state = StateStore.open(folder.resolve("state"));
        AccessControl control = new AccessControl(enforce, iam.directory(), iam.rolePolicies(), Clock.systemUTC());
        s3 = S3Frontend.onDirectory(root, state, new S3Security(() -> control, () -> keys, "us-east-1"));
        server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setHttpCompliance(HttpCompliance.LEGACY);
        http.setUriCompliance(UriCompliance.LEGACY);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                s3.serve(request, response, callerOf(request));
            }
        }), "/*");
        server.setHandler(context);
        server.start();
    }

    private static Caller callerOf(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        String credential = request.getParameter("X-Amz-Credential");
        String key = null;
        if (authorization != null) {
            Matcher m = CREDENTIAL.matcher(authorization);
            key = m.find() ? m.group(1) : null;
        } else if (credential != null) {
            key = credential.split("/")[0];
        }
        return ROLE_KEY.equals(key) ? new Caller(SESSION_ARN, key, ROLE_ARN) : Caller.root(ACCOUNT, key);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    }

    public IamService iam() {
        return iam;
    }

    public FakeKeyRing keys() {
        return keys;
    }

    public S3Frontend frontend() {
        return s3;
    }

    @Override
    public void close() throws Exception {
        server.stop();
        state.close();
    }
}
