package com.toaide.ai;

/** One message of the conversation window, as text. */
public record Message(Role role, String text) {

    public enum Role {
        USER,
        ASSISTANT;

        String wire() {
            return this == USER ? "user" : "assistant";
        }
    }

    public static Message user(String text) {
        return new Message(Role.USER, text);
    }

    public static Message assistant(String text) {
        return new Message(Role.ASSISTANT, text);
    }
}
