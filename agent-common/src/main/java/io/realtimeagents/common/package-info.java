/**
 * API: shared building blocks of Realtime Agents that need no server and no broker: the exception hierarchy, and (in
 * sub-packages) configuration, wire models, the handler model, live topics, MQTT topic filters and task processing.
 *
 * <p>Every package of this module is API except those under {@code io.realtimeagents.common.internal}, which may
 * change in any release.
 */
package io.realtimeagents.common;
