package com.trackdesk.mcp.authorization.entity;

/** What a sealed value is for; a value sealed as one kind is never accepted as another. */
public enum GrantKind {
    /** An authorization code: lives 60 s, exchanged once for tokens. */
    CODE,
    /** An access token: presented as {@code Authorization: Bearer} on /mcp. */
    ACCESS,
    /** A refresh token: exchanged for a new access and refresh token, re-checking the personal access token. */
    REFRESH,
    /** The sign-in form's request (its parameters and the CSRF nonce), so the POST cannot change them. */
    SIGN_IN,
    /** A dynamically registered client's client_id: its name and redirect URIs, signed and sealed. */
    CLIENT
}
