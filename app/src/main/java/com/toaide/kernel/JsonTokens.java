package com.toaide.kernel;

import java.io.OutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Jackson's tokens without its mapper, for the batch commands' byte paths: the factory is the one
 * {@link Json#MAPPER} is built on, with the same defaults, so the tokens read and the text written
 * are the same; setting up the mapper (its serializers, its date and time support) was a third of a
 * second of every run. A generator from here writes values token by token; a tree it cannot write
 * so ({@link SnapshotText}) goes through the mapper.
 */
public final class JsonTokens {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonTokens() {}

    public static JsonParser parser(byte[] json) {
        return FACTORY.createParser(ObjectReadContext.empty(), json);
    }

    /** A generator for one root value (the next one would follow a space, as Jackson separates them). */
    public static JsonGenerator generator(OutputStream out) {
        return FACTORY.createGenerator(ObjectWriteContext.empty(), out);
    }
}
