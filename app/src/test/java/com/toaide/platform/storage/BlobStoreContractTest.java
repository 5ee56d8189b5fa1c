package com.toaide.platform.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BlobStore} must do. Each adapter gets a subclass that supplies a store;
 * each test uses its own fresh bucket, so subclasses may share one server across tests.
 */
abstract class BlobStoreContractTest {

    protected abstract BlobStore store();

    protected String bucket;

    @BeforeEach
    void fresh_bucket() {
        bucket = "contract-" + UUID.randomUUID().toString().substring(0, 8);
        store().ensureBucket(bucket);
    }

    @Test
    void a_stored_object_reads_back_with_its_bytes_content_type_and_cache_control() {
        byte[] page = "<h1>Hello</h1>".getBytes(UTF_8);
        store().put(bucket, "s/hello/index.html", page, "text/html; charset=utf-8", "public, max-age=60");

        Blob blob = store().get(bucket, "s/hello/index.html").orElseThrow();

        assertThat(blob.bytes()).isEqualTo(page);
        assertSameContentType(blob.contentType(), "text/html; charset=utf-8");
        assertThat(blob.cacheControl()).isEqualTo("public, max-age=60");
        assertThat(blob.size()).isEqualTo(page.length);
        assertThat(blob.etag()).isNotBlank();
        assertThat(blob.lastModified()).isNotNull();
    }

    @Test
    void an_object_stored_without_cache_control_has_none() {
        store().put(bucket, "a.json", "{}".getBytes(UTF_8), "application/json", null);

        Blob blob = store().get(bucket, "a.json").orElseThrow();

        assertThat(blob.cacheControl()).isNull();
        assertSameContentType(blob.contentType(), "application/json");
    }

    @Test
    void head_gives_the_metadata_that_get_gives() {
        byte[] bytes = "body { color: black }".getBytes(UTF_8);
        store().put(bucket, "style.css", bytes, "text/css", "public, max-age=31536000, immutable");

        BlobInfo info = store().head(bucket, "style.css").orElseThrow();
        Blob blob = store().get(bucket, "style.css").orElseThrow();

        assertThat(info.size()).isEqualTo(bytes.length);
        assertThat(info.etag()).isEqualTo(blob.etag());
        assertThat(info.cacheControl()).isEqualTo("public, max-age=31536000, immutable");
        assertSameContentType(info.contentType(), "text/css");
        assertThat(info.lastModified()).isEqualTo(blob.lastModified());
    }

    @Test
    void putting_again_replaces_the_object() {
        store().put(bucket, "k", "first".getBytes(UTF_8), "text/plain", "no-cache");
        store().put(bucket, "k", "second version".getBytes(UTF_8), "application/json", "public, max-age=5");

        Blob blob = store().get(bucket, "k").orElseThrow();

        assertThat(new String(blob.bytes(), UTF_8)).isEqualTo("second version");
        assertSameContentType(blob.contentType(), "application/json");
        assertThat(blob.cacheControl()).isEqualTo("public, max-age=5");
        assertThat(store().list(bucket, "")).containsExactly("k");
    }

    @Test
    void a_missing_key_is_empty_for_get_and_head() {
        assertThat(store().get(bucket, "nothing/here")).isEmpty();
        assertThat(store().head(bucket, "nothing/here")).isEmpty();
    }

    @Test
    void the_etag_is_the_same_for_the_same_content_and_changes_with_it() {
        store().put(bucket, "a", "same".getBytes(UTF_8), "text/plain", null);
        String first = store().head(bucket, "a").orElseThrow().etag();
        store().put(bucket, "a", "same".getBytes(UTF_8), "text/plain", null);
        String again = store().head(bucket, "a").orElseThrow().etag();
        store().put(bucket, "a", "different".getBytes(UTF_8), "text/plain", null);
        String changed = store().head(bucket, "a").orElseThrow().etag();

        assertThat(first).isNotBlank().isEqualTo(again);
        assertThat(changed).isNotEqualTo(first);
    }

    @Test
    void empty_objects_are_stored_too() {
        store().put(bucket, "empty", new byte[0], "text/plain", null);

        Blob blob = store().get(bucket, "empty").orElseThrow();

        assertThat(blob.bytes()).isEmpty();
        assertThat(blob.size()).isZero();
    }

    @Test
    void list_returns_only_the_keys_under_the_prefix_in_key_order() {
        for (String key : List.of("s/b/v/2/index.html", "s/b/index.html", "s/a/index.html", "s/bb/index.html", "w/b")) {
            store().put(bucket, key, key.getBytes(UTF_8), "text/plain", null);
        }

        assertThat(store().list(bucket, "s/b/")).containsExactly("s/b/index.html", "s/b/v/2/index.html");
        assertThat(store().list(bucket, "s/")).hasSize(4);
        assertThat(store().list(bucket, "")).hasSize(5);
        assertThat(store().list(bucket, "nope/")).isEmpty();
    }

    @Test
    void delete_removes_one_object_and_deleting_a_missing_one_is_fine() {
        store().put(bucket, "a", "x".getBytes(UTF_8), "text/plain", null);
        store().put(bucket, "b", "y".getBytes(UTF_8), "text/plain", null);

        store().delete(bucket, "a");
        store().delete(bucket, "never-existed");

        assertThat(store().get(bucket, "a")).isEmpty();
        assertThat(store().list(bucket, "")).containsExactly("b");
    }

    @Test
    void delete_all_removes_every_key_under_the_prefix_and_nothing_else() {
        for (String key : List.of("s/one/index.html", "s/one/v/1/index.html", "s/one/feed.xml", "s/one-more/index.html")) {
            store().put(bucket, key, key.getBytes(UTF_8), "text/plain", null);
        }

        int deleted = store().deleteAll(bucket, "s/one/");

        assertThat(deleted).isEqualTo(3);
        assertThat(store().list(bucket, "")).containsExactly("s/one-more/index.html");
        assertThat(store().deleteAll(bucket, "s/one/")).isZero();
    }

    @Test
    void delete_all_refuses_a_blank_prefix() {
        store().put(bucket, "keep", "x".getBytes(UTF_8), "text/plain", null);

        assertThatThrownBy(() -> store().deleteAll(bucket, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().deleteAll(bucket, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(store().list(bucket, "")).containsExactly("keep");
    }

    @Test
    void ensuring_a_bucket_twice_keeps_its_objects() {
        store().put(bucket, "a", "x".getBytes(UTF_8), "text/plain", null);

        store().ensureBucket(bucket);
        store().ensureBucket(bucket);

        assertThat(store().list(bucket, "")).containsExactly("a");
    }

    @Test
    void check_passes_for_an_existing_bucket_and_fails_clearly_for_a_missing_one() {
        store().check(bucket);

        assertThatThrownBy(() -> store().check("no-such-bucket-" + bucket))
                .isInstanceOf(StorageUnavailable.class)
                .hasMessageContaining("no-such-bucket-" + bucket);
    }

    @Test
    void writing_to_a_missing_bucket_is_a_storage_failure_not_a_missing_key() {
        String missing = "no-such-bucket-" + bucket;

        assertThatThrownBy(() -> store().put(missing, "a", new byte[] {1}, "text/plain", null))
                .isInstanceOf(StorageUnavailable.class);
        assertThatThrownBy(() -> store().get(missing, "a")).isInstanceOf(StorageUnavailable.class);
    }

    @Test
    void keys_with_spaces_and_unicode_round_trip() {
        String key = "s/café menu/ünïcode & co.html";
        store().put(bucket, key, "ok".getBytes(UTF_8), "text/html", null);

        assertThat(store().list(bucket, "s/")).containsExactly(key);
        assertThat(store().get(bucket, key)).isPresent();
    }

    /** s3proxy answers {@code text/html;charset=utf-8} for {@code text/html; charset=utf-8}. */
    static void assertSameContentType(String actual, String expected) {
        assertThat(actual).isNotNull();
        assertThat(actual.replace(" ", "").toLowerCase()).isEqualTo(expected.replace(" ", "").toLowerCase());
    }
}
