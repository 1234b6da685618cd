using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace PowerService.Web.Features.Api;

/// <summary>
/// Each API client's own rate, set by its admin in calls per minute: a token bucket that refills
/// evenly over the minute and lets a client catch up a burst of about ten seconds' worth. A client
/// over its rate gets 429 with Retry-After and leaves every other client's rate untouched.
/// </summary>
public static class ApiRateLimit
{
    public const string Policy = "api-client";

    public static RateLimitPartition<string> Partition(HttpContext context)
    {
        var id = context.User.FindFirst(ApiKeyAuthentication.ClientIdClaim)?.Value;
        if (id is null || !int.TryParse(context.User.FindFirst(ApiKeyAuthentication.RateClaim)?.Value, CultureInfo.InvariantCulture, out var perMinute))
            return RateLimitPartition.GetNoLimiter("unauthenticated"); // refused by authorization before any work is done
        // The rate is part of the key: an admin's new rate takes effect on the next call, with a fresh bucket.
        return RateLimitPartition.GetTokenBucketLimiter($"{id}/{perMinute}", _ => Options(perMinute));
    }

    public static TokenBucketRateLimiterOptions Options(int perMinute)
    {
        perMinute = Math.Max(1, perMinute);
        var (period, tokens) = perMinute <= 60
            ? (TimeSpan.FromSeconds(60.0 / perMinute), 1)
            : (TimeSpan.FromSeconds(1), (int)Math.Ceiling(perMinute / 60.0));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(Math.Min(perMinute, 10), perMinute / 6),
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }

    public static Task RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 1;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return ApiProblems.Write(context, StatusCodes.Status429TooManyRequests, "请求过于频繁",
            $"已超过该接口客户端的调用频率上限，请 {seconds} 秒后重试。如需提高上限，请联系系统管理员。");
    }
}
