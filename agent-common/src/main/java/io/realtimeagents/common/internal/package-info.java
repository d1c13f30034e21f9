/**
 * Implementation shared by the modules of Realtime Agents. Not an API: anything under this package may change in any
 * release; user code uses the public packages of {@code io.realtimeagents.common} instead.
 */
package io.realtimeagents.common.internal;
