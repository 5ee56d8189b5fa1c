package com.toaide.platform.web;

import java.util.List;

/**
 * The addresses Cloudflare connects from, as it publishes them at cloudflare.com/ips-v4 and
 * /ips-v6 (unchanged since 2023). Only a request whose nearest untrusted hop is one of these may
 * name its client with {@code CF-Connecting-IP}. Cloudflare changes the list rarely and
 * announces it; an address missing here only means such a request is counted by the
 * Cloudflare address it came from (stricter, never looser).
 */
final class CloudflareRanges {
    private static final List<Range> RANGES = List.of(
            "173.245.48.0/20", "103.21.244.0/22", "103.22.200.0/22", "103.31.4.0/22",
            "141.101.64.0/18", "108.162.192.0/18", "190.93.240.0/20", "188.114.96.0/20",
            "197.234.240.0/22", "198.41.128.0/17", "162.158.0.0/15", "104.16.0.0/13",
            "104.24.0.0/14", "172.64.0.0/13", "131.0.72.0/22",
            "2400:cb00::/32", "2606:4700::/32", "2803:f800::/32", "2405:b500::/32",
            "2405:8100::/32", "2a06:98c0::/29", "2c0f:f248::/32")
            .stream().map(Range::parse).toList();

    private CloudflareRanges() {}

    static boolean contains(String address) {
        byte[] bytes = Addresses.bytes(address);
        if (bytes == null) {
            return false;
        }
        for (Range range : RANGES) {
            if (range.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    private record Range(byte[] network, int prefix) {
        static Range parse(String cidr) {
            int slash = cidr.indexOf('/');
            return new Range(Addresses.bytes(cidr.substring(0, slash)), Integer.parseInt(cidr.substring(slash + 1)));
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }
}
