package com.toaide.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StoredMessagesTest {
    static TurnDao.ChatRow row(String role, String text) {
        return new TurnDao.ChatRow(role, text);
    }

    @Test
    void notices_are_left_out_and_lines_of_one_role_in_a_row_become_one_message() {
        var messages = TurnService.storedMessages(List.of(
                row("user", "Poker on Thursday"),
                row("voice", "Thursday Poker: 10 players."),
                row("voice", "Buy-in $20."),
                row("user", "Mike's out"),
                row("notice", "The answer was cut off."),
                row("user", "Mike's out this week"),
                row("voice", "Out: Mike.")));

        assertThat(messages).containsExactly(
                Message.user("Poker on Thursday"),
                Message.assistant("Thursday Poker: 10 players.\nBuy-in $20."),
                Message.user("Mike's out\nMike's out this week"),
                Message.assistant("Out: Mike."));
    }

    @Test
    void an_empty_conversation_gives_no_messages() {
        assertThat(TurnService.storedMessages(List.of())).isEmpty();
    }
}
