package io.realtimeagents.benchmarks.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoakReportTest {
    private static final SoakReport.Targets ONE_FAULT = new SoakReport.Targets(1, Duration.ofSeconds(15));

    @Test
    void compute_countsLostAndDuplicatedOutputsPerFlow_andPassesWhenNothingIsLost() {
        Map<String, Long> inputs = Map.of("k-0", 1_000L, "k-1", 1_000L, "h-0", 1_000L, "b-1", 1_000L);
        Map<String, Map<String, Integer>> outputs = Map.of(
                SoakTopics.OUTPUT, Map.of("k-0", 1, "k-1", 3, "h-0", 1),
                SoakTopics.EVENTS, Map.of("k-0", 1, "k-1", 1),
                SoakTopics.BRIDGED, Map.of("b-1", 2, "b-99", 1)); // b-99: never acknowledged, not counted
        Arrivals arrivals = arrivals(List.of("kafka p0", "mqtt handled"), 2_000, 2_500);
        List<InjectedFault> faults = List.of(new InjectedFault(FaultKind.REPLICA_KILL, 0, 2_000, 300));

        SoakReport report = SoakReport.compute(inputs, outputs, faults, arrivals, 1, 2, ONE_FAULT);

        assertEquals(0, report.lost());
        assertEquals(3, report.duplicates(), "two extra records of k-1, one extra of b-1");
        SoakReport.FlowResult kafka = report.flows().getFirst();
        assertEquals(Flow.KAFKA_TO_OUTPUT, kafka.flow());
        assertEquals(2, kafka.inputs());
        assertEquals(2, kafka.delivered());
        assertEquals(2, kafka.duplicates());
        assertEquals(List.of(), report.failures());
        assertEquals(Map.of(FaultKind.REPLICA_KILL, 500L), report.longestRecoveryByKind());
        String text = report.format();
        assertTrue(
                text.startsWith("inputs 4, outputs 9, lost 0, duplicates 3, faults 1, longest recovery 0.5 s"), text);
        assertTrue(
                text.contains("(1 sends never acknowledged by their broker, not counted); dead letters written by the"
                        + " agents: 2"),
                text);
        assertTrue(text.endsWith("verdict: PASS"), text);
    }

    @Test
    void compute_namesTheLostInputs_theFaultNearestToThem_andFails() {
        Map<String, Long> inputs = Map.of("k-0", 1_000L, "k-4", 9_800L, "h-0", 1_000L);
        Map<String, Map<String, Integer>> outputs =
                Map.of(SoakTopics.OUTPUT, Map.of("k-0", 1, "h-0", 1), SoakTopics.EVENTS, Map.of("k-0", 1, "k-4", 1));
        List<InjectedFault> faults = List.of(
                new InjectedFault(FaultKind.REPLICA_KILL, 1, 2_000, 100),
                new InjectedFault(FaultKind.KAFKA_RESTART, -1, 10_000, 5_000));
        Arrivals arrivals = arrivals(List.of("kafka p0"), 2_000, 3_000);

        SoakReport report = SoakReport.compute(inputs, outputs, faults, arrivals, 0, 0, ONE_FAULT);

        assertEquals(1, report.lost());
        SoakReport.FlowResult kafka = report.flows().getFirst();
        assertEquals(Map.of("Kafka broker restart", 1), kafka.lostByNearestFault());
        assertEquals(List.of("k-4"), kafka.lostSample());
        assertEquals(
                List.of(
                        "1 output(s) lost",
                        "fault Kafka broker restart recovered never (path kafka p0), target under 15.0 s"),
                report.failures());
        assertTrue(report.format().contains("lost, by nearest fault: {Kafka broker restart=1}; first ids [k-4]"));
    }

    @Test
    void failures_nameARecoveryOverTheTarget_andTooFewFaults() {
        Arrivals arrivals = arrivals(List.of("kafka p1"), 0, 16_000);
        List<InjectedFault> faults = List.of(new InjectedFault(FaultKind.SLOW_HANDLER, 0, 0, 0));

        SoakReport report = SoakReport.compute(
                Map.of(), Map.of(), faults, arrivals, 0, 0, new SoakReport.Targets(20, Duration.ofSeconds(15)));

        assertEquals(
                List.of(
                        "only 1 faults injected, fewer than 20",
                        "fault slow handler > max.poll.interval.ms (replica 0) recovered in 16.0 s, target under"
                                + " 15.0 s"),
                report.failures());
    }

    @Test
    void recovery_ofABrokerRestart_countsFromWhenTheBrokerWasBack() {
        InjectedFault restart = new InjectedFault(FaultKind.MQTT_RESTART, -1, 10_000, 8_000);
        InjectedFault kill = new InjectedFault(FaultKind.REPLICA_KILL, 0, 10_000, 8_000);

        assertEquals(18_000, restart.recoveryFrom());
        assertEquals(10_000, kill.recoveryFrom());
    }

    @Test
    void recoveryAfter_isTheSlowestPathsFirstOutputOfAnInputSentAfterTheFault() {
        Arrivals arrivals = new Arrivals();
        arrivals.add("kafka p0", 1_100, 900); // sent before the fault: does not count
        arrivals.add("kafka p0", 1_300, 1_050);
        arrivals.add("mqtt bridged", 2_000, 1_200);
        arrivals.add("mqtt bridged", 2_100, 1_300);

        assertEquals(new Arrivals.Recovery(1_000, "mqtt bridged"), arrivals.recoveryAfter(1_000));
        assertEquals(new Arrivals.Recovery(-1, "kafka p0"), arrivals.recoveryAfter(1_100));
        assertEquals(2_100, arrivals.lastObserved());
    }

    @Test
    void path_isTheKafkaPartitionOfAKafkaInput_orTheMqttRoute() {
        assertEquals("kafka p3", Flow.path("k-7"));
        assertEquals("mqtt handled", Flow.path("h-4"));
        assertEquals("mqtt bridged", Flow.path("b-5"));
    }

    /** One output per path, of an input sent at the fault, observed {@code observedAt}. */
    private static Arrivals arrivals(List<String> paths, long sentAt, long observedAt) {
        Arrivals arrivals = new Arrivals();
        for (String path : paths) {
            arrivals.add(path, observedAt, sentAt);
        }
        return arrivals;
    }
}
