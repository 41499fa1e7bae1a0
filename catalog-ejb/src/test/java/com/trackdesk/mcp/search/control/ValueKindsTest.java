package com.trackdesk.mcp.search.control;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A value typed in a request names its kind, which the request's words may not. */
class ValueKindsTest {

    @Test
    void anIpAddressIsAboutAnIp() {
        assertThat(ValueKinds.of("block 198.51.100.7 on every site").kinds()).containsExactly("ip");
        assertThat(ValueKinds.of("allow 10.0.0.0/8").kinds()).containsExactly("ip");
        assertThat(ValueKinds.of("ban 2001:db8::1 now").kinds()).containsExactly("ip");
        assertThat(ValueKinds.of("ban 2001:0db8:85a3:0000:0000:8a2e:0370:7334").kinds()).containsExactly("ip");
    }

    @Test
    void anAddressWithAnAtSignIsAboutAnEmail() {
        assertThat(ValueKinds.of("invite ana.lopez+work@example.co.uk to the team").kinds()).containsExactly("email");
    }

    @Test
    void aWebAddressIsAboutAUrlEvenWithAnIpInside() {
        assertThat(ValueKinds.of("send events to https://10.1.2.3/hook").kinds()).containsExactly("url");
    }

    @Test
    void numbersTimesAndVersionsAreNoneOfThese() {
        assertThat(ValueKinds.of("delete tag 12").kinds()).isEmpty();
        assertThat(ValueKinds.of("clicks between 10:30:00 and 11:00").kinds()).isEmpty();
        assertThat(ValueKinds.of("upgrade to 1.2.3.4.5").kinds()).isEmpty();
        assertThat(ValueKinds.of("price 3.50 for order ext-991").kinds()).isEmpty();
    }

    @Test
    void theValuesAreBlankedOutSoTheirDigitsNameNoItem() {
        assertThat(ValueKinds.of("block 198.51.100.7 on site 12").rest()).doesNotContain("198").contains("12");
    }
}
