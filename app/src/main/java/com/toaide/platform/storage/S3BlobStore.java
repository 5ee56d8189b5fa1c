package com.toaide.platform.storage;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@link BlobStore} on the AWS SDK's S3 client: Cloudflare R2 in production, {@link EmbeddedS3}
 * in dev and tests. Every call is bounded (connect, attempt and total timeouts, a few
 * retries), so a dead or hanging store turns into {@link StorageUnavailable} within seconds
 * instead of holding a request thread. The client reconnects by itself when the store returns.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {

    /**
     * Bounds on one operation. {@code attempt} caps each try, {@code total} the whole call
     * including retries and backoff, so {@code total} is the worst a caller waits;
     * {@link #check} has its own, shorter {@code probe} bound because readiness must answer fast.
     */
    public record Timeouts(Duration connect, Duration attempt, Duration total, int maxAttempts, Duration probe) {
        /** Small objects only here: a healthy store answers in well under a second. */
        public static final Timeouts DEFAULT = new Timeouts(
                Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(10), 3, Duration.ofSeconds(2));
    }

    // S3 lists at most 1000 keys per page and DeleteObjects takes at most 1000 keys.
    private static final int MAX_PAGE = 1000;

    private final S3Client s3;
    private final Duration probeTimeout;
    private final int pageSize;

    private S3BlobStore(S3Client s3, Duration probeTimeout, int pageSize) {
        this.s3 = Objects.requireNonNull(s3);
        this.probeTimeout = Objects.requireNonNull(probeTimeout);
        this.pageSize = pageSize;
    }

    public static S3BlobStore connect(URI endpoint, String accessKey, String secretKey) {
        return connect(endpoint, accessKey, secretKey, Timeouts.DEFAULT);
    }

    public static S3BlobStore connect(URI endpoint, String accessKey, String secretKey, Timeouts timeouts) {
        return connect(endpoint, accessKey, secretKey, timeouts, MAX_PAGE);
    }

    // Tests pass a tiny page size to cross page and batch boundaries with a handful of keys.
    static S3BlobStore connect(URI endpoint, String accessKey, String secretKey, Timeouts timeouts, int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE) {
            throw new IllegalArgumentException("page size must be 1.." + MAX_PAGE);
        }
        S3Client client = S3Client.builder()
                .endpointOverride(endpoint)
                // R2 and s3proxy address buckets by path; there is no DNS per bucket.
                .forcePathStyle(true)
                // R2 ignores the region but the signer needs one; "auto" is what R2 documents.
                .region(Region.of("auto"))
                // Since SDK 2.30 checksums are sent and checked on every call by default,
                // which R2 rejects on some operations; only send them where S3 demands one.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                // The JDK's HttpURLConnection: no Apache or Netty stack to ship or tune.
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(timeouts.connect())
                        .socketTimeout(timeouts.attempt())
                        .build())
                .overrideConfiguration(o -> o
                        .apiCallAttemptTimeout(timeouts.attempt())
                        .apiCallTimeout(timeouts.total())
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(timeouts.maxAttempts())
                                .build()))
                .build();
        return new S3BlobStore(client, timeouts.probe(), pageSize);
    }

    @Override
    public void put(String bucket, String key, byte[] bytes, String contentType, String cacheControl) {
        call("put", bucket, key, () -> s3.putObject(
                b -> b.bucket(bucket).key(key).contentType(contentType).cacheControl(cacheControl),
                RequestBody.fromBytes(bytes)));
    }

    @Override
    public Optional<Blob> get(String bucket, String key) {
        return ifFound("get", bucket, key, () -> {
            ResponseBytes<GetObjectResponse> read = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            GetObjectResponse r = read.response();
            byte[] bytes = read.asByteArrayUnsafe();
            return new Blob(bytes, r.contentType(), r.cacheControl(), r.eTag(), r.lastModified(), bytes.length);
        });
    }

    @Override
    public Optional<BlobInfo> head(String bucket, String key) {
        return ifFound("head", bucket, key, () -> {
            HeadObjectResponse r = s3.headObject(b -> b.bucket(bucket).key(key));
            return new BlobInfo(r.contentType(), r.cacheControl(), r.eTag(), r.lastModified(), r.contentLength());
        });
    }

    @Override
    public void delete(String bucket, String key) {
        call("delete", bucket, key, () -> s3.deleteObject(b -> b.bucket(bucket).key(key)));
    }

    @Override
    public List<String> list(String bucket, String prefix) {
        return call("list", bucket, prefix + "*", () -> {
            List<String> keys = new ArrayList<>();
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix).maxKeys(pageSize)).contents()) {
                keys.add(o.key());
            }
            return keys;
        });
    }

    @Override
    public int deleteAll(String bucket, String prefix) {
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("deleteAll needs a non-blank prefix");
        }
        List<String> keys = list(bucket, prefix);
        for (int from = 0; from < keys.size(); from += pageSize) {
            List<ObjectIdentifier> batch = keys.subList(from, Math.min(from + pageSize, keys.size())).stream()
                    .map(k -> ObjectIdentifier.builder().key(k).build())
                    .toList();
            DeleteObjectsResponse r = call("deleteAll", bucket, prefix + "*", () -> s3.deleteObjects(
                    b -> b.bucket(bucket).delete(Delete.builder().objects(batch).quiet(true).build())));
            // A batch delete answers 200 even when some keys failed; the failures are in the body.
            if (r.hasErrors() && !r.errors().isEmpty()) {
                var first = r.errors().get(0);
                throw new StorageUnavailable("deleteAll " + bucket + "/" + prefix + "*: " + r.errors().size()
                        + " keys not deleted, first " + first.key() + ": " + first.code());
            }
        }
        return keys.size();
    }

    @Override
    public void ensureBucket(String bucket) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
            return;
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw unavailable("ensureBucket", bucket, null, e);
            }
        } catch (SdkException e) {
            throw unavailable("ensureBucket", bucket, null, e);
        }
        try {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (BucketAlreadyOwnedByYouException | BucketAlreadyExistsException e) {
            // Another instance created it between our head and create: that is what we wanted.
        } catch (SdkException e) {
            throw unavailable("ensureBucket", bucket, null, e);
        }
    }

    @Override
    public void check(String bucket) {
        call("check", bucket, null, () -> s3.headBucket(b -> b.bucket(bucket)
                .overrideConfiguration(o -> o.apiCallTimeout(probeTimeout).apiCallAttemptTimeout(probeTimeout))));
    }

    @Override
    public void close() {
        s3.close();
    }

    private <T> T call(String operation, String bucket, String key, Supplier<T> body) {
        try {
            return body.get();
        } catch (SdkException e) {
            throw unavailable(operation, bucket, key, e);
        }
    }

    // A missing object is an answer, not a fault; a missing bucket is a fault (misconfiguration).
    // HEAD answers carry no body, so head() cannot tell the two apart and says empty for both.
    private <T> Optional<T> ifFound(String operation, String bucket, String key, Supplier<T> body) {
        try {
            return Optional.of(body.get());
        } catch (S3Exception e) {
            if (e.statusCode() == 404 && !isMissingBucket(e)) {
                return Optional.empty();
            }
            throw unavailable(operation, bucket, key, e);
        } catch (SdkException e) {
            throw unavailable(operation, bucket, key, e);
        }
    }

    private static boolean isMissingBucket(S3Exception e) {
        return e.awsErrorDetails() != null && "NoSuchBucket".equals(e.awsErrorDetails().errorCode());
    }

    private static StorageUnavailable unavailable(String operation, String bucket, String key, SdkException e) {
        String where = key == null ? bucket : bucket + "/" + key;
        String why;
        if (e instanceof SdkServiceException service) {
            String code = e instanceof S3Exception s3e && s3e.awsErrorDetails() != null
                    && s3e.awsErrorDetails().errorCode() != null ? " " + s3e.awsErrorDetails().errorCode() : "";
            why = "storage answered HTTP " + service.statusCode() + code;
        } else {
            why = "storage unreachable (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
        }
        return new StorageUnavailable(operation + " " + where + ": " + why, e);
    }
}
