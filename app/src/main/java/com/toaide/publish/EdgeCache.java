package com.toaide.publish;

import java.util.List;

/**
 * The CDN in front of the public bucket (Cloudflare in production): told which public URLs
 * changed, so it stops serving its copies of them. Purging is a courtesy to visitors, never a
 * step of the publish: it must neither throw nor wait on the network.
 */
public interface EdgeCache {
    /** No CDN to tell (the embedded default, or production with {@code EDGE_PURGE=off}). */
    EdgeCache NONE = urls -> { };

    void purge(List<String> urls);
}
