package com.trackdesk.mcp.search.control;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Values typed in a request say what kind of thing they are, even when the request never names it: "block
 * 198.51.100.7 on every site" is about an IP address, "invite ana@example.com" about an email address, "point the hook
 * at https://example.com/in" about a URL. The plain word for each kind joins the words searched for, so the operations
 * that take such a thing can be found; and a value is not mistaken for an item's number ("198" of the address).
 */
final class ValueKinds {

    /** One to four hex digits of an IPv6 address. */
    private static final String HEX = "[0-9a-f]{1,4}";

    private record Kind(Pattern pattern, String word) {
    }

    private static final List<Kind> KINDS = List.of(
            // before the IP patterns, so an address inside a URL counts as the URL
            new Kind(Pattern.compile("(?i)\\bhttps?://\\S+"), "url"),
            new Kind(Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+"), "email"),
            // four dotted numbers (1.2.3.4, 10.0.0.0/8), not part of a longer dotted run such as a version 1.2.3.4.5
            new Kind(Pattern.compile("(?<![\\p{N}.])(?:\\d{1,3}\\.){3}\\d{1,3}(?:/\\d{1,2})?(?!\\p{N}|\\.\\p{N})"), "ip"),
            // eight hex groups, or fewer around "::" (2001:db8::1); a time of day (10:30:00) is neither
            new Kind(Pattern.compile("(?i)(?<![\\p{L}\\p{N}:])(?:" + HEX + "(?::" + HEX + "){7}|" + HEX + "(?::" + HEX + ")*::(?:"
                    + HEX + "(?::" + HEX + ")*)?|::" + HEX + "(?::" + HEX + ")*)(?:/\\d{1,3})?(?![\\p{L}\\p{N}:])"), "ip"));

    /**
     * @param kinds the kinds of the values the request contains, each once, in a fixed order
     * @param rest  the request with those values blanked out
     */
    record TypedValues(List<String> kinds, String rest) {
    }

    private ValueKinds() {
    }

    /** Finds the values in one pass over the kinds, each kind blanked out before the next is looked for. */
    static TypedValues of(String text) {
        var kinds = new LinkedHashSet<String>();
        var rest = text;
        for (var kind : KINDS) {
            var matcher = kind.pattern().matcher(rest);
            if (matcher.find()) {
                kinds.add(kind.word());
                rest = matcher.replaceAll(" ");
            }
        }
        return new TypedValues(List.copyOf(kinds), rest);
    }
}
