/**
 * The live topics a granted client may read, checked on subscribe and on every multiplexed delivery. Not an API.
 */
package io.realtimeagents.common.internal.live;
