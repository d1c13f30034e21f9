package io.realtimeagents.common.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.realtimeagents.common.internal.live.TopicPermissions;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveTypesTest {
    @Test
    void webSocketEndpointParsesPathAndTopics() {
        WebSocketEndpoint endpoint = WebSocketEndpoint.parse("/ws/health=health_events|alerts");

        assertThat(endpoint.path()).isEqualTo("/ws/health");
        assertThat(endpoint.autoSubscribe()).containsExactly("health_events", "alerts");
        assertThat(endpoint).hasToString("/ws/health=health_events|alerts");
        assertThat(WebSocketEndpoint.parse("/ws/plain").autoSubscribe()).isEmpty();
    }

    @Test
    void webSocketEndpointOutsideWsOrWithBadTopicIsRefusedNamingIt() {
        assertThatThrownBy(() -> WebSocketEndpoint.parse("/live=alerts"))
                .hasMessageContaining("'/live'")
                .hasMessageContaining("/ws");
        assertThatThrownBy(() -> WebSocketEndpoint.parse("/ws/x=bad topic")).hasMessageContaining("'bad topic'");
    }

    @Test
    void topicPermissionsMatchExactNamesPrefixesAndAll() {
        TopicPermissions permissions = TopicPermissions.of(List.of("alerts", "ward.7.*"));

        assertThat(permissions.allows("alerts")).isTrue();
        assertThat(permissions.allows("ward.7.bed-1")).isTrue();
        assertThat(permissions.allows("ward.8.bed-1")).isFalse();
        assertThat(permissions.allows("alerts2")).isFalse();
        assertThat(permissions.allowsAll()).isFalse();
        assertThat(permissions).hasToString("alerts|ward.7.*");
        assertThat(TopicPermissions.of(List.of("alerts", "*")).allowsAll()).isTrue();
        assertThat(TopicPermissions.of(List.of()).allows("alerts")).isFalse();
        assertThatThrownBy(() -> TopicPermissions.of(List.of("bad topic"))).hasMessageContaining("'bad topic'");
    }

    @Test
    void slowClientPolicyParsesIgnoringCase() {
        assertThat(SlowClientPolicy.parse(" Drop ")).isEqualTo(SlowClientPolicy.DROP);
        assertThat(SlowClientPolicy.CLOSE.text()).isEqualTo("close");
    }
}
