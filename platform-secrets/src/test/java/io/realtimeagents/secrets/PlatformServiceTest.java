package io.realtimeagents.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlatformServiceTest {
    @Test
    void secretNamesFollowThePlatformConvention() {
        assertThat(PlatformService.KAFKA.secretName("health-platform")).isEqualTo("health-platform-kafka-secret");
        assertThat(PlatformService.MQTT.secretName("p1")).isEqualTo("p1-mqtt-secret");
        assertThat(PlatformService.LENSES.secretName("p1")).isEqualTo("p1-lenses-secret");
    }

    @Test
    void onlyKafkaAndMqttAreRequiredWhenUsed() {
        assertThat(PlatformService.KAFKA.requiredWhenUsed()).isTrue();
        assertThat(PlatformService.MQTT.requiredWhenUsed()).isTrue();
        assertThat(PlatformService.DB.requiredWhenUsed()).isFalse();
        assertThat(PlatformService.METABASE.requiredWhenUsed()).isFalse();
    }

    @Test
    void invalidPlatformNamesAreRejectedNamingTheSetting() {
        assertThatThrownBy(() -> PlatformService.DB.secretName("Health_Platform"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Health_Platform'")
                .hasMessageContaining("REALTIME_PLATFORM");
        assertThatThrownBy(() -> PlatformService.DB.secretName("-x"))
                .hasMessageContaining("starting and ending with a letter or digit");
    }
}
