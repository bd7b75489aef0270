package io.labrunner.emulator.iam.access;

import io.labrunner.emulator.iam.IamDirectory;
import io.labrunner.emulator.iam.RolePolicies;
import io.labrunner.emulator.iam.policy.Decision;
import io.labrunner.emulator.iam.policy.EvalDecision;
import io.labrunner.emulator.iam.policy.PolicyEvaluator;
import io.labrunner.emulator.iam.policy.PolicySet;
import io.labrunner.emulator.iam.policy.RequestContext;
import io.labrunner.emulator.iam.policy.SourcedPolicy;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides whether a caller may perform an action, the one place the emulator authorizes requests.
 *
 * <p>A resource's own policy (a bucket policy, a key policy) always counts: its explicit Deny denies
 * everybody it names, the root user included, as on AWS. A role's identity-based policies count only when
 * enforcement is on, which it is not by default: then a role's session (or a service acting as the role)
 * needs an Allow, and is denied with IAM's message otherwise; so does an IAM user's request, decided by the user's
 * and its groups' policies. A permissions boundary and a session policy each limit what those allow. The root
 * user is never denied by identity policies.
 */
public final class AccessControl {
    private final boolean enforcing;
    private final IamDirectory roles;
    private final RolePolicies rolePolicies;
    private final Clock clock;
    private final Function<String, Optional<SourcedPolicy>> sessionPolicies;
    private final PrincipalPolicies principals;

    public AccessControl(boolean enforcing, IamDirectory roles, RolePolicies rolePolicies, Clock clock) {
        this(enforcing, roles, rolePolicies, clock, accessKeyId -> Optional.empty());
    }

    /**
     * @param sessionPolicies the session policy passed when a session's credentials were issued (AssumeRole's
     *                        {@code Policy}), by access key: a session may do only what both its role's policies
     *                        and its session policy allow
     */
    public AccessControl(boolean enforcing, IamDirectory roles, RolePolicies rolePolicies, Clock clock,
            Function<String, Optional<SourcedPolicy>> sessionPolicies) {
        this(enforcing, roles, rolePolicies, clock, sessionPolicies, PrincipalPolicies.NONE);
    }

    /**
     * @param principals the policies of IAM users (and their groups) and the permissions boundaries of users and
     *                   roles: a boundary limits what the identity policies grant, as on AWS
     */
    public AccessControl(boolean enforcing, IamDirectory roles, RolePolicies rolePolicies, Clock clock,
            Function<String, Optional<SourcedPolicy>> sessionPolicies, PrincipalPolicies principals) {
        this.principals = principals;
        this.enforcing = enforcing;
        this.roles = roles;
        this.rolePolicies = rolePolicies;
        this.clock = clock;
        this.sessionPolicies = sessionPolicies;
    }

    /** Whether roles' identity-based policies are enforced (the emulator's {@code --enforce-iam}). */
    public boolean enforcing() {
        return enforcing;
    }

    /** Empty when {@code caller} may perform the request, else why not. */
    public Optional<Denial> check(Caller caller, AccessRequest request) {
        boolean identity = enforcing && caller.hasIdentityPolicies();
        List<SourcedPolicy> policies = !identity ? List.of()
                : caller.isRole() ? identityPolicies(caller.roleArn()) : principals.ofUser(caller.userArn());
        Optional<Denial> denial = decide(caller.arn(), caller.roleArn(), identity, policies, request);
        if (denial.isPresent() || !identity) {
            return denial;
        }
        String principal = caller.isRole() ? caller.roleArn() : caller.userArn();
        Optional<Denial> bounded = principals.boundary(principal)
                .flatMap(boundary -> limitDenial(caller, boundary, request, "permissions boundary"));
        if (bounded.isPresent()) {
            return bounded;
        }
        return sessionPolicies.apply(caller.accessKeyId())
                .flatMap(session -> limitDenial(caller, session, request, "session policy"));
    }

    /**
     * A session policy limits the session, a permissions boundary its user or role: it must allow the request
     * too, and its Deny denies ({@code what} names it in the message, as IAM's messages do).
     */
    private Optional<Denial> limitDenial(Caller caller, SourcedPolicy session, AccessRequest request, String what) {
        RequestContext.Builder context = RequestContext.builder(request.action(), request.resource())
                .principal(caller.arn());
        request.keys().forEach(context::key);
        globalKeys(context, caller.arn(), caller.roleArn());
        Decision decision = PolicyEvaluator.evaluate(PolicySet.identityOnly(List.of(session)), context.build());
        return switch (decision.decision()) {
            case ALLOWED -> Optional.empty();
            case EXPLICIT_DENY -> Optional.of(new Denial(caller.arn(), request.action(), request.resource(),
                    "with an explicit deny in a " + what));
            default -> Optional.of(new Denial(caller.arn(), request.action(), request.resource(),
                    "because no " + what + " allows the " + request.action() + " action"));
        };
    }

    /**
     * Empty when a service acting as {@code roleArn} (a crawler reading its data source, a training job writing
     * its model) may perform the request. {@code sessionName} names the service's session, e.g.
     * {@code AWS-Crawler}.
     */
    public Optional<Denial> checkRole(String roleArn, String sessionName, AccessRequest request) {
        String session = sessionArn(roleArn, sessionName);
        List<SourcedPolicy> policies = enforcing ? identityPolicies(roleArn) : List.of();
        Optional<Denial> denial = decide(session, roleArn, enforcing, policies, request);
        if (denial.isPresent() || !enforcing) {
            return denial;
        }
        return principals.boundary(roleArn).flatMap(boundary -> limitDenial(new Caller(session, null, roleArn),
                boundary, request, "permissions boundary"));
    }

    /** The ARN of a role's session: {@code arn:aws:sts::<account>:assumed-role/<role name>/<session>}. */
    public static String sessionArn(String roleArn, String sessionName) {
        String[] parts = roleArn.split(":", 6);
        String name = parts[5].substring(parts[5].lastIndexOf('/') + 1);
        return "arn:aws:sts::" + parts[4] + ":assumed-role/" + name + "/" + sessionName;
    }

    private List<SourcedPolicy> identityPolicies(String roleArn) {
        return roles.role(roleArn).map(rolePolicies::of).orElse(List.of());
    }

    private Optional<Denial> decide(String principal, String roleArn, boolean identity, List<SourcedPolicy> policies,
            AccessRequest request) {
        RequestContext.Builder context = RequestContext.builder(request.action(), request.resource())
                .principal(principal);
        request.keys().forEach(context::key);
        globalKeys(context, principal, roleArn);
        PolicySet set = new PolicySet(policies, request.resourcePolicy(), List.of());
        Decision decision = PolicyEvaluator.evaluate(set, context.build());
        if (decision.decision() == EvalDecision.ALLOWED || (!identity && decision.decision() != EvalDecision.EXPLICIT_DENY)) {
            return Optional.empty();
        }
        return Optional.of(new Denial(principal, request.action(), request.resource(), reason(decision, request)));
    }

    /** The global condition keys every request carries (IAM User Guide, "AWS global condition context keys"). */
    private void globalKeys(RequestContext.Builder context, String principal, String roleArn) {
        String account = principal.split(":", 6)[4];
        String type = roleArn != null ? "AssumedRole" : principal.contains(":user/") ? "User"
                : principal.contains(":federated-user/") ? "FederatedUser" : "Account";
        context.key("aws:PrincipalArn", roleArn != null ? roleArn : principal)
                .key("aws:PrincipalAccount", account)
                .key("aws:PrincipalType", type)
                .key("aws:CurrentTime", DateTimeFormatter.ISO_INSTANT.format(clock.instant()))
                .key("aws:EpochTime", String.valueOf(clock.instant().getEpochSecond()));
    }

    /** Why IAM denied, in the words of its AccessDenied messages (IAM User Guide, "Troubleshoot access denied"). */
    private static String reason(Decision decision, AccessRequest request) {
        if (decision.decision() == EvalDecision.EXPLICIT_DENY) {
            boolean inResourcePolicy = decision.matched().stream()
                    .anyMatch(m -> m.policy() == request.resourcePolicy());
            return inResourcePolicy ? "with an explicit deny in a resource-based policy"
                    : "with an explicit deny in an identity-based policy";
        }
        return "because no identity-based policy allows the " + request.action() + " action";
    }
}
