package com.trackdesk.mcp.authorization.control;

/**
 * The sign-in page at the authorization endpoint: names the Trackdesk program and the client asking, says where a
 * personal access token is made, and has one password field for it, a read-only choice and a CSRF-protected POST.
 * Plain HTML with no script; labels, a live error region and a visible focus for keyboard and screen-reader use.
 * Every inserted value is escaped ({@link HtmlText}); the token is never written into the page.
 */
public final class SignInPage {

    private SignInPage() {
    }

    /**
     * @param sealedRequest the sealed authorization request with the CSRF nonce (hidden field)
     * @param readOnlyOnly  the client asked only for read-only access, so "full access" is not offered
     * @param problem       a message to show above the form (wrong token, throttled), or null
     */
    public static String form(String tenant, String clientName, String clientHost, String sealedRequest,
                              boolean readOnlyOnly, boolean readOnlyChosen, String problem) {
        String error = problem == null ? "" : "<p class=\"error\" role=\"alert\" id=\"problem\">" + HtmlText.escape(problem) + "</p>";
        String access = readOnlyOnly
                ? "<p class=\"note\">This app asks for <strong>read-only</strong> access: it can look at data but not change it.</p>"
                + "<input type=\"hidden\" name=\"access\" value=\"read\">"
                : "<fieldset><legend>Access</legend>"
                + "<label><input type=\"radio\" name=\"access\" value=\"full\"" + (readOnlyChosen ? "" : " checked")
                + "> Full access: read and change data</label>"
                + "<label><input type=\"radio\" name=\"access\" value=\"read\"" + (readOnlyChosen ? " checked" : "")
                + "> Read-only: look at data, never change it</label></fieldset>";
        return page("Connect " + clientName + " to Trackdesk",
                "<h1>Connect to Trackdesk</h1>"
                        + "<p><strong>" + HtmlText.escape(clientName) + "</strong>"
                        + (clientHost == null ? "" : " <span class=\"muted\">(" + HtmlText.escape(clientHost) + ")</span>")
                        + " asks to work with the Trackdesk program <strong>" + HtmlText.escape(tenant) + "</strong> "
                        + "on your behalf.</p>"
                        + error
                        + "<form method=\"post\" action=\"/oauth/authorize\">"
                        + "<input type=\"hidden\" name=\"request\" value=\"" + HtmlText.escape(sealedRequest) + "\">"
                        + "<label for=\"api_key\">Personal access token</label>"
                        + "<input type=\"password\" id=\"api_key\" name=\"api_key\" required autocomplete=\"off\" "
                        + "spellcheck=\"false\" autofocus" + (problem == null ? "" : " aria-describedby=\"problem\"") + ">"
                        + "<p class=\"hint\">Create one in Trackdesk under <strong>Settings → Integrations → Personal access "
                        + "tokens</strong>. It is checked with Trackdesk once and then travels only inside this app's "
                        + "encrypted sign-in; this server stores it nowhere.</p>"
                        + access
                        + "<div class=\"actions\"><button type=\"submit\" name=\"decision\" value=\"allow\">Connect</button>"
                        + "<button type=\"submit\" name=\"decision\" value=\"deny\" class=\"secondary\" formnovalidate>Cancel"
                        + "</button></div></form>");
    }

    /** A page for problems that cannot go back to the client (unknown client, wrong redirect URI, expired form). */
    public static String problem(String title, String message) {
        return page(title, "<h1>" + HtmlText.escape(title) + "</h1><p class=\"error\" role=\"alert\">"
                + HtmlText.escape(message) + "</p><p>Start again from your assistant's connector settings.</p>");
    }

    private static String page(String title, String main) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + HtmlText.escape(title) + "</title><style>"
                + "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;background:#f4f6fb;color:#1c2333;"
                + "margin:0;display:flex;justify-content:center;padding:3rem 1rem}"
                + "main{background:#fff;max-width:30rem;width:100%;padding:2rem;border-radius:12px;"
                + "box-shadow:0 2px 12px rgba(20,30,60,.12)}"
                + "h1{font-size:1.4rem;margin-top:0;color:#2b3a8c}label{display:block;font-weight:600;margin:.8rem 0 .3rem}"
                + "fieldset label{font-weight:400}fieldset{border:1px solid #d5dbea;border-radius:8px;margin:1rem 0}"
                + "input[type=password]{width:100%;box-sizing:border-box;padding:.6rem;font-size:1rem;border:1px solid #9aa6c4;"
                + "border-radius:6px}:focus-visible{outline:3px solid #f2a900;outline-offset:2px}"
                + ".hint,.muted,.note{color:#4a5575;font-size:.9rem}.error{color:#a4161a;background:#fdecec;padding:.6rem;"
                + "border-radius:6px}.actions{display:flex;gap:.6rem;margin-top:1.2rem}"
                + "button{font-size:1rem;padding:.6rem 1.2rem;border-radius:6px;border:0;background:#2b3a8c;color:#fff;"
                + "cursor:pointer}button.secondary{background:#e4e8f3;color:#1c2333}"
                + "</style></head><body><main>" + main + "</main></body></html>";
    }
}
