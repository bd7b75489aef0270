package io.labrunner.labs.sagemakerendpoint;

/** The guide's steps as the last tier of a hint names them: the commands, with the names {@code lab env} exports. */
final class GuideSteps {
    static final String REGISTER = "Step 3 of the guide: aws $ENDPOINT sagemaker create-model-package-group"
            + " --model-package-group-name $GROUP, then for each candidate: aws $ENDPOINT sagemaker create-model-package"
            + " --model-package-group-name $GROUP --inference-specification file://spec-v1.json (the XGBoost image and the"
            + " training job's ModelArtifacts.S3ModelArtifacts as ModelDataUrl; SupportedContentTypes and"
            + " SupportedResponseMIMETypes text/csv).";
    static final String APPROVE = "Step 4 of the guide: aws $ENDPOINT sagemaker update-model-package --model-package-arn"
            + " $V1_ARN --model-approval-status Approved --approval-description \"In production\", and the same for $V2_ARN.";
    static final String DEPLOY = "Step 5 of the guide: aws $ENDPOINT sagemaker create-model --model-name $CHAMPION_MODEL"
            + " --execution-role-arn $ROLE_ARN --primary-container ModelPackageName=$V1_ARN (and $CHALLENGER_MODEL from"
            + " $V2_ARN); aws $ENDPOINT sagemaker create-endpoint-config --endpoint-config-name $ENDPOINT_CONFIG"
            + " --production-variants VariantName=champion,ModelName=$CHAMPION_MODEL,InstanceType=ml.m5.large,"
            + "InitialInstanceCount=1,InitialVariantWeight=0.9 VariantName=challenger,ModelName=$CHALLENGER_MODEL,"
            + "InstanceType=ml.m5.large,InitialInstanceCount=1,InitialVariantWeight=0.1; aws $ENDPOINT sagemaker create-endpoint"
            + " --endpoint-name $ENDPOINT_NAME --endpoint-config-name $ENDPOINT_CONFIG; aws $ENDPOINT sagemaker wait"
            + " endpoint-in-service --endpoint-name $ENDPOINT_NAME.";
    static final String TRAFFIC = "Step 6 of the guide: python3 canary.py send — one InvokeEndpoint per line of"
            + " traffic/customers.csv (ContentType text/csv), recording the variant that answered each.";
    static final String COMPARE = "Step 8 of the guide: python3 canary.py compare — every held-out customer scored by each"
            + " variant with TargetVariant, and each variant's AUC against holdout/labels.csv.";
    static final String SHIFT = "Step 9 of the guide: aws $ENDPOINT sagemaker update-endpoint-weights-and-capacities"
            + " --endpoint-name $ENDPOINT_NAME --desired-weights-and-capacities VariantName=<winner>,DesiredWeight=1"
            + " VariantName=<other>,DesiredWeight=0, then wait for endpoint-in-service.";
    static final String PRICE = "Step 10 of the guide: 22,500 requests a month; real-time = 1 × 720 h × $0.115;"
            + " serverless = 22,500 × 0.1 s × $0.00004; batch = 30 × 300 s × $0.115 / 3600; break-even = real-time / (0.1 ×"
            + " $0.00004); write them to s3://$BUCKET/costs/comparison.json.";

    private GuideSteps() {
    }
}
