package com.toaide.ai;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a turn cost, in USD, from the list price per million tokens of each model. A model id
 * with a date suffix ({@code claude-sonnet-4-5-20250929}) takes the price of its longest
 * listed prefix. An unknown model (a local one) costs 0 and is logged.
 */
public final class PriceTable {
    private static final Logger LOG = LoggerFactory.getLogger(PriceTable.class);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    /** USD per million tokens. */
    public record Price(BigDecimal input, BigDecimal output, BigDecimal cacheWrite, BigDecimal cacheRead) {
        static Price of(String input, String output, String cacheWrite, String cacheRead) {
            return new Price(new BigDecimal(input), new BigDecimal(output), new BigDecimal(cacheWrite), new BigDecimal(cacheRead));
        }
    }

    private final Map<String, Price> prices;

    public PriceTable(Map<String, Price> prices) {
        this.prices = Map.copyOf(prices);
    }

    /** List prices as of late 2025 (cache writes at the 5-minute rate). */
    public static PriceTable standard() {
        return new PriceTable(Map.of(
                "claude-haiku-4-5", Price.of("1", "5", "1.25", "0.10"),
                "claude-sonnet-4-5", Price.of("3", "15", "3.75", "0.30"),
                "claude-sonnet-4", Price.of("3", "15", "3.75", "0.30"),
                "claude-opus-4-5", Price.of("5", "25", "6.25", "0.50"),
                "claude-3-5-haiku", Price.of("0.80", "4", "1", "0.08"),
                "gpt-4o", Price.of("2.50", "10", "0", "1.25"),
                "gpt-4o-mini", Price.of("0.15", "0.60", "0", "0.075")));
    }

    /** The cost in USD, to 6 decimal places. */
    public BigDecimal cost(Usage usage, String model) {
        Price price = priceOf(model);
        if (price == null) {
            LOG.info("no price for model {}; its turns cost 0", model);
            return BigDecimal.ZERO.setScale(6);
        }
        BigDecimal total = price.input().multiply(BigDecimal.valueOf(usage.inputTokens()))
                .add(price.output().multiply(BigDecimal.valueOf(usage.outputTokens())))
                .add(price.cacheWrite().multiply(BigDecimal.valueOf(usage.cacheWriteTokens())))
                .add(price.cacheRead().multiply(BigDecimal.valueOf(usage.cacheReadTokens())));
        return total.divide(MILLION, 6, RoundingMode.HALF_UP);
    }

    private Price priceOf(String model) {
        if (model == null) {
            return null;
        }
        Price exact = prices.get(model);
        if (exact != null) {
            return exact;
        }
        String best = null;
        for (String listed : prices.keySet()) {
            if (model.startsWith(listed + "-") && (best == null || listed.length() > best.length())) {
                best = listed;
            }
        }
        return best == null ? null : prices.get(best);
    }
}
