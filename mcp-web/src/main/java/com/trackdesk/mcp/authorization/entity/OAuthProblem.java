package com.trackdesk.mcp.authorization.entity;

/**
 * An OAuth error (RFC 6749 §5.2 / §4.1.2.1): its code, a description safe to show, and the HTTP status.
 * The description never holds a token.
 */
public class OAuthProblem extends RuntimeException {

    private final String error;
    private final int status;

    public OAuthProblem(String error, String description) {
        this(error, description, 400);
    }

    public OAuthProblem(String error, String description, int status) {
        super(description, null, false, false);
        this.error = error;
        this.status = status;
    }

    public String error() {
        return error;
    }

    public int status() {
        return status;
    }
}
