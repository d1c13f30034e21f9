/** Example health-data agents built only on the public API of Realtime Agents. */
package io.realtimeagents.examples.health;
