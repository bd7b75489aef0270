package io.labrunner.emulator.sagemaker.registry;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model package as requests name it: {@code name} (unversioned), {@code group/version}, or either as an
 * ARN ({@code arn:aws:sagemaker:<region>:<account>:model-package/<group>/<version>}).
 *
 * @param version null for an unversioned package
 */
record PackageName(String name, Integer version) {
    private static final Pattern ARN_PREFIX = Pattern.compile("arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:"
            + "[a-z\\-]*/");
    private static final Pattern VERSIONED = Pattern.compile("(.+)/([0-9]{1,9})");

    static PackageName parse(String nameOrArn) {
        String rest = withoutArn(nameOrArn);
        Matcher versioned = VERSIONED.matcher(rest);
        return versioned.matches()
                ? new PackageName(versioned.group(1), Integer.parseInt(versioned.group(2)))
                : new PackageName(rest, null);
    }

    /** A group's name from its name or ARN. */
    static String group(String nameOrArn) {
        return withoutArn(nameOrArn);
    }

    private static String withoutArn(String nameOrArn) {
        Matcher arn = ARN_PREFIX.matcher(nameOrArn);
        return arn.lookingAt() ? nameOrArn.substring(arn.end()) : nameOrArn;
    }
}
