package io.labrunner.emulator.iam;

import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.AwsService;
import io.labrunner.emulator.Protocol;
import io.labrunner.emulator.protocol.QueryProtocolService;
import java.util.Map;
import java.util.Set;

/**
 * Emulated IAM on the protocol core (query protocol, version 2010-05-08): the core reads the form
 * fields, checks them against IAM's API model and answers in IAM's XML, errors included; this class
 * maps each operation to its behaviour: roles with trust policies ({@link RoleOperations}), inline and
 * attached policies ({@link PolicyOperations}), managed policies and their versions
 * ({@link ManagedPolicyOperations}), the policy simulator ({@link SimulationOperations}), tags, and account aliases. Everything lives in account
 * {@value IamDirectory#ACCOUNT_ID}.
 */
public final class IamService implements AwsService {
    private final RoleStore roles;
    private final RolePolicies rolePolicies;
    private final IamAccess access;
    private final QueryProtocolService protocol;

    /** An IAM with no roles. */
    public IamService() {
        this(new RoleStore());
    }

    /** An IAM over the given role state (shared with whoever else holds it); managed policies kept beside it. */
    public IamService(RoleStore roles) {
        this(roles, new ManagedPolicyStore(roles.state()));
    }

    /** An IAM over the given role and managed policy state. */
    public IamService(RoleStore roles, ManagedPolicyStore managed) {
        this.roles = roles;
        this.access = new IamAccess(roles);
        this.rolePolicies = new RolePolicies(managed);
        RoleOperations role = new RoleOperations(roles);
        PolicyOperations policy = new PolicyOperations(roles, managed);
        ManagedPolicyOperations managedPolicy = new ManagedPolicyOperations(managed, roles);
        SimulationOperations simulation = new SimulationOperations(roles, rolePolicies);
        this.protocol = QueryProtocolService.builder("iam")
                .handler("CreateRole", (in, request) -> role.create(in))
                .handler("GetRole", (in, request) -> role.get(in))
                .handler("DeleteRole", (in, request) -> role.delete(in))
                .handler("UpdateAssumeRolePolicy", (in, request) -> role.updateTrust(in))
                .handler("ListRoles", (in, request) -> role.list(in))
                .handler("TagRole", (in, request) -> role.tag(in))
                .handler("UntagRole", (in, request) -> role.untag(in))
                .handler("ListRoleTags", (in, request) -> role.listTags(in))
                .handler("PutRolePolicy", (in, request) -> policy.putInline(in))
                .handler("GetRolePolicy", (in, request) -> policy.getInline(in))
                .handler("DeleteRolePolicy", (in, request) -> policy.deleteInline(in))
                .handler("ListRolePolicies", (in, request) -> policy.listInline(in))
                .handler("AttachRolePolicy", (in, request) -> policy.attach(in))
                .handler("DetachRolePolicy", (in, request) -> policy.detach(in))
                .handler("ListAttachedRolePolicies", (in, request) -> policy.listAttached(in))
                .handler("CreatePolicy", (in, request) -> managedPolicy.create(in))
                .handler("GetPolicy", (in, request) -> managedPolicy.get(in))
                .handler("DeletePolicy", (in, request) -> managedPolicy.delete(in))
                .handler("ListPolicies", (in, request) -> managedPolicy.list(in))
                .handler("CreatePolicyVersion", (in, request) -> managedPolicy.createVersion(in))
                .handler("GetPolicyVersion", (in, request) -> managedPolicy.getVersion(in))
                .handler("ListPolicyVersions", (in, request) -> managedPolicy.listVersions(in))
                .handler("DeletePolicyVersion", (in, request) -> managedPolicy.deleteVersion(in))
                .handler("SetDefaultPolicyVersion", (in, request) -> managedPolicy.setDefaultVersion(in))
                .handler("SimulatePrincipalPolicy", (in, request) -> simulation.simulatePrincipal(in))
                .handler("SimulateCustomPolicy", (in, request) -> simulation.simulateCustom(in))
                .handler("ListAccountAliases", (in, request) ->
                        Map.of("AccountAliases", roles.accountAliases(), "IsTruncated", false))
                .build();
    }

    /** The read-only view other services use to look up and trust-check roles. */
    public IamDirectory directory() {
        return roles;
    }

    /** Each role's identity-based policies, for deciding the requests made with the role's permissions. */
    public RolePolicies rolePolicies() {
        return rolePolicies;
    }

    /** The operations this emulator implements, by their model names. */
    public Set<String> implementedOperations() {
        return protocol.operations();
    }

    /** The role or policy a request acts on ({@link IamAccess}). */
    @Override
    public java.util.List<io.labrunner.emulator.iam.access.AccessRequest> accessRequests(AwsRequest request) {
        return access.of(request);
    }

    @Override
    public String signingName() {
        return "iam";
    }

    @Override
    public Protocol protocol() {
        return Protocol.QUERY;
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        return protocol.handle(request);
    }
}
