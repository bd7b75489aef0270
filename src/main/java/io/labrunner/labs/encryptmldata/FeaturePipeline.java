package io.labrunner.labs.encryptmldata;

import io.labrunner.labs.sagemakerxgboost.Customers;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The training pipeline's export step: read the feature database's credentials from Secrets
 * Manager, connect, and write the training rows to the bucket encrypted under the lab's key.
 *
 * <p>There is no database in this lab: the rows are the churn customers the other SageMaker labs
 * train on, and {@link #connect} stands where {@code DriverManager.getConnection(url, user,
 * password)} would. What is real is everything around it: the password comes from Secrets
 * Manager at run time, lives in memory only, and is never printed or written.
 */
final class FeaturePipeline {
    /** One line per customer, label first and no header: what SageMaker's built-in XGBoost reads. */
    static final String TRAINING_OBJECT = "training/churn/train.csv";

    /** What the export did, for the learner to see; it holds no secret. */
    record Export(String connectedTo, int rows, long bytes) {
    }

    private FeaturePipeline() {
    }

    static Export run(SecretsManagerClient secrets, String secretName, S3Client s3, String bucket, String keyArn) {
        DbCredentials credentials = DatabaseSecret.read(secrets, secretName);
        List<Customers.Customer> rows = connect(credentials);
        String csv = Customers.labelledCsv(rows);
        upload(s3, bucket, TRAINING_OBJECT, csv, keyArn);
        return new Export(credentials.toString(), rows.size(), csv.length());
    }

    /**
     * Uploads with SSE-KMS named explicitly: the bucket policy refuses an upload without the
     * {@code aws:kms} header even though the bucket would encrypt it by default, and naming the key
     * makes sure it is this one.
     */
    static void upload(S3Client s3, String bucket, String key, String text, String keyArn) {
        s3.putObject(put -> put.bucket(bucket).key(key).contentType("text/csv")
                .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(keyArn), RequestBody.fromString(text));
    }

    /** Where a real pipeline would open a connection with these credentials and run its query. */
    private static List<Customers.Customer> connect(DbCredentials credentials) {
        if (credentials.password().isBlank()) {
            throw new IllegalStateException("The secret's password is empty: the database would refuse "
                    + credentials.username() + ".");
        }
        return Customers.dataset().train();
    }
}
