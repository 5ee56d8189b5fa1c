package com.toaide.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationWindowTest {

    static List<Message> alternating(int count, boolean startWithUser) {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean user = (i % 2 == 0) == startWithUser;
            messages.add(user ? Message.user("u" + i) : Message.assistant("a" + i));
        }
        return messages;
    }

    static List<String> texts(List<Message> messages) {
        return messages.stream().map(Message::text).toList();
    }

    @Test
    void a_new_conversation_is_just_the_new_message() {
        assertThat(ConversationWindow.pick(List.of(), "Poker night")).containsExactly(Message.user("Poker night"));
    }

    @Test
    void the_last_nine_stored_messages_come_before_the_new_one_when_they_start_on_a_user_message() {
        List<Message> window = ConversationWindow.pick(alternating(13, true), "new");

        assertThat(texts(window)).containsExactly("u4", "a5", "u6", "a7", "u8", "a9", "u10", "a11", "u12", "new");
    }

    @Test
    void a_window_starting_on_an_assistant_message_drops_it() {
        List<Message> window = ConversationWindow.pick(alternating(12, true), "new");

        assertThat(texts(window)).containsExactly("u4", "a5", "u6", "a7", "u8", "a9", "u10", "a11", "new");
        assertThat(window.get(0).role()).isEqualTo(Message.Role.USER);
    }

    @Test
    void fewer_than_nine_stored_messages_are_all_kept_from_the_first_user_message() {
        List<Message> window = ConversationWindow.pick(alternating(4, false), "new");

        assertThat(texts(window)).containsExactly("u1", "a2", "u3", "new");
    }

    @Test
    void the_new_message_is_sent_exactly_as_typed() {
        String typed = "  Mike's out,\n\tDave's subbing  ";

        List<Message> window = ConversationWindow.pick(alternating(2, true), typed);

        assertThat(window.get(window.size() - 1)).isEqualTo(Message.user(typed));
    }

    @Test
    void blank_stored_messages_are_left_out() {
        List<Message> stored = List.of(Message.user("u0"), Message.assistant(" "), Message.user("u2"));

        assertThat(texts(ConversationWindow.pick(stored, "new"))).containsExactly("u0", "u2", "new");
    }

    @Test
    void only_assistant_messages_stored_leaves_only_the_new_message() {
        List<Message> stored = List.of(Message.assistant("a0"), Message.assistant("a1"));

        assertThat(ConversationWindow.pick(stored, "new")).containsExactly(Message.user("new"));
    }
}
