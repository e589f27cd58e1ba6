/**
 * The distributed lock contract, after Dapr's components-contrib {@code lock.Store}.
 *
 * <p>Starting points: {@link io.daprj.spi.lock.LockStore} (try-lock with expiry, owner-checked unlock) and
 * {@link io.daprj.spi.lock.UnlockStatus} (the unlock outcomes with Dapr's numbers).
 */
package io.daprj.spi.lock;
