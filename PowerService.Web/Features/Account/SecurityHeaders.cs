using System.Security.Cryptography;

namespace PowerService.Web.Features.Account;

/// <summary>
/// Headers every response carries. The Content-Security-Policy is what Blazor Server and MudBlazor
/// work under: scripts only from this site plus the one inline import map, which carries this
/// request's nonce; inline styles (MudBlazor positions popovers with style attributes); the circuit's
/// WebSocket to this site; no framing, plugins or foreign form targets. Pages and files carry
/// personal data, so nothing but the fingerprinted static assets may be stored by a browser or proxy.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "csp-nonce";

    /// <summary>The nonce of this request's Content-Security-Policy, for the inline import map.</summary>
    public static string CspNonce(this HttpContext context) => (string)context.Items[NonceKey]!;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // Once per request: the error page re-executes the pipeline, and its import map must carry the header's nonce.
        if (context.Items.ContainsKey(NonceKey))
        {
            await next();
            return;
        }
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // The API reference page (Scalar) makes its own nonce for its inline scripts: allowed on that response only.
            var scalar = context.Items[Scalar.AspNetCore.ScalarOptions.NonceHttpContextItemKey] is string other ? $" 'nonce-{other}'" : "";
            headers.ContentSecurityPolicy =
                $"default-src 'self'; script-src 'self' 'nonce-{nonce}'{scalar}; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
                "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            // Static assets set their own caching (fingerprinted, immutable); everything else is personal.
            if (string.IsNullOrEmpty(headers.CacheControl)) headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        await next();
    });
}
