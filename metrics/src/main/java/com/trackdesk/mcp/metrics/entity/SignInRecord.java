package com.trackdesk.mcp.metrics.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/** One submitted OAuth sign-in form (UTC): only whether the token was accepted; nothing about who or which token. */
@Entity
@Table(name = "oauth_sign_in")
public class SignInRecord {

    @Id
    @SequenceGenerator(name = "oauth_sign_in_ids", sequenceName = "oauth_sign_in_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "oauth_sign_in_ids")
    private Long id;

    @Column(name = "signed_in_at", nullable = false)
    private LocalDateTime signedInAt;

    @Column(name = "succeeded", nullable = false)
    private boolean succeeded;

    protected SignInRecord() {
        // for JPA
    }

    public SignInRecord(LocalDateTime signedInAt, boolean succeeded) {
        this.signedInAt = signedInAt;
        this.succeeded = succeeded;
    }

    public LocalDateTime signedInAt() { return signedInAt; }
    public boolean succeeded() { return succeeded; }
}
