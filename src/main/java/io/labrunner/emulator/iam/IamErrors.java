package io.labrunner.emulator.iam;

import io.labrunner.emulator.AwsException;

/** IAM's error codes and the messages IAM gives with them. */
final class IamErrors {
    private IamErrors() {
    }

    static AwsException noSuchRole(String name) {
        return new AwsException("NoSuchEntity", "The role with name " + name + " cannot be found.", 404);
    }

    static AwsException noSuchRolePolicy(String role, String policy) {
        return new AwsException("NoSuchEntity",
                "The role policy with name " + policy + " cannot be found.", 404);
    }

    static AwsException noSuchPolicy(String arn) {
        return new AwsException("NoSuchEntity", "Policy " + arn + " does not exist or is not attachable.", 404);
    }

    static AwsException policyNotAttached(String arn) {
        return new AwsException("NoSuchEntity", "Policy " + arn + " was not found.", 404);
    }

    static AwsException roleExists(String name) {
        return new AwsException("EntityAlreadyExists", "Role with name " + name + " already exists.", 409);
    }

    static AwsException deleteConflict(String message) {
        return new AwsException("DeleteConflict", message, 409);
    }

    static AwsException malformedPolicy(String message) {
        return new AwsException("MalformedPolicyDocument", message, 400);
    }

    static AwsException validation(String message) {
        return new AwsException("ValidationError", message, 400);
    }

    /** A value of the wrong kind, e.g. letters where a number belongs (a common error of query APIs). */
    static AwsException invalidParameterValue(String message) {
        return new AwsException("InvalidParameterValue", message, 400);
    }

    static AwsException policyNotFound(String arn) {
        return new AwsException("NoSuchEntity", "Policy " + arn + " was not found.", 404);
    }

    static AwsException policyExists(String name) {
        return new AwsException("EntityAlreadyExists",
                "A policy called " + name + " already exists. Duplicate names are not allowed.", 409);
    }

    static AwsException noSuchPolicyVersion(String arn, String versionId) {
        return new AwsException("NoSuchEntity",
                "Policy " + arn + " version " + versionId + " does not exist or is not attachable.", 404);
    }

    static AwsException versionLimit() {
        return new AwsException("LimitExceeded", "A managed policy can have up to 5 versions. Before you create a new"
                + " version, you must delete an existing version.", 409);
    }

    static AwsException awsManagedIsReadOnly(String arn) {
        return new AwsException("InvalidInput", "Policy " + arn + " is an AWS managed policy and cannot be changed.", 400);
    }

    static AwsException invalidInput(String message) {
        return new AwsException("InvalidInput", message, 400);
    }

    static AwsException noSuchUser(String name) {
        return new AwsException("NoSuchEntity", "The user with name " + name + " cannot be found.", 404);
    }

    static AwsException entityExists(String message) {
        return new AwsException("EntityAlreadyExists", message, 409);
    }
}
