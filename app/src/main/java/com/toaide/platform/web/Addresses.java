package com.toaide.platform.web;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** IP address text from headers: recognised and parsed without ever asking DNS. */
final class Addresses {
    private static final int LONGEST = 45;

    private Addresses() {}

    /** IPv4 or IPv6 text by its characters; anything else in a header is not taken as an address. */
    static boolean isLiteral(String text) {
        if (text.length() < 2 || text.length() > LONGEST) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex && c != ':' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /** The address's 4 or 16 bytes, or null when the text is not exactly an address. */
    static byte[] bytes(String text) {
        if (!isLiteral(text)) {
            return null;
        }
        if (text.indexOf(':') < 0) {
            return ipv4(text);
        }
        try {
            // With a ':' in it the JDK parses the text as an IPv6 literal and throws when it is
            // not one; it never falls back to a DNS lookup (which it would for other text).
            byte[] address = InetAddress.getByName(text).getAddress();
            return address;
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    private static byte[] ipv4(String text) {
        byte[] address = new byte[4];
        int part = 0;
        int value = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c == '.') {
                if (value < 0 || part == 4) {
                    return null;
                }
                address[part++] = (byte) value;
                value = -1;
            } else if (c >= '0' && c <= '9') {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return part == 4 ? address : null;
    }
}
