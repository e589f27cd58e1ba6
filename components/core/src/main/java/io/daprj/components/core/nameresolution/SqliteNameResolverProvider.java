package io.daprj.components.core.nameresolution;

import io.daprj.spi.ComponentProvider;
import io.daprj.spi.nameresolution.NameResolver;

/** {@code nameresolution.sqlite}: {@link SqliteNameResolver}. */
public final class SqliteNameResolverProvider implements ComponentProvider<NameResolver> {

    @Override
    public String type() {
        return "nameresolution.sqlite";
    }

    @Override
    public Class<NameResolver> kind() {
        return NameResolver.class;
    }

    @Override
    public NameResolver create() {
        return new SqliteNameResolver();
    }
}
