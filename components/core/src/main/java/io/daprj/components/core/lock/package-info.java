/**
 * {@code lock.sqlite}, a lock store on one SQLite file that the sidecars of one machine share; it is the embedded
 * default {@code lockstore}. Dapr has no SQLite lock store: this type is daprj's own, for zero-install locking.
 *
 * <p>Starting points: {@link io.daprj.components.core.lock.SqliteLockStore} and its provider; metadata is
 * {@code SqliteLockMetadata}, named like {@code state.sqlite}'s.
 */
package io.daprj.components.core.lock;
