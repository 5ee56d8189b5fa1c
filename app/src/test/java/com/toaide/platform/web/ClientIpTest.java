package com.toaide.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which address counts as the client's, hop by hop; the same rules over HTTP are in TrustedProxyTest. */
class ClientIpTest {
    private static final String SOCKET = "10.0.0.2";

    @Test
    void without_a_trusted_proxy_every_header_is_ignored() {
        var ip = new ClientIp(0);
        assertThat(ip.of(SOCKET, "203.0.113.9", "198.51.100.1")).isEqualTo(SOCKET);
    }

    @Test
    void behind_one_proxy_the_hop_it_added_is_the_client_and_what_the_client_wrote_is_not() {
        var ip = new ClientIp(1);
        assertThat(ip.of(SOCKET, "203.0.113.9", null)).isEqualTo("203.0.113.9");
        assertThat(ip.of(SOCKET, "1.1.1.1, 8.8.8.8,203.0.113.9", null)).isEqualTo("203.0.113.9");
        assertThat(ip.of(SOCKET, "2001:db8::7", null)).isEqualTo("2001:db8::7");
    }

    @Test
    void behind_two_proxies_the_second_hop_from_the_right_is_the_client() {
        var ip = new ClientIp(2);
        assertThat(ip.of(SOCKET, "1.1.1.1, 203.0.113.9, 10.1.2.3", null)).isEqualTo("203.0.113.9");
        // Fewer hops than proxies: every entry was written by one of ours.
        assertThat(ip.of(SOCKET, "203.0.113.9", null)).isEqualTo("203.0.113.9");
    }

    @Test
    void a_hop_that_is_not_an_address_leaves_the_socket_address() {
        var ip = new ClientIp(1);
        assertThat(ip.of(SOCKET, "203.0.113.9, unknown", null)).isEqualTo(SOCKET);
        assertThat(ip.of(SOCKET, "", null)).isEqualTo(SOCKET);
        assertThat(ip.of(SOCKET, null, "203.0.113.9")).isEqualTo(SOCKET);
    }

    @Test
    void cloudflare_names_the_client_only_when_the_request_came_from_cloudflare() {
        var ip = new ClientIp(1);
        // 104.16.0.0/13 and 2606:4700::/32 are Cloudflare's.
        assertThat(ip.of(SOCKET, "104.23.1.2", "203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(ip.of(SOCKET, "2606:4700:10::1", "2001:db8::9")).isEqualTo("2001:db8::9");
        // From anywhere else the header is the client's own word.
        assertThat(ip.of(SOCKET, "104.15.255.255", "203.0.113.9")).isEqualTo("104.15.255.255");
        assertThat(ip.of(SOCKET, "198.51.100.4", "203.0.113.9")).isEqualTo("198.51.100.4");
        // A forged left part never makes a request Cloudflare's.
        assertThat(ip.of(SOCKET, "104.16.0.1, 198.51.100.4", "203.0.113.9")).isEqualTo("198.51.100.4");
        // Cloudflare's hop with a header that is not an address: the Cloudflare hop is counted.
        assertThat(ip.of(SOCKET, "104.16.0.1", "<script>")).isEqualTo("104.16.0.1");
    }

    @Test
    void address_text_is_parsed_strictly_and_without_dns() {
        assertThat(Addresses.bytes("104.16.0.1")).containsExactly(104, 16, 0, 1);
        assertThat(Addresses.bytes("256.1.1.1")).isNull();
        assertThat(Addresses.bytes("1.2.3")).isNull();
        assertThat(Addresses.bytes("1..2.3")).isNull();
        assertThat(Addresses.bytes("1.2.3.4.5")).isNull();
        assertThat(Addresses.bytes("abc")).isNull();
        assertThat(Addresses.bytes("2606:4700::zz")).isNull();
        assertThat(Addresses.bytes("2606:4700::1")).hasSize(16);
    }
}
