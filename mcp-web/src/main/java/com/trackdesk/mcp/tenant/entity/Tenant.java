package com.trackdesk.mcp.tenant.entity;

/** A Trackdesk program, named by the subdomain it lives on ({@code acme} for acme.trackdesk.com). */
public record Tenant(String name) {

    @Override
    public String toString() {
        return name;
    }
}
