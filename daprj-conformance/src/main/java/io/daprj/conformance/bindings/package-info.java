/**
 * The bindings conformance suite: {@link io.daprj.conformance.bindings.BindingConformance}, after Dapr's bindings
 * conformance (init, operations, read, create, get, list, verify read, delete, close).
 */
package io.daprj.conformance.bindings;
