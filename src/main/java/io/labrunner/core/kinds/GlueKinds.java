package io.labrunner.core.kinds;

import io.labrunner.core.Arns;
import io.labrunner.core.AwsClients;
import io.labrunner.core.Capability;
import io.labrunner.core.NameFilter;
import io.labrunner.core.ResourceDeleter.Deletion;
import io.labrunner.core.ResourceKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.glue.model.CrawlerRunningException;
import software.amazon.awssdk.services.glue.model.CrawlerState;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;

/** Glue's kinds: Data Catalog databases and crawlers, tagged by ARN. */
public final class GlueKinds {
    /** A database by name (the runner's use underscores: {@code lab_<runid>_...}). */
    public static final ResourceKind DATABASE = new Database();
    /** A crawler by name; cleanup waits for a running one to stop. */
    public static final ResourceKind CRAWLER = new Crawler();

    private GlueKinds() {
    }

    private abstract static class GlueKind extends Kind {
        private final String arnType;

        GlueKind(String id, String label, Capability capability, String arnType) {
            super(id, label, capability);
            this.arnType = arnType;
        }

        @Override
        public void tag(AwsClients clients, Arns arns, String id, Map<String, String> tags) {
            clients.glue().tagResource(r -> r.resourceArn(arns.of("glue", arnType + "/" + id)).tagsToAdd(tags));
        }

        @Override
        public boolean isNotFound(AwsServiceException e) {
            return e instanceof EntityNotFoundException || code(e).equals("EntityNotFoundException");
        }

        @Override
        public boolean isTransient(AwsServiceException e) {
            return e instanceof CrawlerRunningException;
        }

        @Override
        public Optional<String> fromArn(Arn arn) {
            return last(arn, "glue", arnType);
        }
    }

    private static final class Database extends GlueKind {
        Database() {
            super("GLUE_DATABASE", "Glue database", Capability.GLUE_CATALOG, "database");
        }

        @Override
        public List<Listed> list(AwsClients clients, NameFilter names) {
            return clients.glue().getDatabasesPaginator(r -> { }).stream()
                    .flatMap(page -> page.databaseList().stream())
                    .filter(d -> names.matches(d.name()))
                    .map(d -> Listed.named(this, d.name(), d.createTime())).toList();
        }

        @Override
        public Deletion delete(AwsClients clients, String database) {
            try {
                clients.glue().deleteDatabase(r -> r.name(database));
                return Deletion.DELETED;
            } catch (EntityNotFoundException e) {
                return Deletion.ALREADY_GONE;
            }
        }
    }

    private static final class Crawler extends GlueKind {
        Crawler() {
            super("GLUE_CRAWLER", "Glue crawler", Capability.GLUE_CRAWLER, "crawler");
        }

        @Override
        public List<Listed> list(AwsClients clients, NameFilter names) {
            return clients.glue().getCrawlersPaginator(r -> { }).stream()
                    .flatMap(page -> page.crawlers().stream())
                    .filter(c -> names.matches(c.name()))
                    .map(c -> Listed.named(this, c.name(), c.creationTime())).toList();
        }

        @Override
        public Deletion delete(AwsClients clients, String crawler) throws InterruptedException {
            var glue = clients.glue();
            try {
                for (int i = 0; i < 600; i++) {
                    CrawlerState state = glue.getCrawler(r -> r.name(crawler)).crawler().state();
                    if (state == CrawlerState.READY) {
                        break;
                    }
                    if (state == CrawlerState.RUNNING) {
                        try {
                            glue.stopCrawler(r -> r.name(crawler));
                        } catch (AwsServiceException ignored) {
                            // It may have finished between the two calls; the next poll tells.
                        }
                    }
                    Thread.sleep(500);
                }
                glue.deleteCrawler(r -> r.name(crawler));
                return Deletion.DELETED;
            } catch (EntityNotFoundException e) {
                return Deletion.ALREADY_GONE;
            }
        }
    }
}
