package com.toaide.ai;

import tools.jackson.databind.JsonNode;

/** A tool offered to the model: its name, what it is for, and the JSON schema of its input. */
public record ToolDefinition(String name, String description, JsonNode inputSchema) {}
