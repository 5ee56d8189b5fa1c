package com.toaide.render;

import com.toaide.kernel.Entity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A block's money fields: the keys its {@code _kinds} hint marks {@code "buy_ins:money"} show a
 * number with two decimals ("1,200.50"), with the currency of the block's {@code _currency}
 * hint, an ISO 4217 code, in front ("$1,200.50", "€1,200.50", "CHF 1,200.50"). Money is stored
 * as a plain number; how it reads is the block's business. A block without money fields gets
 * {@link #NONE}, so pages without the hint pay one lookup.
 */
final class Money {
    static final Money NONE = new Money(Map.of());

    /** Symbols written before the amount; other ISO 4217 codes are written as "CHF 20.00". */
    private static final Map<String, String> SYMBOLS = Map.of(
            "USD", "$", "EUR", "€", "GBP", "£", "JPY", "¥", "INR", "₹",
            "CAD", "CA$", "AUD", "A$", "NZD", "NZ$", "MXN", "MX$", "BRL", "R$");
    /** Currencies counted in whole units. */
    private static final Map<String, Integer> WHOLE = Map.of("JPY", 0, "KRW", 0, "ISK", 0, "HUF", 0);

    private final Map<String, Currency> fields;

    private record Currency(String prefix, int decimals) {}

    private Money(Map<String, Currency> fields) {
        this.fields = fields;
    }

    static Money of(Entity block) {
        JsonNode kinds = block.prop("_kinds");
        if (kinds == null) {
            return NONE;
        }
        Currency currency = null;
        Map<String, Currency> fields = new HashMap<>();
        for (String entry : Props.strings(kinds)) {
            int colon = entry.lastIndexOf(':');
            if (colon > 0 && entry.startsWith("money", colon + 1) && entry.length() == colon + 6) {
                if (currency == null) {
                    currency = currency(block.prop("_currency"));
                }
                fields.put(entry.substring(0, colon), currency);
            }
        }
        return fields.isEmpty() ? NONE : new Money(fields);
    }

    private static Currency currency(JsonNode hint) {
        String code = hint != null && hint.isString() ? hint.stringValue().strip().toUpperCase(Locale.ROOT) : "";
        if (!code.matches("[A-Z]{3}")) {
            return new Currency("", 2);
        }
        String symbol = SYMBOLS.get(code);
        return new Currency(symbol != null ? symbol : code + " ", WHOLE.getOrDefault(code, 2));
    }

    /** {@code v} as money when {@code key} is a money field and {@code v} a finite number; else null. */
    String format(String key, JsonNode v) {
        Currency currency = fields.isEmpty() || v == null || !v.isNumber() ? null : fields.get(key);
        if (currency == null || (v.isDouble() || v.isFloat()) && !Double.isFinite(v.doubleValue())) {
            return null;
        }
        BigDecimal amount = v.decimalValue().setScale(currency.decimals(), RoundingMode.HALF_UP);
        String plain = amount.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot);
        return (amount.signum() < 0 ? "-" : "") + currency.prefix() + Numbers.group(whole) + fraction;
    }
}
