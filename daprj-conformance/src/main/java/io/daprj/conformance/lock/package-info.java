/**
 * The lock store conformance suite: {@link io.daprj.conformance.lock.LockStoreConformance}, after Dapr's lock
 * conformance (try-lock, unlock statuses, expiry).
 */
package io.daprj.conformance.lock;
