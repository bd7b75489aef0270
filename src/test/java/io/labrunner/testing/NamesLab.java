package io.labrunner.testing;

import io.labrunner.core.Capability;
import io.labrunner.core.Check;
import io.labrunner.core.CheckResult;
import io.labrunner.core.Lab;
import io.labrunner.core.LabContext;
import io.labrunner.core.LabInfo;
import io.labrunner.core.Resource;
import io.labrunner.core.RunNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * A lab for the learner's loop: it declares names ({@code BUCKET}, {@code PREFIX}), its guide
 * (a test resource) uses them, and its first check fails with three tiers of hints until the answer
 * is written; the second always passes.
 */
public final class NamesLab implements Lab {
    public static final String ID = "names-lab";

    @Override
    public LabInfo info() {
        return new LabInfo(ID, "A lab with names", "For tests.", "1", "1.1", List.of("Amazon S3"), 1, "$0",
                Set.of(Capability.S3));
    }

    @Override
    public Map<String, String> names(RunNames run) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("BUCKET", run.name("data"));
        names.put("PREFIX", "in/");
        return names;
    }

    @Override
    public void setup(LabContext ctx) throws Exception {
        String bucket = ctx.name("data");
        ctx.step("create bucket " + bucket,
                () -> ctx.create(Resource.bucket(bucket), () -> ctx.s3().createBucket(b -> b.bucket(bucket))));
    }

    @Override
    public void solve(LabContext ctx) throws Exception {
        ctx.step("write the answer", () -> ctx.s3().putObject(
                b -> b.bucket(ctx.name("data")).key("in/answer.txt"), RequestBody.fromString("42")));
    }

    @Override
    public List<Check> checks() {
        return List.of(Check.of("the answer is 42", ctx -> {
            try {
                String answer = ctx.s3().getObjectAsBytes(b -> b.bucket(ctx.name("data")).key("in/answer.txt")).asUtf8String();
                return answer.strip().equals("42") ? CheckResult.pass("in/answer.txt says 42")
                        : CheckResult.fail("in/answer.txt says " + answer, "Read the question again.");
            } catch (NoSuchKeyException e) {
                return CheckResult.fail("no in/answer.txt", "tier one: look in the bucket",
                        "tier two: the check reads in/answer.txt", "tier three: echo 42 | aws s3 cp - s3://bucket/in/answer.txt");
            }
        }), Check.of("the bucket is there", ctx -> CheckResult.pass("it is")));
    }
}
