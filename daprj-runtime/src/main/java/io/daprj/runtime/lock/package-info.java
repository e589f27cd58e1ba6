/**
 * The distributed lock building block (alpha): {@link io.daprj.runtime.lock.LockApi} takes and releases locks in
 * the {@link io.daprj.spi.lock.LockStore} components for both doors, with daprd's checks, errors and key prefixes.
 */
package io.daprj.runtime.lock;
