package com.toaide.testing;

import com.toaide.Config;
import com.toaide.platform.storage.EmbeddedS3;

/** One in-memory S3-compatible server for the test JVM (tests that stop storage start their own). */
public final class TestStorage {
    private static EmbeddedS3 server;

    private TestStorage() {}

    public static synchronized Config.Storage settings() {
        if (server == null) {
            server = EmbeddedS3.inMemory();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return new Config.Storage(server.endpoint(), server.accessKey(), server.secretKey());
    }
}
