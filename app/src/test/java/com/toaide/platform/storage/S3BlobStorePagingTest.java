package com.toaide.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Listing and batch deletion across pages. The adapter is given pages of 3 keys (R2 uses
 * 1000), so a handful of objects crosses every boundary that a thousand would.
 */
class S3BlobStorePagingTest {

    private static final String BUCKET = "aide-published";

    @AutoClose private static EmbeddedS3 server;
    @AutoClose private static S3BlobStore store;

    @BeforeAll
    static void start() {
        server = EmbeddedS3.inMemory();
        store = S3BlobStore.connect(server.endpoint(), server.accessKey(), server.secretKey(),
                S3BlobStore.Timeouts.DEFAULT, 3);
        store.ensureBucket(BUCKET);
    }

    @Test
    void list_and_delete_all_go_past_the_first_page() {
        List<String> keys = IntStream.range(0, 10).mapToObj(i -> "s/many/v/" + i + "/index.html").sorted().toList();
        keys.forEach(k -> store.put(BUCKET, k, new byte[] {1}, "text/html", null));
        store.put(BUCKET, "s/other/index.html", new byte[] {2}, "text/html", null);

        assertThat(store.list(BUCKET, "s/many/")).containsExactlyElementsOf(keys);
        assertThat(store.deleteAll(BUCKET, "s/many/")).isEqualTo(10);
        assertThat(store.list(BUCKET, "s/")).containsExactly("s/other/index.html");
    }
}
