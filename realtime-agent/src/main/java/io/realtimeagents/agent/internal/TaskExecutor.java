package io.realtimeagents.agent.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one executor of an agent's tasks, shared by the HTTP task endpoints and WebSocket {@code agent_request}: a task
 * never runs on a network (Netty event loop) thread, which also serves the live clients. {@code TASK_WORKERS} threads
 * run tasks, {@code TASK_QUEUE_CAPACITY} more may wait; beyond that {@link #execute} refuses at once with a
 * {@link RejectedExecutionException} saying why, so the caller answers "busy" instead of queueing without bound.
 */
public final class TaskExecutor implements Executor, AutoCloseable {
    private final int workers;
    private final int queueCapacity;
    private final ThreadPoolExecutor pool;
    private final Counter rejected;

    TaskExecutor(int workers, int queueCapacity, MeterRegistry registry) {
        this.workers = workers;
        this.queueCapacity = queueCapacity;
        BlockingQueue<Runnable> queue =
                queueCapacity == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queueCapacity);
        this.pool = new ThreadPoolExecutor(
                workers, workers, 60, TimeUnit.SECONDS, queue, threads(), new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        this.rejected = Counter.builder("realtime.tasks.rejected")
                .description("Tasks refused because every worker was busy and the queue was full")
                .register(registry);
        Gauge.builder("realtime.tasks.running", pool, ThreadPoolExecutor::getActiveCount)
                .description("Tasks running")
                .register(registry);
        Gauge.builder("realtime.tasks.queued", pool, p -> p.getQueue().size())
                .description("Tasks waiting for a worker")
                .register(registry);
    }

    /** The executor configured by {@code TASK_WORKERS} and {@code TASK_QUEUE_CAPACITY}. */
    static TaskExecutor from(AgentConfig config, MeterRegistry registry) {
        return new TaskExecutor(
                config.get(AgentSettings.TASK_WORKERS), config.get(AgentSettings.TASK_QUEUE_CAPACITY), registry);
    }

    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "realtime-task-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Runs the task on a worker, or queues it.
     *
     * @throws RejectedExecutionException when every worker is busy and the queue is full, or the agent is stopping;
     *     its message says which
     */
    @Override
    public void execute(Runnable task) {
        if (pool.isShutdown()) {
            throw new RejectedExecutionException("the agent is shutting down: retry on another replica");
        }
        try {
            pool.execute(task);
        } catch (RejectedExecutionException e) {
            rejected.increment();
            throw new RejectedExecutionException(busyReason(), e);
        }
    }

    private String busyReason() {
        return "the agent is busy: all " + workers + " task workers (TASK_WORKERS) are running tasks and "
                + (queueCapacity == 0
                        ? "no task may wait (TASK_QUEUE_CAPACITY=0)"
                        : "the queue of " + queueCapacity + " waiting tasks (TASK_QUEUE_CAPACITY) is full")
                + ": retry later";
    }

    /** For {@code /realtime/status}: workers, running, queued and queue capacity. */
    Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("workers", workers);
        status.put("running", pool.getActiveCount());
        status.put("queued", pool.getQueue().size());
        status.put("queue_capacity", queueCapacity);
        status.put("rejected", (long) rejected.count());
        return status;
    }

    /** Stops taking tasks; those running or queued finish on their threads. */
    @Override
    public void close() {
        pool.shutdown();
    }
}
