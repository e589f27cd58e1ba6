package io.daprj.runtime.components;

/** A component could not be created or initialised; the message names its file, name, type and the cause. */
public class ComponentInitException extends RuntimeException {

    public ComponentInitException(String message) {
        super(message);
    }

    public ComponentInitException(String message, Throwable cause) {
        super(message, cause);
    }
}
