package io.daprj.components.redis.lock;

import io.daprj.spi.ComponentProvider;
import io.daprj.spi.lock.LockStore;

/** {@code lock.redis}: {@link RedisLockStore}. */
public final class RedisLockStoreProvider implements ComponentProvider<LockStore> {

    @Override
    public String type() {
        return "lock.redis";
    }

    @Override
    public Class<LockStore> kind() {
        return LockStore.class;
    }

    @Override
    public LockStore create() {
        return new RedisLockStore();
    }
}
