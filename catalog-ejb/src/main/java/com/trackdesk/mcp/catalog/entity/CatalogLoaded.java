package com.trackdesk.mcp.catalog.entity;

/** CDI event: a new catalog is now being served (at startup, on reload and on scheduled refresh). */
public record CatalogLoaded(OperationCatalog catalog) {
}
