/**
 * The bindings conformance suite: {@link io.daprj.conformance.bindings.BindingConformance}, after Dapr's bindings
 * conformance (init, operations, read, create, get, list, verify read, delete, close), and
 * {@link io.daprj.conformance.bindings.SqlBindingConformance} for the SQL output bindings' {@code exec},
 * {@code query} and {@code close}.
 */
package io.daprj.conformance.bindings;
