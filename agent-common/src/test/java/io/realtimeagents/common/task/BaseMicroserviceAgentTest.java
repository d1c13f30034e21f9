package io.realtimeagents.common.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.realtimeagents.common.InvalidTaskInputException;
import io.realtimeagents.common.UnknownTaskTypeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BaseMicroserviceAgentTest {

    /** An agent whose processor is the given one, counting how often it is created. */
    static class Analyst extends BaseMicroserviceAgent {
        final AtomicInteger created = new AtomicInteger();
        private final TaskProcessor processor;

        Analyst(TaskProcessor processor) {
            this.processor = processor;
        }

        @Override
        protected Set<String> supportedTaskTypes() {
            return Set.of("analyze", "summarize");
        }

        @Override
        protected TaskProcessor createProcessor() {
            created.incrementAndGet();
            return processor;
        }
    }

    @Test
    void processTask_supportedType_completesWithResultAndTiming() {
        Analyst agent = new Analyst(request -> {
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(15);
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            return Map.of("echo", request.parameters().get("patient_id"));
        });
        TaskRequest request = new TaskRequest("t-1", "analyze", "how is p1?", Map.of("patient_id", "p1"), "c-1");
        Instant before = Instant.now();

        TaskResult result = agent.processTask(request);

        assertThat(result.isCompleted()).isTrue();
        assertThat(result.status()).isEqualTo("completed").isEqualTo(TaskResult.COMPLETED);
        assertThat(result.result()).isEqualTo(Map.of("echo", "p1"));
        assertThat(result.error()).isNull();
        assertThat(result.taskId()).isEqualTo("t-1");
        assertThat(result.taskType()).isEqualTo("analyze");
        assertThat(result.correlationId()).isEqualTo("c-1");
        assertThat(result.processingTimeMs()).isBetween(15L, 5_000L);
        assertThat(result.timestamp()).isBetween(before, Instant.now());
    }

    @Test
    void processTask_unknownType_throwsListingSupportedTypes() {
        Analyst agent = new Analyst(request -> "never");

        assertThatThrownBy(() -> agent.processTask(TaskRequest.of("translate", null)))
                .isInstanceOf(UnknownTaskTypeException.class)
                .hasMessage("Unknown task type 'translate': this agent supports [analyze, summarize]")
                .extracting(e -> ((UnknownTaskTypeException) e).taskType())
                .isEqualTo("translate");
        assertThat(agent.created).hasValue(0);
    }

    @Test
    void processTask_noTaskType_throwsNamingNull() {
        Analyst agent = new Analyst(request -> "never");

        assertThatThrownBy(() -> agent.processTask(TaskRequest.of(null, Map.of())))
                .isInstanceOf(UnknownTaskTypeException.class)
                .hasMessageStartingWith("Unknown task type 'null'");
    }

    @Test
    void processTask_agentWithoutTaskTypes_saysItSupportsNone() {
        BaseMicroserviceAgent agent = new BaseMicroserviceAgent() {};

        assertThat(agent.taskTypes()).isEmpty();
        assertThatThrownBy(() -> agent.processTask(TaskRequest.of("analyze", Map.of())))
                .isInstanceOf(UnknownTaskTypeException.class)
                .hasMessage("Unknown task type 'analyze': this agent supports no task types");
    }

    @Test
    void processTask_processorThrows_isFailedWithTheMessage() {
        Analyst agent = new Analyst(request -> {
            throw new IllegalStateException("model unavailable");
        });

        TaskResult result = agent.processTask(new TaskRequest("t-2", "summarize", null, null, "c-2"));

        assertThat(result.isCompleted()).isFalse();
        assertThat(result.status()).isEqualTo("failed").isEqualTo(TaskResult.FAILED);
        assertThat(result.error()).isEqualTo("model unavailable");
        assertThat(result.errorType()).isEqualTo("java.lang.IllegalStateException");
        assertThat(result.result()).isNull();
        assertThat(result.taskId()).isEqualTo("t-2");
        assertThat(result.correlationId()).isEqualTo("c-2");
        assertThat(result.processingTimeMs()).isNotNegative();
    }

    @Test
    void processTask_processorRejectsItsInput_throwsTheInvalidTaskInputException() {
        Analyst agent = new Analyst(request -> {
            throw new InvalidTaskInputException("parameters.patient_id is required");
        });

        assertThatThrownBy(() -> agent.processTask(TaskRequest.of("analyze", Map.of())))
                .isInstanceOf(InvalidTaskInputException.class)
                .hasMessage("parameters.patient_id is required");
    }

    @Test
    void processTask_processorThrowsWithoutMessage_isFailedWithTheExceptionName() {
        Analyst agent = new Analyst(request -> {
            throw new ArithmeticException();
        });

        assertThat(agent.processTask(TaskRequest.of("analyze", null)).error()).isEqualTo("ArithmeticException");
    }

    @Test
    void processTask_processorInterrupted_isFailedAndKeepsTheInterruptStatus() {
        Analyst agent = new Analyst(request -> {
            throw new InterruptedException("shutting down");
        });

        TaskResult result = agent.processTask(TaskRequest.of("analyze", null));

        assertThat(Thread.interrupted()).isTrue();
        assertThat(result.status()).isEqualTo("failed");
        assertThat(result.error()).isEqualTo("shutting down");
    }

    @Test
    void processTask_agentThatDeclaresTypesButNoProcessor_failsSayingSo() {
        BaseMicroserviceAgent agent = new BaseMicroserviceAgent() {
            @Override
            protected Set<String> supportedTaskTypes() {
                return Set.of("analyze");
            }
        };

        TaskResult result = agent.processTask(TaskRequest.of("analyze", null));

        assertThat(result.status()).isEqualTo("failed");
        assertThat(result.error()).contains("declares task types but does not override createProcessor()");
    }

    @Test
    void processTask_createProcessorReturnsNull_failsNamingIt() {
        Analyst agent = new Analyst(null);

        TaskResult result = agent.processTask(TaskRequest.of("analyze", null));

        assertThat(result.status()).isEqualTo("failed");
        assertThat(result.error()).isEqualTo("Analyst.createProcessor() returned null");
    }

    @Test
    void processTask_null_isRejected() {
        assertThatNullPointerException()
                .isThrownBy(() -> new Analyst(request -> "x").processTask(null))
                .withMessage("request must not be null");
    }

    @Test
    void createProcessor_isCalledOnceAcrossManyTasks() {
        Analyst agent = new Analyst(request -> request.taskType());

        for (int i = 0; i < 5; i++) {
            assertThat(agent.processTask(TaskRequest.of("analyze", null)).result())
                    .isEqualTo("analyze");
        }

        assertThat(agent.created).hasValue(1);
    }

    @Test
    void createProcessor_isCalledOnceUnderConcurrentFirstCalls() throws Exception {
        ConcurrentFirstCalls race = new ConcurrentFirstCalls(16);

        List<TaskResult> results = race.run();

        assertThat(results).extracting(TaskResult::status).containsOnly("completed");
        assertThat(race.agent.created).hasValue(1);
    }

    /**
     * Starts several threads that call {@code processTask} at once. The first {@code createProcessor()} call holds on
     * until every other thread has either entered {@code createProcessor()} too (broken locking) or is parked waiting
     * in {@code processTask} (correct locking), so a missing lock is caught every time, not by chance.
     */
    private static final class ConcurrentFirstCalls {
        final AtomicInteger calling = new AtomicInteger();
        final List<Thread> workers = new ArrayList<>();
        final Set<Thread> creators = ConcurrentHashMap.newKeySet();
        final List<TaskResult> results = new CopyOnWriteArrayList<>();
        final Analyst agent;

        ConcurrentFirstCalls(int threads) {
            agent = new Analyst(request -> request.parameters().get("n")) {
                @Override
                protected TaskProcessor createProcessor() {
                    creators.add(Thread.currentThread());
                    awaitOthers();
                    return super.createProcessor();
                }
            };
            for (int i = 0; i < threads; i++) {
                workers.add(new Thread(this::callOnce, "task-caller-" + i));
            }
        }

        private void callOnce() {
            calling.incrementAndGet();
            results.add(agent.processTask(TaskRequest.of("analyze", Map.of("n", 1))));
        }

        private void awaitOthers() {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && !othersArrived()) {
                Thread.onSpinWait();
            }
        }

        private boolean othersArrived() {
            if (calling.get() < workers.size()) {
                return false;
            }
            for (Thread worker : workers) {
                Thread.State state = worker.getState();
                boolean parked = state == Thread.State.BLOCKED
                        || state == Thread.State.WAITING
                        || state == Thread.State.TIMED_WAITING;
                if (worker != Thread.currentThread() && !creators.contains(worker) && !parked) {
                    return false;
                }
            }
            return true;
        }

        List<TaskResult> run() throws InterruptedException {
            workers.forEach(Thread::start);
            for (Thread worker : workers) {
                worker.join(TimeUnit.SECONDS.toMillis(20));
                assertThat(worker.isAlive()).as("%s finished", worker.getName()).isFalse();
            }
            assertThat(results).hasSize(workers.size());
            return results;
        }
    }

    @Test
    void taskTypes_isAnImmutableCopy() {
        Analyst agent = new Analyst(request -> null);

        assertThat(agent.taskTypes()).containsExactlyInAnyOrder("analyze", "summarize");
        assertThatThrownBy(() -> agent.taskTypes().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    /** Declares its tasks with onTask, beside one ported type of the overrides. */
    static final class Declaring extends Analyst {
        Declaring() {
            super(request -> "ported " + request.taskType());
            onTask("triage", "Sorts patients by urgency", request -> "triaged " + request.query());
            onTask("discharge", "Discharges a patient", request -> {
                throw new IllegalStateException("no bed to free");
            });
        }
    }

    @Test
    void onTask_declaresTheTypeItsDescriptionAndItsProcessor_besideTheOverrides() {
        Declaring agent = new Declaring();

        assertThat(agent.taskTypes()).containsExactlyInAnyOrder("triage", "discharge", "analyze", "summarize");
        assertThat(agent.taskDescriptions())
                .containsEntry("triage", "Sorts patients by urgency")
                .containsEntry("discharge", "Discharges a patient")
                .containsEntry("analyze", "");
        assertThat(List.copyOf(agent.taskDescriptions().keySet()).subList(0, 2))
                .as("declaration order")
                .containsExactly("triage", "discharge");
        assertThat(agent.processTask(new TaskRequest("t", "triage", "ward 3", Map.of(), null))
                        .result())
                .isEqualTo("triaged ward 3");
        assertThat(agent.processTask(new TaskRequest("t", "analyze", "", Map.of(), null))
                        .result())
                .isEqualTo("ported analyze");
        TaskResult failed = agent.processTask(new TaskRequest("t", "discharge", "", Map.of(), null));
        assertThat(failed.status()).isEqualTo(TaskResult.FAILED);
        assertThat(failed.error()).isEqualTo("no bed to free");
    }

    @Test
    void onTask_refusesATypeDeclaredTwice_blank_orAlsoReturnedBySupportedTaskTypes() {
        Declaring agent = new Declaring();

        assertThatThrownBy(() -> agent.onTask("triage", "again", request -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Task type 'triage' is declared twice with onTask");
        assertThatThrownBy(() -> agent.onTask("analyze", "clash", request -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "'analyze' is returned by Declaring.supportedTaskTypes() and declared with onTask");
        assertThatThrownBy(() -> agent.onTask(" ", "blank", request -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("taskType must not be blank, was ' '");
        assertThatNullPointerException().isThrownBy(() -> agent.onTask("x", "no processor", null));
    }
}
