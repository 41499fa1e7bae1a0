package com.trackdesk.mcp.reporting.entity;

import java.util.List;

/**
 * How well searches were answered: all searches, those with no hit, those with few (1 to {@code fewMeans})
 * hits, and the most frequent such texts.
 */
public record SearchQuality(long searches, long zeroResults, long fewResults, int fewMeans,
                            boolean queryTextsStored, List<PoorSearch> poorSearches) {
}
