package io.labrunner.emulator.iam;

import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.AwsResponse;
import io.labrunner.emulator.AwsService;
import io.labrunner.emulator.Protocol;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Emulated IAM (query protocol, version 2010-05-08): roles with trust policies, inline and attached
 * policies, tags, and account aliases. Everything lives in account {@value IamDirectory#ACCOUNT_ID}.
 */
public final class IamService implements AwsService {
    // https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html (RoleName, Path patterns)
    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]+");
    private static final Pattern PATH = Pattern.compile("/|/[\\u0021-\\u007E]+/");
    private static final String AWS_MANAGED_PREFIX = "arn:aws:iam::aws:policy/";

    private final RoleStore roles;

    /** An IAM with no roles. */
    public IamService() {
        this(new RoleStore());
    }

    /** An IAM over the given role state (shared with whoever else holds it). */
    public IamService(RoleStore roles) {
        this.roles = roles;
    }

    /** The read-only view other services use to look up and trust-check roles. */
    public IamDirectory directory() {
        return roles;
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
        FormParams p = new FormParams(request);
        String action = p.get("Action").orElseThrow(() ->
                new AwsException("MissingAction", "Missing Action", 400));
        switch (action) {
            case "CreateRole": return createRole(p);
            case "GetRole": return IamXml.response(action, new IamXml().role(roles.require(roleName(p))));
            case "DeleteRole": return deleteRole(p);
            case "UpdateAssumeRolePolicy": return updateAssumeRolePolicy(p);
            case "ListRoles": return listRoles(p);
            case "PutRolePolicy": return putRolePolicy(p);
            case "GetRolePolicy": return getRolePolicy(p);
            case "DeleteRolePolicy": return deleteRolePolicy(p);
            case "ListRolePolicies": return listRolePolicies(p);
            case "AttachRolePolicy": return attachRolePolicy(p);
            case "DetachRolePolicy": return detachRolePolicy(p);
            case "ListAttachedRolePolicies": return listAttachedRolePolicies(p);
            case "TagRole": return tagRole(p);
            case "UntagRole": return untagRole(p);
            case "ListRoleTags": return listRoleTags(p);
            case "ListAccountAliases": return listAccountAliases();
            default:
                if (IamActions.ALL.contains(action)) {
                    throw AwsException.notImplemented("IAM", action);
                }
                // https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html
                throw new AwsException("InvalidAction", "Could not find operation " + action
                        + " for version 2010-05-08", 400);
        }
    }

    private AwsResponse createRole(FormParams p) {
        String name = roleName(p);
        String path = p.get("Path").orElse("/");
        if (path.length() > 512 || !PATH.matcher(path).matches()) {
            throw IamErrors.validation(constraint(path, "path",
                    "Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)"));
        }
        String trust = p.require("AssumeRolePolicyDocument", "assumeRolePolicyDocument");
        TrustPolicy.parse(trust);
        int maxSession = p.integer("MaxSessionDuration", "maxSessionDuration", 3600, 43200).orElse(3600);
        Role role = roles.create(name, path, trust, p.get("Description").orElse(null), maxSession,
                p.keyValues("Tags"));
        return IamXml.response("CreateRole", new IamXml().role(role));
    }

    private AwsResponse deleteRole(FormParams p) {
        roles.delete(roleName(p));
        return IamXml.response("DeleteRole", null);
    }

    private AwsResponse updateAssumeRolePolicy(FormParams p) {
        String document = p.require("PolicyDocument", "policyDocument");
        TrustPolicy.parse(document);
        roles.update(roleName(p), r -> r.withTrustPolicy(document));
        return IamXml.response("UpdateAssumeRolePolicy", null);
    }

    private AwsResponse listRoles(FormParams p) {
        String prefix = p.get("PathPrefix").orElse("/");
        List<Role> matching = roles.all().stream().filter(r -> r.path().startsWith(prefix)).toList();
        int start = marker(p);
        int max = p.integer("MaxItems", "maxItems", 1, 1000).orElse(100);
        int end = Math.min(matching.size(), start + max);
        IamXml xml = new IamXml().open("Roles");
        matching.subList(Math.min(start, end), end).forEach(r -> xml.open("member").roleMembers(r).close("member"));
        xml.close("Roles").element("IsTruncated", end < matching.size());
        if (end < matching.size()) {
            xml.element("Marker", end);
        }
        return IamXml.response("ListRoles", xml);
    }

    private AwsResponse putRolePolicy(FormParams p) {
        String role = roleName(p);
        String policy = policyName(p);
        String document = p.require("PolicyDocument", "policyDocument");
        TrustPolicy.parse(document);
        roles.putInlinePolicy(role, policy, document);
        return IamXml.response("PutRolePolicy", null);
    }

    private AwsResponse getRolePolicy(FormParams p) {
        Role role = roles.require(roleName(p));
        String policy = policyName(p);
        String document = role.inlinePolicies().get(policy);
        if (document == null) {
            throw IamErrors.noSuchRolePolicy(role.name(), policy);
        }
        return IamXml.response("GetRolePolicy", new IamXml().element("RoleName", role.name())
                .element("PolicyName", policy).element("PolicyDocument", IamXml.urlEncode(document)));
    }

    private AwsResponse deleteRolePolicy(FormParams p) {
        roles.deleteInlinePolicy(roleName(p), policyName(p));
        return IamXml.response("DeleteRolePolicy", null);
    }

    private AwsResponse listRolePolicies(FormParams p) {
        Role role = roles.require(roleName(p));
        IamXml xml = new IamXml().open("PolicyNames");
        role.inlinePolicies().keySet().forEach(n -> xml.element("member", n));
        return IamXml.response("ListRolePolicies", xml.close("PolicyNames").element("IsTruncated", false));
    }

    private AwsResponse attachRolePolicy(FormParams p) {
        String role = roleName(p);
        String arn = p.require("PolicyArn", "policyArn");
        roles.require(role);
        // Customer managed policies cannot be created here yet, so only AWS managed ones exist.
        if (!arn.startsWith(AWS_MANAGED_PREFIX)) {
            if (!arn.startsWith("arn:aws:iam::")) {
                throw IamErrors.validation("ARN " + arn + " is not valid.");
            }
            throw IamErrors.noSuchPolicy(arn);
        }
        roles.attach(role, arn);
        return IamXml.response("AttachRolePolicy", null);
    }

    private AwsResponse detachRolePolicy(FormParams p) {
        roles.detach(roleName(p), p.require("PolicyArn", "policyArn"));
        return IamXml.response("DetachRolePolicy", null);
    }

    private AwsResponse listAttachedRolePolicies(FormParams p) {
        Role role = roles.require(roleName(p));
        IamXml xml = new IamXml().open("AttachedPolicies");
        for (String arn : role.attachedPolicies()) {
            xml.open("member").element("PolicyName", arn.substring(arn.lastIndexOf('/') + 1))
                    .element("PolicyArn", arn).close("member");
        }
        return IamXml.response("ListAttachedRolePolicies",
                xml.close("AttachedPolicies").element("IsTruncated", false));
    }

    private AwsResponse tagRole(FormParams p) {
        Map<String, String> add = p.keyValues("Tags");
        roles.update(roleName(p), r -> {
            Map<String, String> tags = new LinkedHashMap<>(r.tags());
            tags.putAll(add);
            return r.withTags(tags);
        });
        return IamXml.response("TagRole", null);
    }

    private AwsResponse untagRole(FormParams p) {
        List<String> keys = p.members("TagKeys");
        roles.update(roleName(p), r -> {
            Map<String, String> tags = new LinkedHashMap<>(r.tags());
            keys.forEach(tags::remove);
            return r.withTags(tags);
        });
        return IamXml.response("UntagRole", null);
    }

    private AwsResponse listRoleTags(FormParams p) {
        Role role = roles.require(roleName(p));
        return IamXml.response("ListRoleTags", new IamXml().tags(new java.util.TreeMap<>(role.tags()), true)
                .element("IsTruncated", false));
    }

    private AwsResponse listAccountAliases() {
        IamXml xml = new IamXml().open("AccountAliases");
        roles.accountAliases().forEach(a -> xml.element("member", a));
        return IamXml.response("ListAccountAliases", xml.close("AccountAliases").element("IsTruncated", false));
    }

    /** Where a page starts: the Marker this emulator handed out is the index of the next entry. */
    private static int marker(FormParams p) {
        String marker = p.get("Marker").orElse(null);
        if (marker == null) {
            return 0;
        }
        try {
            int start = Integer.parseInt(marker);
            if (start >= 0) {
                return start;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw IamErrors.invalidParameterValue("Invalid Marker: " + marker);
    }

    private static String roleName(FormParams p) {
        return checkName(p.require("RoleName", "roleName"), "roleName", 64);
    }

    private static String policyName(FormParams p) {
        return checkName(p.require("PolicyName", "policyName"), "policyName", 128);
    }

    private static String checkName(String name, String member, int maxLength) {
        if (name.length() > maxLength) {
            throw IamErrors.validation(constraint(name, member,
                    "Member must have length less than or equal to " + maxLength));
        }
        if (!NAME.matcher(name).matches()) {
            throw IamErrors.validation(constraint(name, member,
                    "Member must satisfy regular expression pattern: [\\w+=,.@-]+"));
        }
        return name;
    }

    private static String constraint(String value, String member, String rule) {
        return IamErrors.constraint(value, member, rule);
    }
}
