package com.toaide.platform.storage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract against the S3 adapter talking to an embedded server that keeps objects in memory. */
class S3BlobStoreInMemoryTest extends BlobStoreContractTest {

    private static EmbeddedS3 server;
    private static S3BlobStore store;

    @BeforeAll
    static void start() {
        server = EmbeddedS3.inMemory();
        store = S3BlobStore.connect(server.endpoint(), server.accessKey(), server.secretKey());
    }

    @AfterAll
    static void stop() {
        store.close();
        server.close();
    }

    @Override
    protected BlobStore store() {
        return store;
    }
}
