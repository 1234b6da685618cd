using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace PowerService.Web.Features.Api;

/// <summary>
/// Authenticates API calls by key: "Authorization: Bearer psk_…" or "X-Api-Key: psk_…". Only the API
/// endpoints use this scheme; staff pages keep the sign-in cookie. Refusals are problem details in
/// Chinese, never the sign-in page a browser would be sent to.
/// </summary>
public sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiClientDirectory clients)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string ClientIdClaim = "api_client_id";
    public const string RateClaim = "api_rate";

    /// <summary>The key prefix a call presented, kept for the call log even when no client matched.</summary>
    public const string PresentedPrefixItem = "api-key-prefix";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Presented(Request);
        if (presented is null) return AuthenticateResult.NoResult();
        Context.Items[PresentedPrefixItem] = ApiKeys.PrefixOf(presented);
        if (await clients.FindAsync(presented, Context.RequestAborted) is not { } client)
            return AuthenticateResult.Fail("unknown or revoked key");

        Claim[] claims =
        [
            new(ClaimTypes.NameIdentifier, "api:" + client.Id),
            new(ClaimTypes.Name, client.Name),
            new(ClientIdClaim, client.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(RateClaim, client.RequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            .. client.Scopes.Select(s => new Claim(ApiScopes.ClaimType, s)),
        ];
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    private static string? Presented(HttpRequest request)
    {
        if (request.Headers[HeaderName].ToString() is { Length: > 0 } header) return header.Trim();
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var detail = Presented(Request) is null
            ? "缺少接口密钥：请在请求头 Authorization: Bearer <密钥> 或 X-Api-Key 中提供。"
            : "接口密钥无效或已被吊销，请联系系统管理员重新签发。";
        return ApiProblems.Write(Context, StatusCodes.Status401Unauthorized, "未通过身份验证", detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.Write(Context, StatusCodes.Status403Forbidden, "无权执行此操作", "该接口客户端未获准执行此操作（缺少相应权限范围），请联系系统管理员。");
}
