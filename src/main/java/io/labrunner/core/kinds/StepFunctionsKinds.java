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
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sfn.model.Tag;

/** Step Functions' kinds. */
public final class StepFunctionsKinds {
    /**
     * A Step Functions state machine, by name (its ARN needs the account, which the ledger may not know yet). Cleanup
     * stops its running executions first, so that none goes on starting jobs, then deletes it.
     */
    public static final ResourceKind STATE_MACHINE = new StateMachine();

    private StepFunctionsKinds() {
    }

    private static final class StateMachine extends Kind {
        StateMachine() {
            super("STEPFUNCTIONS_STATE_MACHINE", "Step Functions state machine", Capability.STEP_FUNCTIONS);
        }

        @Override
        public List<Listed> list(AwsClients clients, NameFilter names) {
            return clients.sfn().listStateMachinesPaginator(r -> { }).stateMachines().stream()
                    .filter(m -> names.matches(m.name()))
                    .map(m -> Listed.named(this, m.name(), m.creationDate())).toList();
        }

        @Override
        public void tag(AwsClients clients, Arns arns, String id, Map<String, String> tags) {
            find(clients.sfn(), id).ifPresent(arn ->
                    clients.sfn().tagResource(r -> r.resourceArn(arn).tags(tags.entrySet().stream()
                            .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())));
        }

        /**
         * Stops the state machine's running executions (which stops the jobs their .sync tasks wait for), then deletes
         * it. AWS would let running executions go on for a while after DeleteStateMachine; stopping them first means
         * nothing starts a job in a bucket cleanup is about to empty.
         */
        @Override
        public Deletion delete(AwsClients clients, String nameOrArn) {
            var sfn = clients.sfn();
            Optional<String> arn = find(sfn, nameOrArn);
            if (arn.isEmpty()) {
                return Deletion.ALREADY_GONE;
            }
            sfn.listExecutionsPaginator(r -> r.stateMachineArn(arn.get()).statusFilter(ExecutionStatus.RUNNING))
                    .executions().forEach(execution -> {
                        try {
                            sfn.stopExecution(r -> r.executionArn(execution.executionArn()).error("LabCleanup")
                                    .cause("The lab run that made this state machine is being cleaned up."));
                        } catch (ExecutionDoesNotExistException endedMeanwhile) {
                            // Gone between the listing and the stop: nothing runs.
                        }
                    });
            sfn.deleteStateMachine(r -> r.stateMachineArn(arn.get()));
            return Deletion.DELETED;
        }

        @Override
        public boolean isNotFound(AwsServiceException e) {
            return code(e).equals("StateMachineDoesNotExist");
        }

        /** {@code arn:aws:states:<region>:<account>:stateMachine:<name>}; an execution's ARN names its machine too. */
        @Override
        public Optional<String> fromArn(Arn arn) {
            boolean machine = arn.resource().resourceType().filter(t -> t.equals("stateMachine") || t.equals("execution"))
                    .isPresent();
            return arn.service().equals("states") && machine && !arn.resource().resource().isEmpty()
                    ? Optional.of(arn.resource().resource()) : Optional.empty();
        }
    }

    /** The ARN of the state machine with this name (or ARN), found by listing: a name alone cannot be described. */
    static Optional<String> find(SfnClient sfn, String nameOrArn) {
        return sfn.listStateMachinesPaginator(r -> { }).stateMachines().stream()
                .filter(m -> m.name().equals(nameOrArn) || m.stateMachineArn().equals(nameOrArn))
                .map(StateMachineListItem::stateMachineArn)
                .findFirst();
    }
}
