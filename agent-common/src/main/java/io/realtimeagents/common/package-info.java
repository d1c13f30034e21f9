/**
 * Shared building blocks of Realtime Agents that need no server and no broker: the exception hierarchy, and (in
 * sub-packages) configuration, wire models, the handler registry and task processing.
 */
package io.realtimeagents.common;
