/**
 * API: the handler model shared by every transport. Agents register {@link
 * io.realtimeagents.common.handler.MessageHandler}s by message type and {@link
 * io.realtimeagents.common.handler.EventHandler}s by event type; a handler reads where its message came from in its
 * {@link io.realtimeagents.common.handler.MessageContext}; {@link io.realtimeagents.common.handler.RetryPolicy} says
 * how failed handlers are retried before a message is dead-lettered.
 */
package io.realtimeagents.common.handler;
