package io.daprj.examples.hello;

/** An order, stored as JSON under its id. */
public record Order(String id, String item, int quantity) {}
