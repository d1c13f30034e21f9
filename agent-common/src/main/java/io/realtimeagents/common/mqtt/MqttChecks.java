package io.realtimeagents.common.mqtt;

/** Guards shared by the MQTT configuration values. */
final class MqttChecks {
    private MqttChecks() {}

    static void qos(int qos, String filter) {
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("The QoS of '" + filter + "' is " + qos + ": use 0, 1 or 2");
        }
    }

    /** The QoS of a {@code ...@<digit>} suffix, or -1 when there is none. */
    static int qosSuffix(String text) {
        int length = text.length();
        if (length >= 2 && text.charAt(length - 2) == '@') {
            char digit = text.charAt(length - 1);
            if (digit < '0' || digit > '2') {
                throw new IllegalArgumentException(
                        "'" + text + "' ends with @" + digit + ": the QoS after @ must be 0, 1 or 2");
            }
            return digit - '0';
        }
        if (text.lastIndexOf('@') > text.lastIndexOf('/') && text.lastIndexOf('@') > text.lastIndexOf('=')) {
            throw new IllegalArgumentException("'" + text + "' has a QoS suffix that is not @0, @1 or @2");
        }
        return -1;
    }
}
