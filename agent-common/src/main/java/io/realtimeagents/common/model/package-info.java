/**
 * The wire models shared with the Python library: {@link io.realtimeagents.common.model.RealtimeEvent},
 * {@link io.realtimeagents.common.model.EventType}, {@link io.realtimeagents.common.model.WebSocketMessage} and
 * {@link io.realtimeagents.common.model.HealthDataModel}. All encode to snake_case JSON.
 */
package io.realtimeagents.common.model;
