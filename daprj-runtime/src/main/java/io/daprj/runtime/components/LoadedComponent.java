package io.daprj.runtime.components;

import io.daprj.runtime.resources.ComponentSpec;
import io.daprj.spi.Component;

/** A live, initialised component and the resource it was made from. */
public record LoadedComponent<T extends Component>(ComponentSpec spec, T instance) {}
