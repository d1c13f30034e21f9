package io.realtimeagents.agent.internal.mqtt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed number of lanes, each a virtual thread working through its queue in order. A key (an MQTT topic, or a
 * bridge key) always maps to the same lane, so its messages stay in order while other keys run in parallel. A lane
 * hands its worker everything queued at once (up to {@value #MAX_BATCH}), in order, so bridges can pipeline produces.
 *
 * @param <T> the queued items
 */
final class MqttLanes<T> {
    private static final Logger LOG = LoggerFactory.getLogger(MqttLanes.class);
    private static final int MAX_BATCH = 500;

    private final Lane[] lanes;
    private final Consumer<List<T>> worker;
    private volatile boolean stopping;

    @SuppressWarnings("unchecked")
    MqttLanes(int count, Consumer<List<T>> worker) {
        this.worker = worker;
        this.lanes = new MqttLanes.Lane[count];
        for (int i = 0; i < count; i++) {
            lanes[i] = new Lane();
            Thread.ofVirtual().name("realtime-mqtt-lane-" + i).start(lanes[i]::run);
        }
    }

    /** Queues an item on the key's lane. */
    void submit(String key, T item) {
        lanes[Math.floorMod(key.hashCode(), lanes.length)].queue.add(new Item<>(item));
    }

    /** Items queued, not yet taken by their lane. */
    int backlog() {
        int total = 0;
        for (Lane lane : lanes) {
            total += lane.queue.size();
        }
        return total;
    }

    /**
     * Lets each lane finish the work in progress (the worker stops starting new messages), drops what is queued
     * (those messages stay unacknowledged, so the broker redelivers them), and waits for the lanes to end.
     *
     * @return true when every lane ended in time
     */
    boolean stop(Duration timeout) throws InterruptedException {
        stopping = true;
        for (Lane lane : lanes) {
            lane.queue.add(new Item<>(null));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Lane lane : lanes) {
            if (!lane.finished.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        return true;
    }

    /** A queued item; a null value stops the lane. */
    private record Item<T>(T value) {}

    private final class Lane {
        private final LinkedBlockingQueue<Item<T>> queue = new LinkedBlockingQueue<>();
        private final CountDownLatch finished = new CountDownLatch(1);

        void run() {
            List<Item<T>> taken = new ArrayList<>();
            try {
                while (true) {
                    taken.add(queue.take());
                    queue.drainTo(taken, MAX_BATCH - 1);
                    List<T> batch = new ArrayList<>(taken.size());
                    boolean stop = false;
                    for (Item<T> item : taken) {
                        if (item.value() == null) {
                            stop = true;
                            break;
                        }
                        batch.add(item.value());
                    }
                    taken.clear();
                    if (!stopping && !batch.isEmpty()) {
                        work(batch);
                    }
                    if (stop) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                finished.countDown();
            }
        }

        private void work(List<T> batch) {
            try {
                worker.accept(batch);
            } catch (Throwable e) {
                // The worker dead-letters its own failures: this is the last resort, and the lane goes on.
                LOG.error("Unexpected error on an MQTT lane; its messages stay unacknowledged until reconnect", e);
            }
        }
    }
}
