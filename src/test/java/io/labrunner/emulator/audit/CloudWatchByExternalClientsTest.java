package io.labrunner.emulator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.Emulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CloudWatch as the clients a learner types with speak to it: the AWS CLI v1 and boto3 (botocore 1.3x+, AWS JSON
 * 1.0) and an AWS CLI v2 whose botocore predates JSON for CloudWatch (Debian's 2.9, the query protocol).
 */
class CloudWatchByExternalClientsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Debian's packaged AWS CLI v2, when installed. */
    private static final String CLI_V2 = "/usr/bin/aws";

    @Test
    void theAwsCliV1PutsReadsAndAlarms(@TempDir Path home) throws Exception {
        ExternalClients external = new ExternalClients(home);
        String missing = external.awsCliMissing();
        assumeTrue(missing == null, () -> "AWS CLI check skipped: " + missing);
        roundTrip(external, "aws", "v1");
    }

    @Test
    void anAwsCliV2OnTheQueryProtocolPutsReadsAndAlarms(@TempDir Path home) throws Exception {
        assumeTrue(Files.isExecutable(Path.of(CLI_V2)), "no packaged AWS CLI v2 here");
        ExternalClients external = new ExternalClients(home);
        ExternalClients.Result version = external.run(List.of(CLI_V2, "--version"));
        assumeTrue(version.exitCode() == 0 && version.stdout().startsWith("aws-cli/2"), "not an AWS CLI v2");
        roundTrip(external, CLI_V2, "v2");
    }

    private static void roundTrip(ExternalClients external, String cli, String tag) throws Exception {
        try (Emulator emulator = Emulator.builder().port(0).build().start()) {
            String endpoint = emulator.getEndpoint().toString();
            String ns = "Lab/Cli" + tag;
            Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);

            ExternalClients.Result put = aws(external, cli, endpoint, "put-metric-data", "--namespace", ns,
                    "--metric-name", "Latency", "--dimensions", "Api=a", "--unit", "Milliseconds",
                    "--timestamp", minute.plusSeconds(5).toString(), "--value", "12.5");
            assertThat(put.exitCode()).as(put.stderr()).isZero();

            ExternalClients.Result stats = aws(external, cli, endpoint, "get-metric-statistics", "--namespace", ns,
                    "--metric-name", "Latency", "--dimensions", "Name=Api,Value=a", "--start-time",
                    minute.minusSeconds(60).toString(), "--end-time", minute.plusSeconds(60).toString(),
                    "--period", "60", "--statistics", "Sum", "SampleCount");
            assertThat(stats.exitCode()).as(stats.stderr()).isZero();
            JsonNode point = JSON.readTree(stats.stdout()).at("/Datapoints/0");
            assertThat(point.path("Sum").asDouble()).isEqualTo(12.5);
            assertThat(point.path("SampleCount").asDouble()).isEqualTo(1.0);
            assertThat(point.path("Unit").asText()).isEqualTo("Milliseconds");

            ExternalClients.Result alarm = aws(external, cli, endpoint, "put-metric-alarm", "--alarm-name",
                    "lab-cli-" + tag, "--namespace", ns, "--metric-name", "Latency", "--dimensions", "Name=Api,Value=a",
                    "--statistic", "Maximum", "--period", "60", "--evaluation-periods", "1", "--threshold", "10",
                    "--comparison-operator", "GreaterThanThreshold");
            assertThat(alarm.exitCode()).as(alarm.stderr()).isZero();
            aws(external, cli, endpoint, "put-metric-data", "--namespace", ns, "--metric-name", "Latency",
                    "--dimensions", "Api=a", "--value", "50");

            ExternalClients.Result described = aws(external, cli, endpoint, "describe-alarms", "--alarm-names",
                    "lab-cli-" + tag);
            assertThat(described.exitCode()).as(described.stderr()).isZero();
            JsonNode metricAlarm = JSON.readTree(described.stdout()).at("/MetricAlarms/0");
            assertThat(metricAlarm.path("StateValue").asText()).isEqualTo("ALARM");
            assertThat(metricAlarm.path("StateReason").asText()).contains("was greater than the threshold (10.0)");
            assertThat(metricAlarm.at("/Dimensions/0/Name").asText()).isEqualTo("Api");

            ExternalClients.Result bad = aws(external, cli, endpoint, "put-metric-data", "--namespace", "AWS/EC2",
                    "--metric-name", "x", "--value", "1");
            assertThat(bad.exitCode()).isNotZero();
            assertThat(bad.stderr()).contains("(InvalidParameterValue)")
                    .contains("The value AWS/EC2 for parameter Namespace is invalid.");

            ExternalClients.Result unknown = aws(external, cli, endpoint, "set-alarm-state", "--alarm-name", "nope",
                    "--state-value", "OK", "--state-reason", "r");
            assertThat(unknown.exitCode()).isNotZero();
            assertThat(unknown.stderr()).contains("(ResourceNotFound)");
        }
    }

    @Test
    void boto3PutsDataAndReadsItBackAsMetricData(@TempDir Path home) throws Exception {
        ExternalClients external = new ExternalClients(home);
        String missing = external.boto3Missing();
        assumeTrue(missing == null, () -> "boto3 check skipped: " + missing);
        Path script = home.resolve("cw.py");
        Files.writeString(script, String.join("\n",
                "import boto3, datetime, json, sys",
                "cw = boto3.client('cloudwatch', endpoint_url=sys.argv[1])",
                "now = datetime.datetime.now(datetime.timezone.utc).replace(second=0, microsecond=0)",
                "cw.put_metric_data(Namespace='Lab/Boto', MetricData=[{'MetricName': 'Hits', 'Value': 4.0,"
                        + " 'Timestamp': now}, {'MetricName': 'Hits', 'Values': [1.0, 2.0], 'Counts': [1, 3],"
                        + " 'Timestamp': now}])",
                "r = cw.get_metric_data(StartTime=now - datetime.timedelta(minutes=5),"
                        + " EndTime=now + datetime.timedelta(minutes=1), MetricDataQueries=[{'Id': 'hits',"
                        + " 'MetricStat': {'Metric': {'Namespace': 'Lab/Boto', 'MetricName': 'Hits'}, 'Period': 60,"
                        + " 'Stat': 'Sum'}}])",
                "res = r['MetricDataResults'][0]",
                "try:",
                "    cw.delete_alarms(AlarmNames=['x' * 300])",
                "    err = None",
                "except cw.exceptions.ClientError as e:",
                "    err = e.response['Error']['Code']",
                "print(json.dumps({'values': res['Values'], 'label': res['Label'], 'status': res['StatusCode'],"
                        + " 'sameMinute': res['Timestamps'][0] == now, 'error': err}))",
                ""));
        try (Emulator emulator = Emulator.builder().port(0).build().start()) {
            ExternalClients.Result result = external.run(List.of(ExternalClients.PYTHON, script.toString(),
                    emulator.getEndpoint().toString()));
            assertThat(result.exitCode()).as(result.stderr()).isZero();
            JsonNode out = JSON.readTree(result.stdout());
            assertThat(out.path("values").get(0).asDouble()).isEqualTo(11.0);
            assertThat(out.path("label").asText()).isEqualTo("Hits");
            assertThat(out.path("status").asText()).isEqualTo("Complete");
            assertThat(out.path("sameMinute").asBoolean()).isTrue();
            assertThat(out.path("error").asText()).isEqualTo("ValidationError");
        }
    }

    private static ExternalClients.Result aws(ExternalClients external, String cli, String endpoint, String... args)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(cli, "--endpoint-url", endpoint, "--output", "json",
                "cloudwatch"));
        command.addAll(List.of(args));
        return external.run(command);
    }
}
