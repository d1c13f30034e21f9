/**
 * The handler model shared by every transport: {@link io.realtimeagents.common.handler.MessageHandler}s registered by
 * message type and {@link io.realtimeagents.common.handler.EventHandler}s by event type in a
 * {@link io.realtimeagents.common.handler.HandlerRegistry}; {@link io.realtimeagents.common.handler.MessageDecoder}
 * finds a message's type and decodes its typed payload; {@link io.realtimeagents.common.handler.RetryPolicy} says how
 * failed handlers are retried before a message is dead-lettered.
 */
package io.realtimeagents.common.handler;
