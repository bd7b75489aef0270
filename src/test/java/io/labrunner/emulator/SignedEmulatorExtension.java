package io.labrunner.emulator;

import io.labrunner.emulator.protocol.SignedHttp;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One emulator on a free port for a whole test class, and a {@link SignedHttp} that signs raw requests
 * for one service of it: the set-up every conformance test shares. Register it on a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SignedEmulatorExtension EMULATOR = new SignedEmulatorExtension("kinesis");
 * }</pre>
 */
public final class SignedEmulatorExtension implements BeforeAllCallback, AfterAllCallback {
    private final String signingName;
    private Emulator emulator;
    private SignedHttp http;

    /** @param signingName the service the requests are signed for, as SigV4 names it ({@code kinesis}) */
    public SignedEmulatorExtension(String signingName) {
        this.signingName = signingName;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator = Emulator.builder().port(0).build().start();
        http = new SignedHttp(emulator.getEndpoint(), signingName, emulator.getRegion());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (emulator != null) {
            emulator.close();
        }
    }

    /** The running emulator. */
    public Emulator emulator() {
        return emulator;
    }

    /** Signs and sends raw requests to the emulator, as the service's client would. */
    public SignedHttp http() {
        return http;
    }
}
