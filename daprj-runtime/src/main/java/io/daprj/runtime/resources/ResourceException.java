package io.daprj.runtime.resources;

/** A resource file that cannot be read or a resource that is not valid; the message names file and resource. */
public class ResourceException extends RuntimeException {

    public ResourceException(String message) {
        super(message);
    }

    public ResourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
