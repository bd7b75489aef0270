package io.labrunner.emulator.iam;

import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.AwsService;
import io.labrunner.emulator.Protocol;
import io.labrunner.emulator.iam.access.Caller;
import io.labrunner.emulator.iam.access.Callers;
import io.labrunner.emulator.protocol.QueryProtocolService;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * Emulated IAM on the protocol core (query protocol, version 2010-05-08): the core reads the form
 * fields, checks them against IAM's API model and answers in IAM's XML, errors included; this class
 * maps each operation to its behaviour: roles with trust policies ({@link RoleOperations}), inline and
 * attached policies ({@link PolicyOperations}), managed policies and their versions
 * ({@link ManagedPolicyOperations}), the policy simulator ({@link SimulationOperations}), users and their access
 * keys ({@link UserOperations}, {@link AccessKeyOperations}), groups ({@link GroupOperations}), the policies of
 * users and groups ({@link HolderPolicyOperations}), tags, and account aliases. Everything lives in account
 * {@value IamDirectory#ACCOUNT_ID}.
 */
public final class IamService implements AwsService {
    private final RoleStore roles;
    private final UserStore users;
    private final GroupStore groups;
    private final UserPolicies principalPolicies;
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

    /** An IAM over the given role and managed policy state; users kept beside them, each key signing as its user. */
    public IamService(RoleStore roles, ManagedPolicyStore managed) {
        this(roles, managed, new UserStore(roles.state(), Clock.systemUTC()), null);
    }

    /**
     * An IAM over the given state.
     *
     * @param callers who signed a request, by access key (GetUser and the access key operations act on the caller
     *                when they name no user); null for: a user's key signs as the user, every other as root
     */
    public IamService(RoleStore roles, ManagedPolicyStore managed, UserStore users, Callers callers) {
        Callers who = callers != null ? callers
                : key -> users.caller(key).orElse(Caller.root(IamDirectory.ACCOUNT_ID, key));
        GroupStore groups = new GroupStore(roles.state(), Clock.systemUTC());
        this.users = users;
        this.groups = groups;
        this.roles = roles;
        this.access = new IamAccess(roles);
        this.rolePolicies = new RolePolicies(managed);
        RoleOperations role = new RoleOperations(roles, managed);
        this.principalPolicies = new UserPolicies(users, groups, roles, managed);
        PolicyOperations policy = new PolicyOperations(roles, managed);
        ManagedPolicyOperations managedPolicy = new ManagedPolicyOperations(managed, arn -> attachments(arn));
        UserOperations user = new UserOperations(users, groups, managed, who);
        AccessKeyOperations keys = new AccessKeyOperations(users, user, who);
        GroupOperations group = new GroupOperations(groups, users);
        HolderPolicyOperations userPolicy = new HolderPolicyOperations(users, managed, "UserName");
        HolderPolicyOperations groupPolicy = new HolderPolicyOperations(groups, managed, "GroupName");
        SimulationOperations simulation = new SimulationOperations(roles, rolePolicies);
        AccountAliases aliases = new AccountAliases(roles.state());
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
                .handler("PutRolePermissionsBoundary", (in, request) -> role.putBoundary(in))
                .handler("DeleteRolePermissionsBoundary", (in, request) -> role.deleteBoundary(in))
                .handler("PutUserPermissionsBoundary", (in, request) -> user.putBoundary(in))
                .handler("DeleteUserPermissionsBoundary", (in, request) -> user.deleteBoundary(in))
                .handler("CreateUser", (in, request) -> user.create(in))
                .handler("GetUser", user::get)
                .handler("ListUsers", (in, request) -> user.list(in))
                .handler("UpdateUser", (in, request) -> user.update(in))
                .handler("DeleteUser", (in, request) -> user.delete(in))
                .handler("TagUser", (in, request) -> user.tag(in))
                .handler("UntagUser", (in, request) -> user.untag(in))
                .handler("ListUserTags", (in, request) -> user.listTags(in))
                .handler("PutUserPolicy", (in, request) -> userPolicy.putInline(in))
                .handler("GetUserPolicy", (in, request) -> userPolicy.getInline(in))
                .handler("DeleteUserPolicy", (in, request) -> userPolicy.deleteInline(in))
                .handler("ListUserPolicies", (in, request) -> userPolicy.listInline(in))
                .handler("AttachUserPolicy", (in, request) -> userPolicy.attach(in))
                .handler("DetachUserPolicy", (in, request) -> userPolicy.detach(in))
                .handler("ListAttachedUserPolicies", (in, request) -> userPolicy.listAttached(in))
                .handler("CreateAccessKey", keys::create)
                .handler("ListAccessKeys", keys::list)
                .handler("UpdateAccessKey", keys::update)
                .handler("DeleteAccessKey", keys::delete)
                .handler("GetAccessKeyLastUsed", (in, request) -> keys.lastUsed(in))
                .handler("CreateGroup", (in, request) -> group.create(in))
                .handler("GetGroup", (in, request) -> group.get(in))
                .handler("ListGroups", (in, request) -> group.list(in))
                .handler("DeleteGroup", (in, request) -> group.delete(in))
                .handler("AddUserToGroup", (in, request) -> group.addUser(in))
                .handler("RemoveUserFromGroup", (in, request) -> group.removeUser(in))
                .handler("ListGroupsForUser", (in, request) -> group.forUser(in))
                .handler("PutGroupPolicy", (in, request) -> groupPolicy.putInline(in))
                .handler("GetGroupPolicy", (in, request) -> groupPolicy.getInline(in))
                .handler("DeleteGroupPolicy", (in, request) -> groupPolicy.deleteInline(in))
                .handler("ListGroupPolicies", (in, request) -> groupPolicy.listInline(in))
                .handler("AttachGroupPolicy", (in, request) -> groupPolicy.attach(in))
                .handler("DetachGroupPolicy", (in, request) -> groupPolicy.detach(in))
                .handler("ListAttachedGroupPolicies", (in, request) -> groupPolicy.listAttached(in))
                .handler("ListAccountAliases", (in, request) ->
                        Map.of("AccountAliases", aliases.list(), "IsTruncated", false))
                .handler("CreateAccountAlias", (in, request) -> aliases.create(in))
                .handler("DeleteAccountAlias", (in, request) -> aliases.delete(in))
                .build();
    }

    /** How many roles, users and groups have the managed policy attached. */
    private long attachments(String arn) {
        return roles.all().stream().filter(r -> r.attachedPolicies().contains(arn)).count()
                + users.all().stream().filter(u -> u.attachedPolicies().contains(arn)).count()
                + groups.all().stream().filter(g -> g.attachedPolicies().contains(arn)).count();
    }

    /** The policies of users and their groups, and the permissions boundaries of users and roles. */
    public io.labrunner.emulator.iam.access.PrincipalPolicies principalPolicies() {
        return principalPolicies;
    }

    /** The account's users and their access keys, which the front door verifies signatures with. */
    public UserStore users() {
        return users;
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
