/**
 * The registry of handlers by message and event type, the routes that decode a typed payload, and the decoder that
 * finds a message's type. Not an API: the runtime uses it; agents register handlers through {@code RealtimeAgent}.
 */
package io.realtimeagents.common.internal.handler;
