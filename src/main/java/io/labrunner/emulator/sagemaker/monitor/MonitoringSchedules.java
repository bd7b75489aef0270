package io.labrunner.emulator.sagemaker.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labrunner.emulator.AwsException;
import io.labrunner.emulator.AwsRequest;
import io.labrunner.emulator.DaemonThreads;
import io.labrunner.emulator.protocol.JsonProtocolService;
import io.labrunner.emulator.sagemaker.OperationGroup;
import io.labrunner.emulator.sagemaker.ResourceTags;
import io.labrunner.emulator.sagemaker.SageMakerErrors;
import io.labrunner.emulator.sagemaker.TagOperations;
import io.labrunner.emulator.sagemaker.hosting.CaptureDestinations;
import io.labrunner.emulator.sagemaker.transform.Listing;
import io.labrunner.emulator.state.StateMap;
import io.labrunner.emulator.state.StateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Monitoring schedules (Create, Describe, List, Update, Stop, Start, Delete) and ListMonitoringExecutions.
 * A schedule with {@code NOW} runs one execution at once; a cron schedule runs one at each scheduled hour its
 * clock reaches (checked every {@code tick}), analyzing the hour before it or its DataAnalysis offsets. Each
 * execution is a processing job of the built-in analyzer over the endpoint's captured data. Schedules and
 * executions are kept across restarts.
 */
public final class MonitoringSchedules implements OperationGroup {
    private static final Logger LOG = LoggerFactory.getLogger(MonitoringSchedules.class);
    /** How often cron schedules are checked for a due execution. */
    public static final Duration DEFAULT_TICK = Duration.ofSeconds(5);
    private static final DateTimeFormatter JOB_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmm")
            .withZone(ZoneOffset.UTC);

    private final ProcessingJobs jobs;
    private final DataQualityJobDefinitions definitions;
    private final CaptureDestinations destinations;
    private final ResourceTags tags;
    private final Clock clock;
    private final StateMap<MonitoringSchedule> schedules;
    private final StateMap<MonitoringExecution> executions;
    private final ScheduledExecutorService ticker;

    public MonitoringSchedules(ProcessingJobs jobs, DataQualityJobDefinitions definitions,
            CaptureDestinations destinations, ResourceTags tags, StateStore state, Clock clock, Duration tick) {
        this.jobs = jobs;
        this.definitions = definitions;
        this.destinations = destinations;
        this.tags = tags;
        this.clock = clock;
        this.schedules = state.map("sagemaker.monitoring-schedules", MonitoringSchedule.class);
        this.executions = state.map("sagemaker.monitoring-executions", MonitoringExecution.class);
        this.ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("sagemaker-monitoring-schedules"));
        ticker.scheduleWithFixedDelay(this::safeRunDue, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void register(JsonProtocolService.Builder service) {
        service
                .handler("CreateMonitoringSchedule", this::create)
                .handler("DescribeMonitoringSchedule", this::describe)
                .handler("ListMonitoringSchedules", this::list)
                .handler("UpdateMonitoringSchedule", this::update)
                .handler("StopMonitoringSchedule", (input, request) -> setStatus(input, request,
                        MonitoringSchedule.STOPPED))
                .handler("StartMonitoringSchedule", (input, request) -> setStatus(input, request,
                        MonitoringSchedule.SCHEDULED))
                .handler("DeleteMonitoringSchedule", this::delete)
                .handler("ListMonitoringExecutions", this::listExecutions);
    }

    private synchronized Object create(ObjectNode input, AwsRequest request) {
        String region = request.regionOrDefault();
        String name = input.path("MonitoringScheduleName").asText();
        String key = MonitorArns.key(region, name);
        String arn = MonitorArns.schedule(region, name);
        if (schedules.get(key).isPresent()) {
            throw SageMakerErrors.resourceInUse("Monitoring Schedule " + arn + " already exists.");
        }
        ObjectNode config = (ObjectNode) input.path("MonitoringScheduleConfig").deepCopy();
        MonitoringJob job = resolve(region, config);
        Instant now = clock.instant();
        MonitoringSchedule schedule = new MonitoringSchedule(region, name, arn, config, job.endpointName(),
                MonitoringSchedule.SCHEDULED, now, now, now);
        schedules.put(key, schedule);
        if (input.has("Tags")) {
            tags.put(arn, TagOperations.tagsOf(input.get("Tags")));
        }
        if (schedule.expression().now()) {
            execute(key, schedule, now);
        }
        return Map.of("MonitoringScheduleArn", arn);
    }

    /** Checks a config as SageMaker does and returns the job it runs. */
    private MonitoringJob resolve(String region, ObjectNode config) {
        JsonNode scheduleConfig = config.path("ScheduleConfig");
        if (scheduleConfig.isMissingNode()) {
            throw SageMakerErrors.validation("ScheduleConfig is required.");
        }
        ScheduleExpression.parse(scheduleConfig.path("ScheduleExpression").asText(null),
                scheduleConfig.path("DataAnalysisStartTime").asText(null),
                scheduleConfig.path("DataAnalysisEndTime").asText(null));
        MonitoringJob job = job(region, config);
        job.validate();
        return job;
    }

    private MonitoringJob job(String region, JsonNode config) {
        boolean inline = config.has("MonitoringJobDefinition");
        String definitionName = config.path("MonitoringJobDefinitionName").asText(null);
        if (inline == (definitionName != null)) {
            throw SageMakerErrors.validation("Exactly one of MonitoringJobDefinition and MonitoringJobDefinitionName "
                    + "must be provided.");
        }
        if (inline) {
            return MonitoringJob.inline(config.get("MonitoringJobDefinition"));
        }
        String type = config.path("MonitoringType").asText(null);
        if (type == null) {
            throw SageMakerErrors.validation("MonitoringType is required when MonitoringJobDefinitionName is "
                    + "provided.");
        }
        if (!type.equals("DataQuality")) {
            throw SageMakerErrors.validation("The embedded emulator monitors data quality only: MonitoringType "
                    + type + " is not supported.");
        }
        return definitions.find(region, definitionName).orElseThrow(
                () -> DataQualityJobDefinitions.notFound(region, definitionName)).job();
    }

    /** Runs the cron schedules whose next hour has come; the background ticker calls this. */
    void runDue() {
        Instant now = clock.instant();
        for (Map.Entry<String, MonitoringSchedule> entry : schedules.entries().entrySet()) {
            MonitoringSchedule schedule = entry.getValue();
            if (!schedule.status().equals(MonitoringSchedule.SCHEDULED)) {
                continue;
            }
            ScheduleExpression expression = schedule.expression();
            if (expression.now()) {
                continue;
            }
            Instant next = expression.nextAfter(schedule.lastScheduled());
            if (next.isAfter(now)) {
                continue;
            }
            // Hours missed while the emulator was down are not made up: only the latest due one runs, as one run.
            Instant latest = next;
            for (Instant later = expression.nextAfter(next); !later.isAfter(now); later = expression.nextAfter(later)) {
                latest = later;
            }
            synchronized (this) {
                execute(entry.getKey(), schedule, latest);
            }
        }
    }

    private void safeRunDue() {
        try {
            runDue();
        } catch (RuntimeException e) {
            LOG.warn("Monitoring schedules could not run", e);
        }
    }

    private void execute(String key, MonitoringSchedule schedule, Instant scheduled) {
        schedules.put(key, schedule.ran(scheduled));
        Instant now = clock.instant();
        MonitoringJob job = job(schedule.region(), schedule.config());
        String endpoint = job.endpointName();
        Optional<String> destination = destinations.captureDestination(schedule.region(), endpoint);
        String jobName = "model-monitoring-" + JOB_TIME.format(scheduled) + "-"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        String jobArn = null;
        String failure = null;
        if (destination.isEmpty()) {
            jobName = null;
            failure = "Endpoint " + endpoint + " has no data capture: no captured data to analyze (enable "
                    + "DataCaptureConfig on its endpoint config).";
        } else {
            ObjectNode request = job.processingRequest(destination.get(), schedule.name(), scheduled,
                    schedule.expression().window(scheduled));
            jobArn = jobs.start(schedule.region(), jobName, request, schedule.arn());
        }
        executions.put(executionKey(schedule.region(), schedule.name(), scheduled, jobName),
                new MonitoringExecution(schedule.region(), schedule.name(), endpoint, schedule.definitionName(),
                        schedule.monitoringType(), scheduled, now, jobName, jobArn, failure));
    }

    private static String executionKey(String region, String schedule, Instant scheduled, String jobName) {
        return MonitorArns.key(region, schedule) + "/" + String.format("%020d", scheduled.toEpochMilli()) + "/"
                + (jobName == null ? "" : jobName);
    }

    private Object describe(ObjectNode input, AwsRequest request) {
        String region = request.regionOrDefault();
        MonitoringSchedule schedule = require(region, input.path("MonitoringScheduleName").asText());
        Map<String, Object> out = new LinkedHashMap<>(schedule.summary());
        out.put("MonitoringScheduleConfig", schedule.config());
        latest(schedule).ifPresent(e -> out.put("LastMonitoringExecutionSummary", summary(e)));
        return out;
    }

    private Optional<MonitoringExecution> latest(MonitoringSchedule schedule) {
        return executions.entriesWithPrefix(MonitorArns.key(schedule.region(), schedule.name()) + "/").values()
                .stream().max(Comparator.comparing(MonitoringExecution::scheduled)
                        .thenComparing(MonitoringExecution::created));
    }

    private Map<String, Object> summary(MonitoringExecution execution) {
        ProcessingJob job = execution.processingJobName() == null ? null
                : jobs.find(execution.region(), execution.processingJobName()).orElse(null);
        return execution.summary(job);
    }

    private Object list(ObjectNode input, AwsRequest request) {
        String region = request.regionOrDefault();
        Comparator<MonitoringSchedule> order = switch (input.path("SortBy").asText("CreationTime")) {
            case "Name" -> Comparator.comparing(MonitoringSchedule::name);
            case "Status" -> Comparator.comparing(MonitoringSchedule::status)
                    .thenComparing(MonitoringSchedule::created);
            default -> Comparator.comparing(MonitoringSchedule::created).thenComparing(MonitoringSchedule::name);
        };
        String endpoint = input.path("EndpointName").asText(null);
        String status = input.path("StatusEquals").asText(null);
        String definition = input.path("MonitoringJobDefinitionName").asText(null);
        String type = input.path("MonitoringTypeEquals").asText(null);
        List<MonitoringSchedule> matching = schedules.entriesWithPrefix(region + "/").values().stream()
                .filter(s -> Listing.nameMatches(input, s.name()))
                .filter(s -> endpoint == null || endpoint.equals(s.endpointName()))
                .filter(s -> status == null || status.equals(s.status()))
                .filter(s -> definition == null || definition.equals(s.definitionName()))
                .filter(s -> type == null || type.equals(s.monitoringType()))
                .filter(s -> Listing.within(input, "CreationTimeAfter", "CreationTimeBefore", s.created()))
                .filter(s -> Listing.within(input, "LastModifiedTimeAfter", "LastModifiedTimeBefore",
                        s.lastModified()))
                .sorted(Listing.ordered(input, order))
                .toList();
        return Listing.page(input, matching, "MonitoringScheduleSummaries", MonitoringSchedule::summary);
    }

    private synchronized Object update(ObjectNode input, AwsRequest request) {
        String region = request.regionOrDefault();
        MonitoringSchedule schedule = require(region, input.path("MonitoringScheduleName").asText());
        ObjectNode config = (ObjectNode) input.path("MonitoringScheduleConfig").deepCopy();
        MonitoringJob job = resolve(region, config);
        MonitoringSchedule updated = schedule.reconfigured(config, job.endpointName(), clock.instant());
        String key = MonitorArns.key(region, schedule.name());
        schedules.put(key, updated);
        if (updated.expression().now()) {
            execute(key, updated, clock.instant());
        }
        return Map.of("MonitoringScheduleArn", schedule.arn());
    }

    private synchronized Object setStatus(ObjectNode input, AwsRequest request, String status) {
        String region = request.regionOrDefault();
        MonitoringSchedule schedule = require(region, input.path("MonitoringScheduleName").asText());
        if (!schedule.status().equals(status)) {
            MonitoringSchedule changed = schedule.with(status, clock.instant());
            // A restarted schedule runs from now on; the hours it was stopped for are not made up.
            schedules.put(MonitorArns.key(region, schedule.name()), status.equals(MonitoringSchedule.SCHEDULED)
                    ? changed.ran(clock.instant()) : changed);
        }
        return null;
    }

    private synchronized Object delete(ObjectNode input, AwsRequest request) {
        String region = request.regionOrDefault();
        MonitoringSchedule schedule = require(region, input.path("MonitoringScheduleName").asText());
        String key = MonitorArns.key(region, schedule.name());
        schedules.remove(key);
        executions.entriesWithPrefix(key + "/").keySet().forEach(executions::remove);
        tags.forget(schedule.arn());
        return null;
    }

    private Object listExecutions(ObjectNode input, AwsRequest request) {
        String region = request.regionOrDefault();
        String scheduleName = input.path("MonitoringScheduleName").asText(null);
        String prefix = scheduleName == null ? region + "/" : MonitorArns.key(region, scheduleName) + "/";
        String endpoint = input.path("EndpointName").asText(null);
        String status = input.path("StatusEquals").asText(null);
        String definition = input.path("MonitoringJobDefinitionName").asText(null);
        String type = input.path("MonitoringTypeEquals").asText(null);
        Comparator<Map<String, Object>> order = switch (input.path("SortBy").asText("ScheduledTime")) {
            case "CreationTime" -> Comparator.comparing(s -> (Instant) s.get("CreationTime"));
            case "Status" -> Comparator.comparing(s -> (String) s.get("MonitoringExecutionStatus"));
            default -> Comparator.comparing(s -> (Instant) s.get("ScheduledTime"));
        };
        List<Map<String, Object>> matching = executions.entriesWithPrefix(prefix).values().stream()
                .filter(e -> scheduleName == null || e.scheduleName().equalsIgnoreCase(scheduleName))
                .filter(e -> endpoint == null || endpoint.equals(e.endpointName()))
                .filter(e -> definition == null || definition.equals(e.definitionName()))
                .filter(e -> type == null || type.equals(e.monitoringType()))
                .filter(e -> Listing.within(input, "ScheduledTimeAfter", "ScheduledTimeBefore", e.scheduled()))
                .filter(e -> Listing.within(input, "CreationTimeAfter", "CreationTimeBefore", e.created()))
                .map(this::summary)
                .filter(s -> status == null || status.equals(s.get("MonitoringExecutionStatus")))
                .sorted(Listing.ordered(input, order))
                .toList();
        return Listing.page(input, matching, "MonitoringExecutionSummaries", s -> s);
    }

    private MonitoringSchedule require(String region, String name) {
        return schedules.get(MonitorArns.key(region, name)).orElseThrow(() -> notFound(region, name));
    }

    /** The model declares ResourceNotFound for an unknown schedule. */
    private static AwsException notFound(String region, String name) {
        return new AwsException("ResourceNotFound", "Monitoring Schedule " + MonitorArns.schedule(region, name)
                + " does not exist.", 400);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
