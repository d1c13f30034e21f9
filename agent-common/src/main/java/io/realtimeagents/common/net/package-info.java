/** API: network helpers shared by the MQTT clients of agents, the test kit and user code (no-delay sockets). */
package io.realtimeagents.common.net;
