/** Socket factories for the MQTT clients of the runtime, the test kit and the benchmarks. Not an API. */
package io.realtimeagents.common.internal.net;
