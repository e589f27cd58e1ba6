package io.daprj.spi.bindings;

import io.daprj.spi.Component;

/**
 * The kind every binding files under: a binding component implements {@link InputBinding}, {@link OutputBinding}
 * or both, and its provider names {@code Binding.class} as its kind so that one component serves both directions.
 */
public interface Binding extends Component {}
