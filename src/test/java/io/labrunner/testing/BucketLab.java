package io.labrunner.testing;

import io.labrunner.core.Capability;
import io.labrunner.core.Check;
import io.labrunner.core.CheckResult;
import io.labrunner.core.Lab;
import io.labrunner.core.LabContext;
import io.labrunner.core.LabInfo;
import io.labrunner.core.Resource;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * A small lab for runner tests: setup creates a bucket, solve writes an answer into it, the
 * check reads the answer. Switches make it misbehave in the ways the runner must survive.
 */
public final class BucketLab implements Lab {
    private final boolean setupFails;
    private final boolean checkAlwaysPasses;

    public BucketLab(boolean setupFails, boolean checkAlwaysPasses) {
        this.setupFails = setupFails;
        this.checkAlwaysPasses = checkAlwaysPasses;
    }

    public static BucketLab good() {
        return new BucketLab(false, false);
    }

    @Override
    public LabInfo info() {
        return new LabInfo("bucket-lab", "A bucket and an answer", "For tests.", "1", "1.1",
                List.of("Amazon S3"), 1, "$0", Set.of(Capability.S3));
    }

    @Override
    public void setup(LabContext ctx) throws Exception {
        String bucket = ctx.name("data");
        ctx.step("create bucket " + bucket,
                () -> ctx.create(Resource.bucket(bucket), () -> ctx.s3().createBucket(b -> b.bucket(bucket))));
        if (setupFails) {
            throw new IllegalStateException("setup broke on purpose");
        }
    }

    @Override
    public void solve(LabContext ctx) throws Exception {
        ctx.step("write the answer", () -> ctx.s3().putObject(
                b -> b.bucket(ctx.name("data")).key("answer.txt"), RequestBody.fromString("42")));
    }

    @Override
    public List<Check> checks() {
        return List.of(Check.of("the answer is 42", ctx -> {
            if (checkAlwaysPasses) {
                return CheckResult.pass("always");
            }
            try {
                String answer = ctx.s3().getObjectAsBytes(b -> b.bucket(ctx.name("data")).key("answer.txt")).asUtf8String();
                return answer.equals("42") ? CheckResult.pass("answer.txt says 42")
                        : CheckResult.fail("answer.txt says " + answer, "Write 42.");
            } catch (NoSuchKeyException e) {
                return CheckResult.fail("no answer.txt", "Put answer.txt into the bucket.");
            }
        }));
    }
}
