/** Tests of the shared JDBC state plumbing against a recording fake connection; the stores' own tests use servers. */
package io.daprj.components.jdbc;
