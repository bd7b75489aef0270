package io.labrunner.emulator.iam;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.iam.policy.PolicyKind;
import java.util.List;
import java.util.Map;

/**
 * The inline and attached policies of users or groups (PutUserPolicy, AttachGroupPolicy and the like): the same
 * behaviour as a role's, over whichever {@link PolicyHolders} the operations were made for.
 */
final class HolderPolicyOperations {
    private final PolicyHolders holders;
    private final ManagedPolicyStore managed;
    /** The request member that names the holder: {@code UserName} or {@code GroupName}. */
    private final String nameMember;

    HolderPolicyOperations(PolicyHolders holders, ManagedPolicyStore managed, String nameMember) {
        this.holders = holders;
        this.managed = managed;
        this.nameMember = nameMember;
    }

    Object putInline(ObjectNode in) {
        String document = in.get("PolicyDocument").textValue();
        PolicyDocuments.parse(document, PolicyKind.IDENTITY);
        holders.putInline(in.get(nameMember).textValue(), in.get("PolicyName").textValue(), document);
        return null;
    }

    Map<String, Object> getInline(ObjectNode in) {
        String name = in.get(nameMember).textValue();
        String policy = in.get("PolicyName").textValue();
        String document = holders.inlinePolicies(name).get(policy);
        if (document == null) {
            throw holders.noSuchInlinePolicy(policy);
        }
        return Map.of(nameMember, holders.name(name), "PolicyName", policy,
                "PolicyDocument", IamShapes.urlEncode(document));
    }

    Object deleteInline(ObjectNode in) {
        holders.deleteInline(in.get(nameMember).textValue(), in.get("PolicyName").textValue());
        return null;
    }

    Map<String, Object> listInline(ObjectNode in) {
        List<String> names = List.copyOf(holders.inlinePolicies(in.get(nameMember).textValue()).keySet());
        return IamShapes.page(names, "PolicyNames", text(in, "Marker"), integer(in, "MaxItems"), n -> n);
    }

    Object attach(ObjectNode in) {
        String name = in.get(nameMember).textValue();
        String arn = in.get("PolicyArn").textValue();
        holders.name(name);
        requireAttachable(managed, arn);
        holders.attach(name, arn);
        return null;
    }

    Object detach(ObjectNode in) {
        holders.detach(in.get(nameMember).textValue(), in.get("PolicyArn").textValue());
        return null;
    }

    Map<String, Object> listAttached(ObjectNode in) {
        List<String> arns = holders.attachedPolicies(in.get(nameMember).textValue());
        String prefix = text(in, "PathPrefix");
        List<String> matching = prefix == null ? arns : arns.stream()
                .filter(arn -> managed.find(arn).map(p -> p.path().startsWith(prefix)).orElse(prefix.equals("/")))
                .toList();
        return IamShapes.page(matching, "AttachedPolicies", text(in, "Marker"), integer(in, "MaxItems"),
                arn -> IamShapes.attached(List.of(arn)).get(0));
    }

    /**
     * An ARN that can be attached: a customer managed policy of this account, or any AWS managed policy (the
     * emulator ships the documents of those the labs use; any other attaches as on AWS but grants nothing).
     */
    static void requireAttachable(ManagedPolicyStore managed, String arn) {
        if (!arn.startsWith("arn:aws:iam::")) {
            throw IamErrors.validation("ARN " + arn + " is not valid.");
        }
        if (managed.find(arn).isEmpty() && !arn.startsWith(AwsManagedPolicies.ARN_PREFIX + "/")) {
            throw IamErrors.noSuchPolicy(arn);
        }
    }

    static String text(ObjectNode in, String member) {
        return in.hasNonNull(member) ? in.get(member).textValue() : null;
    }

    static Integer integer(ObjectNode in, String member) {
        return in.hasNonNull(member) ? in.get(member).intValue() : null;
    }
}
