package io.labrunner.emulator.sts;

import io.labrunner.emulator.iam.access.Caller;
import io.labrunner.emulator.iam.access.Callers;
import io.labrunner.emulator.iam.policy.PolicyDocument;
import io.labrunner.emulator.iam.policy.PolicyKind;
import io.labrunner.emulator.iam.policy.SourcedPolicy;
import io.labrunner.emulator.state.StateMap;
import io.labrunner.emulator.state.StateStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The temporary credentials STS has issued, kept in the emulator's state store so that they survive a
 * restart. Who signed a request follows from its access key: a key issued here signs as its role session,
 * every other key as the account's root user.
 *
 * <p>Expired credentials are kept for a week, so that a request made with them is told it is expired rather
 * than taken for the root user's; after that they are forgotten.
 */
public final class SessionRegistry implements Callers {
    private static final String KEY_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final Duration KEEP_EXPIRED = Duration.ofDays(7);

    private final String accountId;
    private final Callers longTerm;
    private final StateMap<IssuedSession> stored;
    private final Map<String, IssuedSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, SourcedPolicy> parsedPolicies = new ConcurrentHashMap<>();
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** The sessions kept in {@code state}, loaded now and written through on every change. */
    public SessionRegistry(String accountId, StateStore state, Clock clock) {
        this(accountId, state, clock, Callers.rootOnly(accountId));
    }

    /**
     * @param longTerm who signs with a key STS did not issue: an IAM user with its own key, else the root user
     */
    public SessionRegistry(String accountId, StateStore state, Clock clock, Callers longTerm) {
        this.longTerm = longTerm;
        this.accountId = accountId;
        this.stored = state.map("sts.sessions", IssuedSession.class);
        this.clock = clock;
        sessions.putAll(stored.entries());
    }

    /** Issues new credentials for a session of {@code roleArn} lasting {@code duration}. */
    public IssuedSession issue(String roleArn, String roleId, String sessionName, Duration duration,
            String sessionPolicy, String sourceIdentity) {
        forgetLongExpired();
        Instant expiration = clock.instant().plus(duration).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        IssuedSession session = new IssuedSession(accessKeyId(), secret(30), sessionToken(), expiration, roleArn,
                roleId, sessionName, sessionPolicy, sourceIdentity);
        sessions.put(session.accessKeyId(), session);
        stored.put(session.accessKeyId(), session);
        return session;
    }

    /**
     * Issues credentials that are no role's: GetSessionToken's for a user or root (signing as them), or
     * GetFederationToken's for a federated user.
     *
     * @param principalArn whom the credentials sign as
     * @param userId       the UserId GetCallerIdentity answers for them
     * @param userArn      the IAM user whose permissions they have, or null for root's
     * @param sessionPolicy the session policy that limits them, or null
     */
    public IssuedSession issueFor(String principalArn, String userId, String userArn, String name, Duration duration,
            String sessionPolicy) {
        forgetLongExpired();
        Instant expiration = clock.instant().plus(duration).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        IssuedSession session = new IssuedSession(accessKeyId(), secret(30), sessionToken(), expiration, null,
                userId, name, sessionPolicy, null, principalArn, userArn);
        sessions.put(session.accessKeyId(), session);
        stored.put(session.accessKeyId(), session);
        return session;
    }

    /** The session an access key belongs to, expired or not; empty for keys STS did not issue. */
    public Optional<IssuedSession> find(String accessKeyId) {
        return accessKeyId == null ? Optional.empty() : Optional.ofNullable(sessions.get(accessKeyId));
    }

    /** The session policy a session was issued with, as the evaluator takes it; empty when it has none. */
    public Optional<SourcedPolicy> sessionPolicy(String accessKeyId) {
        IssuedSession session = accessKeyId == null ? null : sessions.get(accessKeyId);
        if (session == null || session.sessionPolicy() == null) {
            return Optional.empty();
        }
        // Parsed once per session: it was validated when the credentials were issued.
        return Optional.of(parsedPolicies.computeIfAbsent(accessKeyId, key -> new SourcedPolicy("SessionPolicy",
                "session", PolicyDocument.parse(session.sessionPolicy(), PolicyKind.IDENTITY))));
    }

    @Override
    public Caller of(String accessKeyId) {
        IssuedSession session = accessKeyId == null ? null : sessions.get(accessKeyId);
        return session == null ? longTerm.of(accessKeyId)
                : new Caller(session.arn(), accessKeyId, session.roleArn(), session.userArn());
    }

    private void forgetLongExpired() {
        Instant horizon = clock.instant().minus(KEEP_EXPIRED);
        sessions.values().removeIf(s -> {
            boolean forget = s.expiration().isBefore(horizon);
            if (forget) {
                stored.remove(s.accessKeyId());
                parsedPolicies.remove(s.accessKeyId());
            }
            return forget;
        });
    }

    /** {@code ASIA} and 16 base-32 characters, the shape of AWS's temporary access key ids. */
    private String accessKeyId() {
        StringBuilder id = new StringBuilder("ASIA");
        for (int i = 0; i < 16; i++) {
            id.append(KEY_CHARS.charAt(random.nextInt(KEY_CHARS.length())));
        }
        return id.toString();
    }

    private String secret(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    /** An opaque token as long as AWS's, with the same characters (base64, so '+', '/' and '=' appear). */
    private String sessionToken() {
        return "IQoJb3JpZ2luX2VjE" + secret(240);
    }
}
