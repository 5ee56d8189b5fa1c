package com.toaide.platform.storage;

import java.nio.file.Path;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract against the embedded server's filesystem backend, the one dev data lives in:
 * content type and cache control must survive being kept as files, not only in memory.
 */
class S3BlobStoreOnDiskTest extends BlobStoreContractTest {

    @TempDir
    static Path directory;

    @AutoClose private static EmbeddedS3 server;
    @AutoClose private static S3BlobStore store;

    @BeforeAll
    static void start() {
        server = EmbeddedS3.onDisk(directory.resolve("objects"), 0);
        store = S3BlobStore.connect(server.endpoint(), server.accessKey(), server.secretKey());
    }

    @Override
    protected BlobStore store() {
        return store;
    }
}
