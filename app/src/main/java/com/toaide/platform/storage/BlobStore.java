package com.toaide.platform.storage;

import java.util.List;
import java.util.Optional;

/**
 * Buckets of small objects (workspaces, published pages). Every method throws
 * {@link StorageUnavailable} when the store cannot answer; a missing object is not an error.
 */
public interface BlobStore {

    /** Creates or replaces the object. {@code cacheControl} may be null. */
    void put(String bucket, String key, byte[] bytes, String contentType, String cacheControl);

    Optional<Blob> get(String bucket, String key);

    Optional<BlobInfo> head(String bucket, String key);

    /** Deleting a missing object is not an error. */
    void delete(String bucket, String key);

    /** Every key starting with {@code prefix} (empty prefix: the whole bucket), in key order. */
    List<String> list(String bucket, String prefix);

    /**
     * Deletes every key starting with {@code prefix}, in batches; returns how many it deleted.
     * A blank prefix is refused: one bug that loses an id must not empty a whole bucket.
     */
    int deleteAll(String bucket, String prefix);

    /** Creates the bucket unless it exists already. */
    void ensureBucket(String bucket);

    /** A cheap readiness probe: returns when the bucket is reachable, throws otherwise. */
    void check(String bucket) throws StorageUnavailable;
}
