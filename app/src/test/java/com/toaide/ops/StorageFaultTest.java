package com.toaide.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.toaide.Config;
import com.toaide.platform.storage.EmbeddedS3;
import com.toaide.testing.Eventually;
import com.toaide.testing.TestApp;
import com.toaide.testing.TestPostgres;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Object storage going away shows in readiness, by name, and the app recovers without a restart. */
class StorageFaultTest {
    EmbeddedS3 s3;
    TestApp app;

    @BeforeEach
    void start() {
        s3 = EmbeddedS3.inMemory();
        app = TestApp.start(TestPostgres.freshDatabase(), new Config.Storage(s3.endpoint(), s3.accessKey(), s3.secretKey()), Map.of());
    }

    @AfterEach
    void stop() {
        app.close();
        s3.close();
    }

    @Test
    void stopped_storage_makes_readiness_503_naming_storage_and_it_recovers() {
        assertThat(ready().statusCode()).isEqualTo(200);
        s3.stop();
        var down = ready();
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("\"database\":\"ok\"").containsPattern("\"storage\":\"(down|timeout)\"");
        s3.start();
        Eventually.within(Duration.ofSeconds(20), () -> assertThat(ready().statusCode()).isEqualTo(200));
    }

    private java.net.http.HttpResponse<String> ready() {
        return app.send(HttpRequest.newBuilder(app.base.resolve("/health/ready")).timeout(Duration.ofSeconds(2)));
    }
}
