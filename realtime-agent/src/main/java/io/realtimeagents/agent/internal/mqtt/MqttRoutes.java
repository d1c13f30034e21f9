package io.realtimeagents.agent.internal.mqtt;

import io.realtimeagents.common.mqtt.MqttBridge;
import io.realtimeagents.common.mqtt.MqttSubscription;
import io.realtimeagents.common.mqtt.MqttTopicFilter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where an arriving MQTT message goes: the first bridge whose filter matches its topic, else the first matching
 * subscription, in configuration order.
 */
final class MqttRoutes {
    /** Devices publish on a bounded set of topics: matches are remembered per topic, up to this many. */
    private static final int CACHE_LIMIT = 10_000;

    private final List<MqttBridge> bridges;
    private final List<MqttSubscription> subscriptions;
    private final Map<String, Optional<Match>> matches = new ConcurrentHashMap<>();
    private final Map<String, Optional<String>> types = new ConcurrentHashMap<>();

    MqttRoutes(List<MqttBridge> bridges, List<MqttSubscription> subscriptions) {
        this.bridges = List.copyOf(bridges);
        this.subscriptions = List.copyOf(subscriptions);
    }

    List<MqttBridge> bridges() {
        return bridges;
    }

    List<MqttSubscription> subscriptions() {
        return subscriptions;
    }

    boolean isEmpty() {
        return bridges.isEmpty() && subscriptions.isEmpty();
    }

    /** The route of a topic, or null when nothing matches. */
    Match match(String topic) {
        Optional<Match> match = matches.get(topic);
        if (match == null) {
            match = Optional.ofNullable(findMatch(topic));
            remember(matches, topic, match);
        }
        return match.orElse(null);
    }

    /** The message type of the first subscription matching the topic that names one, or null. */
    String typeOf(String topic) {
        Optional<String> type = types.get(topic);
        if (type == null) {
            type = Optional.ofNullable(findType(topic));
            remember(types, topic, type);
        }
        return type.orElse(null);
    }

    private Match findMatch(String topic) {
        for (MqttBridge bridge : bridges) {
            Map<String, String> variables = bridge.filter().match(topic);
            if (variables != null) {
                return new Match(
                        bridge.filter(), Collections.unmodifiableMap(new LinkedHashMap<>(variables)), bridge, null);
            }
        }
        for (MqttSubscription subscription : subscriptions) {
            Map<String, String> variables = subscription.filter().match(topic);
            if (variables != null) {
                return new Match(
                        subscription.filter(),
                        Collections.unmodifiableMap(new LinkedHashMap<>(variables)),
                        null,
                        subscription);
            }
        }
        return null;
    }

    private String findType(String topic) {
        for (MqttSubscription subscription : subscriptions) {
            if (subscription.messageType() != null && subscription.filter().match(topic) != null) {
                return subscription.messageType();
            }
        }
        return null;
    }

    private static <V> void remember(Map<String, V> cache, String topic, V value) {
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(topic, value);
    }

    /**
     * The highest QoS the agent subscribes with. A QoS 2 delivery is acknowledged (PUBREC) by the MQTT client as it
     * arrives, before any handler ran, so a stop or crash would lose it, and the client may complete it (PUBCOMP)
     * before that acknowledgement left, which brokers reject as a protocol error. At QoS 1 the agent acknowledges each
     * message once it is handled: at least once, like every other input.
     */
    static final int MAX_RECEIVE_QOS = 1;

    /**
     * The broker-side filters with the QoS to subscribe with (the highest when two routes share a filter, at most
     * {@link #MAX_RECEIVE_QOS}), shared when asked.
     */
    Map<String, Integer> brokerFilters(String sharedGroup) {
        Map<String, Integer> filters = new LinkedHashMap<>();
        List<FilterQos> all = new ArrayList<>();
        bridges.forEach(bridge -> all.add(new FilterQos(bridge.filter(), bridge.qos())));
        subscriptions.forEach(subscription -> all.add(new FilterQos(subscription.filter(), subscription.qos())));
        for (FilterQos entry : all) {
            String filter = sharedGroup == null
                    ? entry.filter().brokerFilter()
                    : "$share/" + sharedGroup + "/" + entry.filter().brokerFilter();
            filters.merge(filter, Math.min(entry.qos(), MAX_RECEIVE_QOS), Math::max);
        }
        return filters;
    }

    /** The filters of routes that ask for a QoS above {@link #MAX_RECEIVE_QOS}, as configured. */
    List<String> cappedFilters() {
        List<String> capped = new ArrayList<>();
        bridges.stream()
                .filter(bridge -> bridge.qos() > MAX_RECEIVE_QOS)
                .forEach(bridge -> capped.add(bridge.filter().text()));
        subscriptions.stream()
                .filter(subscription -> subscription.qos() > MAX_RECEIVE_QOS)
                .forEach(subscription -> capped.add(subscription.filter().text()));
        return capped;
    }

    private record FilterQos(MqttTopicFilter filter, int qos) {}

    /**
     * A matched route.
     *
     * @param filter the filter that matched
     * @param variables the values of its named segments
     * @param bridge the bridge, or null for a subscription
     * @param subscription the subscription, or null for a bridge
     */
    record Match(
            MqttTopicFilter filter, Map<String, String> variables, MqttBridge bridge, MqttSubscription subscription) {
        /** The lane key: the bridge key's value (per-key order), else the topic (per-topic order). */
        String laneKey(String topic) {
            if (bridge != null && bridge.keyVariable() != null) {
                return variables.get(bridge.keyVariable());
            }
            return topic;
        }
    }
}
