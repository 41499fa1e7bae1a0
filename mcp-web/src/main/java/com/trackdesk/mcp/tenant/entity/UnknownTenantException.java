package com.trackdesk.mcp.tenant.entity;

/** The request's Host names no tenant we may serve. The message is safe to show to the caller. */
public class UnknownTenantException extends RuntimeException {

    public UnknownTenantException(String message) {
        super(message);
    }
}
