using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace PowerService.Web.Features.Account;

/// <summary>
/// The sign-in page's rate limit per client address (ASP.NET Core's rate limiter): 20 attempts
/// and 60 page loads a minute. Per-account slowing is <see cref="SignInThrottle"/>'s.
/// </summary>
public static class SignInRateLimit
{
    public const string Policy = "sign-in";
    public const int PostsPerMinute = 20;
    public const int GetsPerMinute = 60;

    public static RateLimitPartition<string> Partition(HttpContext context)
    {
        var post = HttpMethods.IsPost(context.Request.Method);
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter($"{(post ? "post" : "get")}|{address}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = post ? PostsPerMinute : GetsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }

    public static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var response = rejected.HttpContext.Response;
        response.ContentType = "text/html; charset=utf-8";
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
            response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await response.WriteAsync("""
            <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>请稍后再试 - PowerService</title></head>
            <body style="font-family:sans-serif;padding:3rem"><h1>登录尝试过于频繁</h1><p>请一分钟后再试。如忘记密码，请联系系统管理员重置。</p>
            <p><a href="/account/login">返回登录页</a></p></body></html>
            """, ct);
    }
}
