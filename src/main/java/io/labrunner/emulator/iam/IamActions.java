package io.labrunner.emulator.iam;

import java.util.Set;

/**
 * Every action IAM's API has (API version 2010-05-08, as listed in AWS's service model), so that an
 * action IAM has but the emulator lacks answers NotImplemented while a misspelt one answers
 * InvalidAction, as IAM does.
 */
final class IamActions {
    static final Set<String> ALL = Set.of(
            "AcceptDelegationRequest", "AddClientIDToOpenIDConnectProvider", "AddRoleToInstanceProfile",
            "AddUserToGroup", "AssociateDelegationRequest", "AttachGroupPolicy", "AttachRolePolicy",
            "AttachUserPolicy", "ChangePassword", "CreateAccessKey", "CreateAccountAlias",
            "CreateDelegationRequest", "CreateGroup", "CreateInstanceProfile", "CreateLoginProfile",
            "CreateOpenIDConnectProvider", "CreatePolicy", "CreatePolicyVersion", "CreateRole",
            "CreateSAMLProvider", "CreateServiceLinkedRole", "CreateServiceSpecificCredential", "CreateUser",
            "CreateVirtualMFADevice", "DeactivateMFADevice", "DeleteAccessKey", "DeleteAccountAlias",
            "DeleteAccountPasswordPolicy", "DeleteGroup", "DeleteGroupPolicy", "DeleteInstanceProfile",
            "DeleteLoginProfile", "DeleteOpenIDConnectProvider", "DeletePolicy", "DeletePolicyVersion",
            "DeleteRole", "DeleteRolePermissionsBoundary", "DeleteRolePolicy", "DeleteSAMLProvider",
            "DeleteSSHPublicKey", "DeleteServerCertificate", "DeleteServiceLinkedRole",
            "DeleteServiceSpecificCredential", "DeleteSigningCertificate", "DeleteUser",
            "DeleteUserPermissionsBoundary", "DeleteUserPolicy", "DeleteVirtualMFADevice", "DetachGroupPolicy",
            "DetachRolePolicy", "DetachUserPolicy", "DisableOrganizationsRootCredentialsManagement",
            "DisableOrganizationsRootSessions", "DisableOutboundWebIdentityFederation", "EnableMFADevice",
            "EnableOrganizationsRootCredentialsManagement", "EnableOrganizationsRootSessions",
            "EnableOutboundWebIdentityFederation", "GenerateCredentialReport", "GenerateOrganizationsAccessReport",
            "GenerateServiceLastAccessedDetails", "GetAccessKeyLastUsed", "GetAccountAuthorizationDetails",
            "GetAccountPasswordPolicy", "GetAccountSummary", "GetContextKeysForCustomPolicy",
            "GetContextKeysForPrincipalPolicy", "GetCredentialReport", "GetDelegationRequest", "GetGroup",
            "GetGroupPolicy", "GetHumanReadableSummary", "GetInstanceProfile", "GetLoginProfile", "GetMFADevice",
            "GetOpenIDConnectProvider", "GetOrganizationsAccessReport", "GetOutboundWebIdentityFederationInfo",
            "GetPolicy", "GetPolicyVersion", "GetRole", "GetRolePolicy", "GetSAMLProvider", "GetSSHPublicKey",
            "GetServerCertificate", "GetServiceLastAccessedDetails", "GetServiceLastAccessedDetailsWithEntities",
            "GetServiceLinkedRoleDeletionStatus", "GetUser", "GetUserPolicy", "ListAccessKeys",
            "ListAccountAliases", "ListAttachedGroupPolicies", "ListAttachedRolePolicies",
            "ListAttachedUserPolicies", "ListDelegationRequests", "ListEntitiesForPolicy", "ListGroupPolicies",
            "ListGroups", "ListGroupsForUser", "ListInstanceProfileTags", "ListInstanceProfiles",
            "ListInstanceProfilesForRole", "ListMFADeviceTags", "ListMFADevices", "ListOpenIDConnectProviderTags",
            "ListOpenIDConnectProviders", "ListOrganizationsFeatures", "ListPolicies",
            "ListPoliciesGrantingServiceAccess", "ListPolicyTags", "ListPolicyVersions", "ListRolePolicies",
            "ListRoleTags", "ListRoles", "ListSAMLProviderTags", "ListSAMLProviders", "ListSSHPublicKeys",
            "ListServerCertificateTags", "ListServerCertificates", "ListServiceSpecificCredentials",
            "ListSigningCertificates", "ListUserPolicies", "ListUserTags", "ListUsers", "ListVirtualMFADevices",
            "PutGroupPolicy", "PutRolePermissionsBoundary", "PutRolePolicy", "PutUserPermissionsBoundary",
            "PutUserPolicy", "RejectDelegationRequest", "RemoveClientIDFromOpenIDConnectProvider",
            "RemoveRoleFromInstanceProfile", "RemoveUserFromGroup", "ResetServiceSpecificCredential",
            "ResyncMFADevice", "SendDelegationToken", "SetDefaultPolicyVersion",
            "SetSecurityTokenServicePreferences", "SimulateCustomPolicy", "SimulatePrincipalPolicy",
            "TagInstanceProfile", "TagMFADevice", "TagOpenIDConnectProvider", "TagPolicy", "TagRole",
            "TagSAMLProvider", "TagServerCertificate", "TagUser", "UntagInstanceProfile", "UntagMFADevice",
            "UntagOpenIDConnectProvider", "UntagPolicy", "UntagRole", "UntagSAMLProvider", "UntagServerCertificate",
            "UntagUser", "UpdateAccessKey", "UpdateAccountPasswordPolicy", "UpdateAssumeRolePolicy",
            "UpdateDelegationRequest", "UpdateGroup", "UpdateLoginProfile", "UpdateOpenIDConnectProviderThumbprint",
            "UpdateRole", "UpdateRoleDescription", "UpdateSAMLProvider", "UpdateSSHPublicKey",
            "UpdateServerCertificate", "UpdateServiceSpecificCredential", "UpdateSigningCertificate", "UpdateUser",
            "UploadSSHPublicKey", "UploadServerCertificate", "UploadSigningCertificate");

    private IamActions() {
    }
}
