/**
 * Tests of the postgres state store against the real server on this machine: the state conformance suite, plus what it
 * cannot see (storage layout, metadata, contention). Each run uses names of its own and removes them afterwards.
 */
package io.daprj.components.postgres.state;
