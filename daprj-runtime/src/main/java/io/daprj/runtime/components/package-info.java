/**
 * From component YAML to live instances.
 *
 * <p>Starting points: {@link io.daprj.runtime.components.ComponentRegistry} (type to factory, found with
 * {@link java.util.ServiceLoader}), {@link io.daprj.runtime.components.ComponentStore} (name to live, initialised
 * instance) and {@link io.daprj.runtime.components.ComponentInitializer}, which creates and initialises each
 * component and reports a failure with the file, the component and the cause.
 */
package io.daprj.runtime.components;
