package io.labrunner.cli;

import io.labrunner.core.Capability;
import io.labrunner.core.Lab;
import io.labrunner.core.Ledger;
import io.labrunner.core.Location;
import io.labrunner.core.RunNames;
import io.labrunner.core.StateDirectory;
import io.labrunner.emulator.tls.EmulatorCertificate;
import io.labrunner.target.RunningEmulator;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell variables of a started run: the names the lab declares ({@code BUCKET}, {@code STREAM}…),
 * then how the AWS CLI reaches where the run was made — {@code ENDPOINT} for the guides'
 * {@code aws $ENDPOINT …} (empty on AWS), {@code AWS_ENDPOINT_URL} for SDKs and CLIs new enough to read
 * it, and on the emulators the dummy key pair and region. A null value means "unset it".
 *
 * @param note a line to say before using them, e.g. that no emulator serves the run right now; empty if none
 */
record RunEnvironment(Ledger run, Map<String, String> names, Map<String, String> connection, String note) {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    static RunEnvironment of(Lab lab, Ledger run, StateDirectory state) {
        Map<String, String> names = new LinkedHashMap<>(lab.names(RunNames.of(run.runId())));
        Location where = run.location();
        String target = run.target();
        String region = where != null && where.region() != null ? where.region() : "us-east-1";
        String endpoint = where == null ? null : where.endpoint();
        String note = "";
        String caBundle = null;
        if (target.equals("embedded")) {
            Optional<RunningEmulator> serving = RunningEmulator.readIfAlive(state.emulatorPidFile())
                    .filter(e -> where == null || where.data() == null || e.data() == null
                            || Path.of(e.data()).toAbsolutePath().normalize().toString().equals(where.data()));
            if (serving.isPresent()) {
                endpoint = serving.get().endpoint();
                Optional<Path> pem = overTls(lab, serving.get());
                if (pem.isPresent()) {
                    // A lab about TLS (its bucket policy denies plain HTTP): the same port over https, trusting
                    // only the emulator's own certificate.
                    endpoint = "https://" + URI.create(endpoint).getRawAuthority();
                    caBundle = pem.get().toString();
                }
            } else {
                note = "No lab emulator serves this run right now, so the endpoint is where it last served;"
                        + " 'lab check " + run.labId() + "' starts one again.";
            }
        }
        Map<String, String> connection = new LinkedHashMap<>();
        if (target.equals("aws")) {
            connection.put("ENDPOINT", "");
            connection.put("AWS_ENDPOINT_URL", null);
        } else if (endpoint != null) {
            connection.put("ENDPOINT", "--endpoint-url " + endpoint);
            connection.put("AWS_ENDPOINT_URL", endpoint);
        }
        if (!target.equals("aws") && !target.equals("endpoint")) {
            // The emulators' key pair: the embedded one checks signatures made with test/test.
            connection.put("AWS_ACCESS_KEY_ID", "test");
            connection.put("AWS_SECRET_ACCESS_KEY", "test");
        }
        if (caBundle != null) {
            connection.put("AWS_CA_BUNDLE", caBundle);
        }
        connection.put("AWS_DEFAULT_REGION", region);
        connection.put("AWS_REGION", region);
        // AWS CLI v2 pipes long output through a pager; the guides' commands expect it printed.
        connection.put("AWS_PAGER", "");
        return new RunEnvironment(run, names, connection, note);
    }

    /** The serving emulator's certificate, when the lab's run goes over TLS and the emulator keeps one. */
    private static Optional<Path> overTls(Lab lab, RunningEmulator serving) {
        boolean tls = lab.info().capabilities().contains(Capability.TLS)
                || lab.checks().stream().anyMatch(check -> check.needs().contains(Capability.TLS));
        return tls && serving.data() != null
                ? Optional.of(EmulatorCertificate.pemIn(Path.of(serving.data()))).filter(Files::isRegularFile)
                : Optional.empty();
    }

    /** Names first, then the connection, in order. */
    Map<String, String> all() {
        Map<String, String> all = new LinkedHashMap<>(names);
        all.putAll(connection);
        return all;
    }

    /** {@code export NAME=value} lines (and {@code unset NAME}) for {@code eval "$(lab env …)"} in bash or zsh. */
    String exports() {
        StringBuilder lines = new StringBuilder("# lab env: run " + run.runId() + " of " + run.labId()
                + " on target " + run.target() + "\n");
        all().forEach((name, value) -> lines.append(value == null ? "unset " + name : "export " + name + "=" + quote(value))
                .append('\n'));
        return lines.toString();
    }

    /** A value as the shell reads it back unchanged: bare when it is safe, else in single quotes. */
    static String quote(String value) {
        if (!value.isEmpty() && SAFE.matcher(value).matches()) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** {@code text} with {@code <run id>} and the lab's {@code $NAME} / {@code ${NAME}} filled in. */
    String fill(String text) {
        String filled = text.replace("<run id>", run.runId());
        for (Map.Entry<String, String> name : names.entrySet()) {
            Pattern token = Pattern.compile("\\$(?:\\{" + Pattern.quote(name.getKey()) + "\\}|"
                    + Pattern.quote(name.getKey()) + "(?![A-Za-z0-9_]))");
            filled = token.matcher(filled).replaceAll(Matcher.quoteReplacement(name.getValue()));
        }
        return filled;
    }
}
