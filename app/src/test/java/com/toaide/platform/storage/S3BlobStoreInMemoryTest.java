package com.toaide.platform.storage;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;

/** The contract against the S3 adapter talking to an embedded server that keeps objects in memory. */
class S3BlobStoreInMemoryTest extends BlobStoreContractTest {

    @AutoClose private static EmbeddedS3 server;
    @AutoClose private static S3BlobStore store;

    @BeforeAll
    static void start() {
        server = EmbeddedS3.inMemory();
        store = S3BlobStore.connect(server.endpoint(), server.accessKey(), server.secretKey());
    }

    @Override
    protected BlobStore store() {
        return store;
    }
}
