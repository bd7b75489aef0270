package io.labrunner.emulator.kms;

import io.labrunner.emulator.iam.access.AccessRequest;
import io.labrunner.emulator.iam.policy.MalformedPolicyException;
import io.labrunner.emulator.iam.policy.PolicyDocument;
import io.labrunner.emulator.iam.policy.PolicyKind;
import io.labrunner.emulator.iam.policy.SourcedPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What IAM authorizes when a KMS key is used: the action on the key's ARN, judged against the key policy, with KMS's
 * condition keys (KMS Developer Guide, "AWS KMS condition keys"). Services that use keys in-process (S3 with SSE-KMS)
 * build their requests here, naming themselves in {@code kms:ViaService}.
 */
public final class KmsAccess {
    private KmsAccess() {
    }

    /**
     * @param action     e.g. {@code kms:Decrypt}
     * @param keyArn     the key's ARN
     * @param policy     the key policy document, or null when the key is unknown
     * @param context    the encryption context, empty when the operation has none
     * @param viaService the service that calls KMS on the caller's behalf ({@code s3.us-east-1.amazonaws.com}),
     *                   or null for a direct call
     */
    public static AccessRequest request(String action, String keyArn, String policy, Map<String, String> context,
            String viaService) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        String[] arn = keyArn.split(":", 6);
        if (arn.length == 6) {
            keys.put("kms:CallerAccount", List.of(arn[4]));
        }
        if (viaService != null) {
            keys.put("kms:ViaService", List.of(viaService));
        }
        if (context != null && !context.isEmpty()) {
            context.forEach((k, v) -> keys.put("kms:EncryptionContext:" + k, List.of(v)));
            keys.put("kms:EncryptionContextKeys", new ArrayList<>(context.keySet()));
        }
        return new AccessRequest(action, keyArn, keys, policy == null ? null : sourced(keyArn, policy));
    }

    /** A request with the key's policy, looked up in {@code keyRing}. */
    public static AccessRequest request(KeyRing keyRing, String action, String keyArn, Map<String, String> context,
            String viaService) {
        return request(action, keyArn, keyRing.keyPolicy(keyArn).orElse(null), context, viaService);
    }

    /** The key policy ready to evaluate; a stored policy always parses, since PutKeyPolicy checked it. */
    private static SourcedPolicy sourced(String keyArn, String policy) {
        try {
            return new SourcedPolicy(keyArn, "resource", PolicyDocument.parse(policy, PolicyKind.RESOURCE));
        } catch (MalformedPolicyException e) {
            return null;
        }
    }
}
