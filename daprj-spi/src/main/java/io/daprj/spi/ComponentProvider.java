package io.daprj.spi;

import java.util.List;

/**
 * Creates components of one type, such as {@code state.sqlite}. Registered in
 * {@code META-INF/services/io.daprj.spi.ComponentProvider}.
 *
 * @param <T> the kind interface the created components implement, such as {@code StateStore}
 */
public interface ComponentProvider<T extends Component> {

    /** The type as written in {@code spec.type}, lower case, e.g. {@code state.sqlite}. */
    String type();

    /** Other names for the same type, e.g. {@code state.sqlite3}. */
    default List<String> aliases() {
        return List.of();
    }

    /** The versions accepted in {@code spec.version}; the first is preferred. */
    default List<String> versions() {
        return List.of("v1");
    }

    /** The kind interface, used by the runtime to file the instance under its building block. */
    Class<T> kind();

    /** A new, not yet initialised instance. */
    T create();
}
