package com.trackdesk.mcp.catalog.entity;

/** An API description could not be read or understood; the message names the source and the reasons. */
public class CatalogLoadException extends RuntimeException {

    public CatalogLoadException(String message) {
        super(message);
    }

    public CatalogLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
