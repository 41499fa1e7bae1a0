package com.trackdesk.mcp.search.control;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A value typed in a request names its kind, which the request's words may not. */
class ValueKindsTest {

    @Test
    void anIpAddressIsAboutAnIp() {
        assertThat(ValueKinds.in("block 198.51.100.7 on every site")).containsExactly("ip");
        assertThat(ValueKinds.in("allow 10.0.0.0/8")).containsExactly("ip");
        assertThat(ValueKinds.in("ban 2001:db8::1 now")).containsExactly("ip");
        assertThat(ValueKinds.in("ban 2001:0db8:85a3:0000:0000:8a2e:0370:7334")).containsExactly("ip");
    }

    @Test
    void anAddressWithAnAtSignIsAboutAnEmail() {
        assertThat(ValueKinds.in("invite ana.lopez+work@example.co.uk to the team")).containsExactly("email");
    }

    @Test
    void aWebAddressIsAboutAUrlEvenWithAnIpInside() {
        assertThat(ValueKinds.in("send events to https://10.1.2.3/hook")).containsExactly("url");
    }

    @Test
    void numbersTimesAndVersionsAreNoneOfThese() {
        assertThat(ValueKinds.in("delete tag 12")).isEmpty();
        assertThat(ValueKinds.in("clicks between 10:30:00 and 11:00")).isEmpty();
        assertThat(ValueKinds.in("upgrade to 1.2.3.4.5")).isEmpty();
        assertThat(ValueKinds.in("price 3.50 for order ext-991")).isEmpty();
    }

    @Test
    void theValuesAreBlankedOutSoTheirDigitsNameNoItem() {
        assertThat(ValueKinds.without("block 198.51.100.7 on site 12")).doesNotContain("198").contains("12");
    }
}
