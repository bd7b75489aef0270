package io.labrunner.emulator;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes the connection of a request whose body has not arrived within a deadline.
 *
 * <p>Jetty 12 treats an idle timeout as a transient failure that a reader may ignore, and its
 * {@code EagerContentHandler} (which reads bodies before dispatch without holding a thread) waits on:
 * a client that declares a Content-Length and then sends nothing would keep its connection for good.
 * This handler starts a timer when a request arrives and stops it at {@link BodyReceived}, placed after
 * the eager read; if the timer fires first, the connection is closed. A slow service (a Bedrock model
 * that takes a while) is never cut off, since its body had arrived.
 */
final class BodyDeadline extends Handler.Wrapper {
    private static final String TIMER = BodyDeadline.class.getName() + ".timer";
    private final Duration deadline;

    BodyDeadline(Handler handler, Duration deadline) {
        super(handler);
        this.deadline = deadline;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Scheduler.Task timer = request.getComponents().getScheduler().schedule(
                () -> request.getConnectionMetaData().getConnection().getEndPoint().close(),
                deadline.toMillis(), TimeUnit.MILLISECONDS);
        request.setAttribute(TIMER, timer);
        return super.handle(request, response, callback);
    }

    /** Placed after the eager body read: from here on the body has arrived (or streams, for large S3 uploads). */
    static final class BodyReceived extends Handler.Wrapper {
        BodyReceived(Handler handler) {
            super(handler);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            if (request.getAttribute(TIMER) instanceof Scheduler.Task timer) {
                timer.cancel();
            }
            return super.handle(request, response, callback);
        }
    }
}
