#!/usr/bin/env python3
"""Writes served-operations.json: for every operation the emulator serves, how it is called (protocol,
HTTP binding) and its top-level input members with their types, taken from botocore's service models.
MalformedRequestsTest builds its malformed variants from this file, so it runs without Python.

The operation lists mirror the service handlers' switch statements; regenerate after adding one:
    python3 served_operations.py > served-operations.json
"""
import json

import botocore.session

SERVED = {
    "iam": ["CreateAccountAlias", "DeleteAccountAlias", "CreateRole", "GetRole", "DeleteRole", "UpdateAssumeRolePolicy", "ListRoles", "PutRolePolicy",
            "GetRolePolicy", "DeleteRolePolicy", "ListRolePolicies", "AttachRolePolicy", "DetachRolePolicy",
            "ListAttachedRolePolicies", "TagRole", "UntagRole", "ListRoleTags", "ListAccountAliases",
            "CreatePolicy", "GetPolicy", "DeletePolicy", "ListPolicies", "CreatePolicyVersion", "GetPolicyVersion",
            "ListPolicyVersions", "DeletePolicyVersion", "SetDefaultPolicyVersion", "SimulatePrincipalPolicy",
            "SimulateCustomPolicy",
            "PutRolePermissionsBoundary", "DeleteRolePermissionsBoundary", "PutUserPermissionsBoundary",
            "DeleteUserPermissionsBoundary", "CreateUser", "GetUser", "ListUsers", "UpdateUser", "DeleteUser",
            "TagUser", "UntagUser", "ListUserTags", "PutUserPolicy", "GetUserPolicy", "DeleteUserPolicy",
            "ListUserPolicies", "AttachUserPolicy", "DetachUserPolicy", "ListAttachedUserPolicies",
            "CreateAccessKey", "ListAccessKeys", "UpdateAccessKey", "DeleteAccessKey", "GetAccessKeyLastUsed",
            "CreateGroup", "GetGroup", "ListGroups", "DeleteGroup", "AddUserToGroup", "RemoveUserFromGroup",
            "ListGroupsForUser", "PutGroupPolicy", "GetGroupPolicy", "DeleteGroupPolicy", "ListGroupPolicies",
            "AttachGroupPolicy", "DetachGroupPolicy", "ListAttachedGroupPolicies"],
    "sts": ["AssumeRole", "GetCallerIdentity", "GetSessionToken", "GetFederationToken",
            "DecodeAuthorizationMessage"],
    "glue": ["CreateDatabase", "GetDatabase", "GetDatabases", "UpdateDatabase", "DeleteDatabase", "CreateTable",
             "GetTable", "GetTables", "UpdateTable", "DeleteTable", "BatchDeleteTable", "CreatePartition",
             "BatchCreatePartition", "GetPartition", "GetPartitions", "BatchGetPartition", "UpdatePartition",
             "DeletePartition", "BatchDeletePartition", "CreateCrawler", "UpdateCrawler", "GetCrawler",
             "GetCrawlers", "ListCrawlers", "StartCrawler", "StopCrawler", "DeleteCrawler", "GetCrawlerMetrics",
             "GetTableVersions", "GetTableVersion", "DeleteTableVersion", "BatchDeleteTableVersion",
             "CreateUserDefinedFunction", "GetUserDefinedFunction", "GetUserDefinedFunctions",
             "UpdateUserDefinedFunction", "DeleteUserDefinedFunction", "TagResource", "UntagResource", "GetTags"],
    "athena": ["StartQueryExecution", "GetQueryExecution", "BatchGetQueryExecution", "GetQueryResults",
               "StopQueryExecution", "ListQueryExecutions", "GetWorkGroup", "ListWorkGroups", "CreateWorkGroup",
               "DeleteWorkGroup"],
    "kinesis": ["CreateStream", "DescribeStream", "DescribeStreamSummary", "ListStreams", "ListShards",
                "DeleteStream", "AddTagsToStream", "ListTagsForStream", "RemoveTagsFromStream",
                "IncreaseStreamRetentionPeriod", "DecreaseStreamRetentionPeriod", "SplitShard", "MergeShards",
                "UpdateShardCount", "PutRecord", "PutRecords", "GetShardIterator", "GetRecords"],
    "firehose": ["CreateDeliveryStream", "DescribeDeliveryStream", "ListDeliveryStreams", "DeleteDeliveryStream",
                 "PutRecord", "PutRecordBatch", "UpdateDestination", "TagDeliveryStream", "UntagDeliveryStream",
                 "ListTagsForDeliveryStream"],
    "bedrock": ["ListFoundationModels", "GetFoundationModel", "CreateGuardrail", "ListGuardrails", "GetGuardrail",
                "CreateGuardrailVersion", "DeleteGuardrail", "TagResource", "UntagResource", "ListTagsForResource",
                "ListInferenceProfiles", "GetInferenceProfile"],
    "bedrock-runtime": ["ApplyGuardrail", "InvokeModel", "InvokeModelWithResponseStream", "Converse",
                        "ConverseStream"],
    "logs": ["CreateLogGroup", "DeleteLogGroup", "DescribeLogGroups", "PutRetentionPolicy", "DeleteRetentionPolicy",
             "TagResource", "UntagResource", "ListTagsForResource", "TagLogGroup", "UntagLogGroup",
             "ListTagsLogGroup", "CreateLogStream", "DeleteLogStream", "DescribeLogStreams", "PutLogEvents",
             "GetLogEvents", "FilterLogEvents"],
    "sagemaker": ["CreateTrainingJob", "DescribeTrainingJob", "ListTrainingJobs", "StopTrainingJob", "AddTags",
                  "ListTags", "DeleteTags", "CreateHyperParameterTuningJob", "DescribeHyperParameterTuningJob",
                  "ListHyperParameterTuningJobs", "ListTrainingJobsForHyperParameterTuningJob",
                  "StopHyperParameterTuningJob", "CreateModel", "DescribeModel", "ListModels", "DeleteModel",
                  "CreateTransformJob", "DescribeTransformJob", "ListTransformJobs", "StopTransformJob",
                  "CreateModelPackageGroup", "DescribeModelPackageGroup", "ListModelPackageGroups",
                  "DeleteModelPackageGroup", "CreateModelPackage", "DescribeModelPackage", "ListModelPackages",
                  "UpdateModelPackage", "DeleteModelPackage",
                  "CreateProcessingJob", "DescribeProcessingJob", "ListProcessingJobs", "StopProcessingJob",
                  "CreateDataQualityJobDefinition", "DescribeDataQualityJobDefinition",
                  "ListDataQualityJobDefinitions", "DeleteDataQualityJobDefinition", "CreateMonitoringSchedule",
                  "DescribeMonitoringSchedule", "ListMonitoringSchedules", "UpdateMonitoringSchedule",
                  "StopMonitoringSchedule", "StartMonitoringSchedule", "DeleteMonitoringSchedule",
                  "ListMonitoringExecutions", "CreateEndpointConfig", "DescribeEndpointConfig",
                  "ListEndpointConfigs", "DeleteEndpointConfig", "CreateEndpoint", "DescribeEndpoint",
                  "ListEndpoints", "UpdateEndpoint", "UpdateEndpointWeightsAndCapacities", "DeleteEndpoint",
                  "CreatePipeline", "DescribePipeline", "ListPipelines", "UpdatePipeline", "DeletePipeline",
                  "DescribePipelineDefinitionForExecution", "StartPipelineExecution", "DescribePipelineExecution",
                  "ListPipelineExecutions", "ListPipelineExecutionSteps", "ListPipelineParametersForExecution",
                  "StopPipelineExecution"],
    "sagemaker-runtime": ["InvokeEndpoint"],
    "kms": ["CreateKey", "DescribeKey", "ListKeys", "EnableKey", "DisableKey", "ScheduleKeyDeletion",
            "CancelKeyDeletion", "UpdateKeyDescription", "GetKeyPolicy", "PutKeyPolicy", "ListKeyPolicies",
            "EnableKeyRotation", "DisableKeyRotation", "GetKeyRotationStatus", "RotateKeyOnDemand", "ListKeyRotations",
            "TagResource", "UntagResource", "ListResourceTags", "CreateAlias", "UpdateAlias", "DeleteAlias",
            "ListAliases", "Encrypt", "Decrypt", "ReEncrypt", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext",
            "GenerateRandom"],
    "secretsmanager": ["CreateSecret", "DescribeSecret", "ListSecrets", "UpdateSecret", "DeleteSecret",
                       "RestoreSecret", "TagResource", "UntagResource", "PutResourcePolicy", "GetResourcePolicy",
                       "DeleteResourcePolicy", "GetSecretValue", "PutSecretValue", "UpdateSecretVersionStage",
                       "ListSecretVersionIds", "GetRandomPassword"],
    "events": ["CreateEventBus", "DeleteEventBus", "DescribeEventBus", "ListEventBuses", "PutRule", "DescribeRule",
               "ListRules", "EnableRule", "DisableRule", "DeleteRule", "PutTargets", "RemoveTargets",
               "ListTargetsByRule", "ListRuleNamesByTarget", "PutEvents", "TestEventPattern", "TagResource",
               "UntagResource", "ListTagsForResource"],
    "stepfunctions": ["CreateStateMachine", "DescribeStateMachine", "UpdateStateMachine", "ListStateMachines",
                      "DeleteStateMachine", "ValidateStateMachineDefinition", "StartExecution", "StartSyncExecution",
                      "DescribeExecution", "ListExecutions", "StopExecution", "GetExecutionHistory",
                      "DescribeStateMachineForExecution", "SendTaskSuccess", "SendTaskFailure", "SendTaskHeartbeat",
                      "TagResource", "UntagResource", "ListTagsForResource"],
    "resourcegroupstaggingapi": ["GetResources", "GetTagKeys", "GetTagValues", "TagResources", "UntagResources"],
    "s3": ["ListBuckets", "CreateBucket", "DeleteBucket", "HeadBucket", "ListObjects", "ListObjectsV2",
           "GetBucketAcl", "PutBucketAcl", "GetBucketLocation", "GetBucketVersioning", "ListMultipartUploads", "DeleteObjects", "GetBucketPolicy", "PutBucketPolicy",
           "DeleteBucketPolicy", "GetBucketPolicyStatus", "GetPublicAccessBlock", "PutPublicAccessBlock",
           "DeletePublicAccessBlock", "GetBucketEncryption", "PutBucketEncryption", "DeleteBucketEncryption",
           "GetBucketNotificationConfiguration", "PutBucketNotificationConfiguration", "GetObject", "HeadObject",
           "PutObject", "DeleteObject", "CopyObject", "GetObjectAcl", "PutObjectAcl", "GetObjectAttributes",
           "CreateMultipartUpload", "UploadPart", "UploadPartCopy", "CompleteMultipartUpload",
           "AbortMultipartUpload", "ListParts",
           "PutObjectTagging", "GetObjectTagging", "DeleteObjectTagging", "PutBucketTagging", "GetBucketTagging",
           "DeleteBucketTagging", "PutBucketVersioning", "ListObjectVersions",
           "PutBucketCors", "GetBucketCors", "DeleteBucketCors"],
}


def member(shape, name, required, depth=0):
    s = shape.serialization
    item = {"name": s.get("name", name), "type": shape.type_name, "location": s.get("location", "body"),
            "required": required}
    # One level down: the members of a structure, or of a list's structure entries.
    inner = shape.member if shape.type_name == "list" else shape
    if depth == 0 and inner.type_name == "structure" and not inner.metadata.get("document"):
        item["children"] = [member(m, n, n in inner.required_members, 1) for n, m in inner.members.items()]
    return item


def main():
    session = botocore.session.get_session()
    out = {}
    for service, operations in SERVED.items():
        model = session.get_service_model(service)
        meta = model.metadata
        entry = {"protocol": model.protocol, "signingName": meta.get("signingName", meta["endpointPrefix"]),
                 "apiVersion": meta["apiVersion"], "targetPrefix": meta.get("targetPrefix"),
                 "jsonVersion": meta.get("jsonVersion"), "operations": {}}
        for name in operations:
            op = model.operation_model(name)
            shape = op.input_shape
            members = []
            payload = None
            if shape is not None:
                payload = shape.serialization.get("payload")
                for member_name, m in shape.members.items():
                    item = member(m, member_name, member_name in shape.required_members)
                    item["member"] = member_name
                    members.append(item)
            entry["operations"][name] = {"method": op.http.get("method"), "requestUri": op.http.get("requestUri"),
                                         "payload": payload, "members": members}
        out[service] = entry
    print(json.dumps(out, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
