package io.labrunner.emulator.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labrunner.emulator.Emulator;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** boto3 with {@code addressing_style: virtual}: buckets in the Host, SigV4 and SigV2, presigned URLs in both styles. */
class S3VirtualHostedByBoto3Test {
    @Test
    void boto3AddressesBucketsVirtualHostedStyle(@TempDir Path home) throws Exception {
        ExternalClients clients = new ExternalClients(home);
        String missing = clients.boto3Missing();
        assumeTrue(missing == null, missing);
        Path script = home.resolve("s3_virtual_hosted_by_boto3.py");
        try (InputStream in = getClass().getResourceAsStream("s3_virtual_hosted_by_boto3.py")) {
            Files.copy(in, script);
        }
        JsonNode seen;
        try (Emulator emulator = Emulator.builder().port(0).build().start()) {
            ExternalClients.Result ran = clients.run(List.of(ExternalClients.PYTHON, script.toString(),
                    String.valueOf(emulator.getEndpoint().getPort())));
            assertThat(ran.exitCode()).as(ran.stderr()).isZero();
            seen = new ObjectMapper().readTree(ran.stdout());
        }
        assertThat(seen.path("get").asText()).isEqualTo("a,b\n1,2\n");
        assertThat(seen.path("list").toString()).isEqualTo("[\"data/one.csv\"]");
        assertThat(seen.path("head_copy").asInt()).isEqualTo(8);
        assertThat(seen.path("encryption").asText()).isEqualTo("AES256");
        assertThat(seen.path("regional_get").asText()).isEqualTo("a,b\n1,2\n");
        assertThat(seen.path("s3_host_list").asInt()).isEqualTo(2);
        assertThat(seen.path("sigv2_get").asText()).isEqualTo("a,b\n1,2\n");
        assertThat(seen.path("sigv2_wrong_secret").asText()).isEqualTo("SignatureDoesNotMatch");
        assertThat(seen.path("presigned_virtual_host").asText()).isEqualTo("boto3-vhost.localhost");
        assertThat(seen.path("presigned_path_host").asText()).isEqualTo("localhost");
        for (String style : List.of("virtual", "path")) {
            assertThat(seen.path("presigned_" + style + "_get").toString()).isEqualTo("[200,\"a,b\\n1,2\\n\"]");
            assertThat(seen.path("presigned_" + style + "_put").asInt()).isEqualTo(200);
            assertThat(seen.path("presigned_" + style + "_tampered").asInt()).isEqualTo(403);
        }
        assertThat(seen.path("uploaded").toString()).isEqualTo("[\"up/path.txt\",\"up/virtual.txt\"]");
        assertThat(seen.path("after_delete").asBoolean()).isFalse();
    }
}
