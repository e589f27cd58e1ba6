/**
 * Resource files: Dapr's Kubernetes-style YAML read from {@code --resources-path} folders, or the embedded defaults.
 *
 * <p>Starting points: {@link io.daprj.runtime.resources.ResourceLoader} (every {@code kind: Component} document of
 * every YAML file), {@link io.daprj.runtime.resources.ComponentSpec} (one parsed component),
 * {@link io.daprj.runtime.resources.EmbeddedDefaults} (what loads with no resources path) and
 * {@link io.daprj.runtime.resources.ConfigurationSpec} (the parts of {@code kind: Configuration} daprj reads).
 */
package io.daprj.runtime.resources;
