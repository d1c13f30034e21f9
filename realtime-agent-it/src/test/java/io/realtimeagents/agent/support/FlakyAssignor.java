package io.realtimeagents.agent.support;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.common.Cluster;

/**
 * A partition assignor (a consumer plug-in, set with {@code partition.assignment.strategy}) that fails its first
 * {@link #failNext} assignments and then assigns like Kafka's range assignor: the group leader's consumer fails in
 * {@code poll}, as it would with a faulty plug-in of a user's.
 */
public final class FlakyAssignor implements ConsumerPartitionAssignor {
    /** How many of the next assignments fail. */
    public static final AtomicInteger failNext = new AtomicInteger();

    private final RangeAssignor delegate = new RangeAssignor();

    @Override
    public GroupAssignment assign(Cluster metadata, GroupSubscription groupSubscription) {
        if (failNext.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new IllegalStateException("the flaky assignor fails on purpose");
        }
        return delegate.assign(metadata, groupSubscription);
    }

    @Override
    public void onAssignment(Assignment assignment, ConsumerGroupMetadata metadata) {
        delegate.onAssignment(assignment, metadata);
    }

    @Override
    public String name() {
        return "flaky";
    }
}
