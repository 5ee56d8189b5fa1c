package com.toaide.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriceTableTest {
    final PriceTable prices = PriceTable.standard();

    @Test
    void a_turn_costs_each_kind_of_token_at_its_price_per_million() {
        // 1,862 in at $3, 2,484 out at $15, 3,214 cache writes at $3.75: $0.0548985, rounded half up
        BigDecimal cost = prices.cost(new Usage(1862, 2484, 3214, 0), "claude-sonnet-4-5");

        assertThat(cost).isEqualByComparingTo("0.054899");
    }

    @Test
    void cache_reads_cost_a_tenth_of_input() {
        assertThat(prices.cost(new Usage(0, 0, 0, 1_000_000), "claude-haiku-4-5")).isEqualByComparingTo("0.10");
        assertThat(prices.cost(new Usage(1_000_000, 0, 0, 0), "claude-haiku-4-5")).isEqualByComparingTo("1");
    }

    @Test
    void a_dated_model_id_takes_the_price_of_its_longest_listed_prefix() {
        Usage million = new Usage(0, 1_000_000, 0, 0);

        assertThat(prices.cost(million, "claude-sonnet-4-5-20250929")).isEqualByComparingTo("15");
        assertThat(prices.cost(million, "gpt-4o-mini-2024-07-18")).isEqualByComparingTo("0.60");
        assertThat(prices.cost(million, "gpt-4o-2024-08-06")).isEqualByComparingTo("10");
    }

    @Test
    void an_unknown_model_costs_nothing() {
        assertThat(prices.cost(new Usage(5000, 5000, 0, 0), "qwen2.5-7b-instruct")).isEqualByComparingTo("0");
        assertThat(prices.cost(new Usage(5000, 5000, 0, 0), null)).isEqualByComparingTo("0");
    }

    @Test
    void a_table_can_be_given_its_own_prices() {
        PriceTable table = new PriceTable(Map.of("local", PriceTable.Price.of("0", "1", "0", "0")));

        assertThat(table.cost(new Usage(10, 2_000_000, 0, 0), "local")).isEqualByComparingTo("2");
    }
}
