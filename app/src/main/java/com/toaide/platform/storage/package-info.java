/**
 * Object storage: the {@link com.toaide.platform.storage.BlobStore} port, its S3 adapter
 * ({@link com.toaide.platform.storage.S3BlobStore}, which talks to Cloudflare R2 in production)
 * and {@link com.toaide.platform.storage.EmbeddedS3}, the in-process S3-compatible server of the
 * embedded default and of tests, so the same SDK code runs everywhere.
 *
 * <p>Owns buckets, keys and object bytes; knows nothing of aides, slugs or publishing. Imports
 * only the JDK, the AWS SDK and s3proxy; features use it through {@code BlobStore}.
 */
package com.toaide.platform.storage;
