package com.toaide.images;

import com.toaide.kernel.Json;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/** A photo's stored sizes as the {@code images.variants} column holds them (JSON), and its row read back. */
final class SizesJson {
    private static final JsonMapper json = Json.MAPPER;

    private SizesJson() {}

    static String write(List<StoredImage.Size> sizes) {
        ArrayNode array = json.createArrayNode();
        for (var s : sizes) {
            array.addObject().put("width", s.width()).put("height", s.height()).put("extension", s.extension())
                    .put("contentType", s.contentType()).put("sha256", s.sha256()).put("bytes", s.bytes());
        }
        return array.toString();
    }

    static StoredImage stored(ImageDao.Row row) {
        var sizes = new ArrayList<StoredImage.Size>();
        for (JsonNode s : json.readTree(row.variants())) {
            sizes.add(new StoredImage.Size(s.get("width").asInt(), s.get("height").asInt(), s.get("extension").asString(),
                    s.get("contentType").asString(), s.get("sha256").asString(), s.get("bytes").asLong()));
        }
        return new StoredImage(row.id(), row.aideId(), row.userId(), row.width(), row.height(), row.bytes(), List.copyOf(sizes));
    }
}
