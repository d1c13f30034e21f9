package io.realtimeagents.testkit.internal;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import io.realtimeagents.testkit.MqttLogins;
import java.nio.ByteBuffer;

/** An embedded HiveMQ extension that checks each CONNECT against {@link MqttLogins}. */
final class LoginCheck {
    private LoginCheck() {}

    static EmbeddedExtension extension(MqttLogins logins) {
        SimpleAuthenticator authenticator = (input, output) -> {
            ConnectPacket connect = input.getConnectPacket();
            byte[] password = connect.getPassword().map(LoginCheck::bytes).orElse(null);
            if (logins.check(connect.getClientId(), connect.getUserName().orElse(null), password)) {
                output.authenticateSuccessfully();
            } else {
                output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, "unknown user name or wrong password");
            }
        };
        return EmbeddedExtension.builder()
                .withId("realtime-agents-logins")
                .withName("Realtime Agents test kit logins")
                .withVersion("1")
                .withPriority(0)
                .withStartPriority(1000)
                .withAuthor("Realtime Agents")
                .withExtensionMain(new ExtensionMain() {
                    @Override
                    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
                        Services.securityRegistry().setAuthenticatorProvider(provider -> authenticator);
                    }

                    @Override
                    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {}
                })
                .build();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
