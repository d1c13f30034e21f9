/** JSON on the wire: one Jackson configuration (snake_case, ISO-8601 timestamps, tolerant of unknown fields). */
package io.realtimeagents.common.json;
