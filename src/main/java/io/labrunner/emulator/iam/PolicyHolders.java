package io.labrunner.emulator.iam;

import java.util.List;
import java.util.Map;

/**
 * Users or groups seen as holders of identity-based policies, so that one set of operations serves
 * PutUserPolicy and PutGroupPolicy alike. Every method throws NoSuchEntity for a holder that does not exist.
 */
interface PolicyHolders {

    /** The holder's name as created (IAM compares names case-insensitively but answers with the created one). */
    String name(String name);

    Map<String, String> inlinePolicies(String name);

    List<String> attachedPolicies(String name);

    void putInline(String name, String policyName, String document);

    /** Throws NoSuchEntity when the holder has no inline policy of that name. */
    void deleteInline(String name, String policyName);

    void attach(String name, String policyArn);

    /** Throws NoSuchEntity when the policy is not attached. */
    void detach(String name, String policyArn);

    /** NoSuchEntity for a missing inline policy, worded for the holder's kind. */
    io.labrunner.emulator.AwsException noSuchInlinePolicy(String policyName);
}
