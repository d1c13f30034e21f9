/** Small networking helpers shared by the transports, the test kit and the benchmarks. */
package io.realtimeagents.common.net;
