"""Bedrock's model catalogue as boto3 code written for AWS meets it.

Lists the text and embedding models and the system-defined inference profiles, calls every listed text model
through InvokeModel in its provider's body format (by id when it runs on demand, else by its US profile) and
through Converse, embeds with every listed embedding model, and records Bedrock's errors for a retired model, a
profile-only model called by its id, a Lambda ARN and an unknown id. Prints what it saw as JSON.
"""
import json
import sys

import boto3
from botocore.exceptions import ClientError

endpoint_url = sys.argv[1]
bedrock = boto3.client("bedrock", endpoint_url=endpoint_url)
runtime = boto3.client("bedrock-runtime", endpoint_url=endpoint_url)
question = "Context: Amazon S3 stores objects in buckets. Question: Where does S3 store objects?"
seen = {"invoke": {}, "converse": {}, "embed": {}, "errors": {}}


def error(call):
    try:
        call()
    except ClientError as e:
        return {"code": e.response["Error"]["Code"], "message": e.response["Error"].get("Message", ""),
                "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}
    return None


def body(provider):
    if provider == "Anthropic":
        return {"anthropic_version": "bedrock-2023-05-31", "max_tokens": 200,
                "messages": [{"role": "user", "content": [{"type": "text", "text": question}]}]}
    if provider == "Amazon":
        return {"schemaVersion": "messages-v1", "messages": [{"role": "user", "content": [{"text": question}]}],
                "inferenceConfig": {"maxTokens": 200}}
    if provider == "Meta":
        return {"prompt": "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\n" + question
                + "<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n", "max_gen_len": 200}
    if provider == "Mistral AI":
        return {"prompt": "<s>[INST] " + question + " [/INST]", "max_tokens": 200}
    raise ValueError(provider)


def text_of(provider, answer):
    if provider == "Anthropic":
        return answer["content"][0]["text"]
    if provider == "Amazon":
        return answer["output"]["message"]["content"][0]["text"]
    if provider == "Meta":
        return answer["generation"]
    return answer["outputs"][0]["text"]


text_models = bedrock.list_foundation_models(byOutputModality="TEXT")["modelSummaries"]
for model in text_models:
    model_id = model["modelId"] if "ON_DEMAND" in model["inferenceTypesSupported"] else "us." + model["modelId"]
    answer = json.loads(runtime.invoke_model(modelId=model_id, body=json.dumps(body(model["providerName"])))["body"].read())
    seen["invoke"][model["modelId"]] = text_of(model["providerName"], answer)
    converse = runtime.converse(modelId=model_id, messages=[{"role": "user", "content": [{"text": question}]}])
    seen["converse"][model["modelId"]] = converse["output"]["message"]["content"][0]["text"]

for model in bedrock.list_foundation_models(byOutputModality="EMBEDDING")["modelSummaries"]:
    if model["providerName"] == "Cohere":
        answer = json.loads(runtime.invoke_model(modelId=model["modelId"], body=json.dumps(
            {"texts": ["a bucket of objects"], "input_type": "search_query"}))["body"].read())
        seen["embed"][model["modelId"]] = len(answer["embeddings"][0])
    else:
        answer = json.loads(runtime.invoke_model(modelId=model["modelId"], body=json.dumps(
            {"inputText": "a bucket of objects"}))["body"].read())
        seen["embed"][model["modelId"]] = len(answer["embedding"])

profiles = bedrock.list_inference_profiles()["inferenceProfileSummaries"]
seen["profiles"] = [p["inferenceProfileId"] for p in profiles]
haiku = bedrock.get_inference_profile(inferenceProfileIdentifier="us.anthropic.claude-haiku-4-5-20251001-v1:0")
seen["haikuProfileArn"] = haiku["inferenceProfileArn"]
by_arn = runtime.converse(modelId=haiku["inferenceProfileArn"],
                          messages=[{"role": "user", "content": [{"text": question}]}])
seen["converseByProfileArn"] = by_arn["output"]["message"]["content"][0]["text"]

hello = [{"role": "user", "content": [{"text": "hi"}]}]
seen["errors"]["retired"] = error(lambda: runtime.converse(modelId="amazon.titan-text-express-v1", messages=hello))
seen["errors"]["retiredSonnet"] = error(lambda: runtime.invoke_model(
    modelId="anthropic.claude-3-5-sonnet-20241022-v2:0", body=json.dumps(body("Anthropic"))))
seen["errors"]["profileOnly"] = error(lambda: runtime.converse(
    modelId="anthropic.claude-sonnet-4-5-20250929-v1:0", messages=hello))
seen["errors"]["lambdaArn"] = error(lambda: runtime.converse(
    modelId="arn:aws:lambda:us-east-1::foundation-model/amazon.nova-micro-v1:0", messages=hello))
seen["errors"]["unknown"] = error(lambda: runtime.converse(modelId="amazon.nova-nano-v9:0", messages=hello))
print(json.dumps(seen))
