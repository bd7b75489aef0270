package io.labrunner.core.kinds;

import io.labrunner.core.Arns;
import io.labrunner.core.AwsClients;
import io.labrunner.core.Capability;
import io.labrunner.core.NameFilter;
import io.labrunner.core.ResourceDeleter.Deletion;
import io.labrunner.core.ResourceKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;

/** IAM's kinds. */
public final class IamKinds {
    /** A role by name; cleanup detaches and deletes its policies first. */
    public static final ResourceKind ROLE = new Role();

    private IamKinds() {
    }

    private static final class Role extends Kind {
        Role() {
            super("IAM_ROLE", "IAM role", Capability.IAM);
        }

        @Override
        public List<Listed> list(AwsClients clients, NameFilter names) {
            return clients.iam().listRolesPaginator().roles().stream().filter(r -> names.matches(r.roleName()))
                    .map(r -> Listed.named(this, r.roleName(), r.createDate())).toList();
        }

        @Override
        public void tag(AwsClients clients, Arns arns, String id, Map<String, String> tags) {
            List<Tag> iamTags = tags.entrySet().stream()
                    .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
            clients.iam().tagRole(r -> r.roleName(id).tags(iamTags));
        }

        @Override
        public Deletion delete(AwsClients clients, String role) {
            var iam = clients.iam();
            try {
                iam.listAttachedRolePoliciesPaginator(r -> r.roleName(role)).attachedPolicies().forEach(policy ->
                        iam.detachRolePolicy(r -> r.roleName(role).policyArn(policy.policyArn())));
                iam.listRolePoliciesPaginator(r -> r.roleName(role)).policyNames().forEach(name ->
                        iam.deleteRolePolicy(r -> r.roleName(role).policyName(name)));
                iam.deleteRole(r -> r.roleName(role));
                return Deletion.DELETED;
            } catch (NoSuchEntityException e) {
                return Deletion.ALREADY_GONE;
            }
        }

        @Override
        public boolean isNotFound(AwsServiceException e) {
            return e instanceof NoSuchEntityException || code(e).equals("NoSuchEntity");
        }

        /** {@code arn:aws:iam::<account>:role/<path>/<name>}: a role is deleted by its name alone. */
        @Override
        public Optional<String> fromArn(Arn arn) {
            return last(arn, "iam", "role");
        }
    }
}
