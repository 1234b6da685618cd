using PowerService.Domain.Complaints;

namespace PowerService.Web.Data;

/// <summary>
/// An upstream system allowed to call the work-order API (the 12398 platform, the 12345 hotline, the
/// company's app). Only the key's SHA-256 is stored: the key itself is shown once, when it is issued.
/// A revoked client stays, so the call log and the receipts that name it stay true.
/// </summary>
public sealed class ApiClientRecord
{
    public int Id { get; set; }
    public string Name { get; set; } = "";

    /// <summary>The key's public part ("psk_" and 8 characters), by which a call finds its client; shown in lists and logs.</summary>
    public string KeyPrefix { get; set; } = "";

    /// <summary>SHA-256 of the whole key, lower-case hex.</summary>
    public string KeyHash { get; set; } = "";
    public DateTimeOffset KeyIssuedAt { get; set; }

    /// <summary>What the client may do: <see cref="Features.Api.ApiScopes"/>.</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>The channels whose work orders it sends and whose status it may read.</summary>
    public List<Channel> Channels { get; set; } = [];

    /// <summary>The department that receives its work orders (their SLA schedule and first handling).</summary>
    public string Department { get; set; } = "";
    public int RequestsPerMinute { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }

    /// <summary>Counts every change: an admin's edit made on a stale copy is refused, not silently lost.</summary>
    public int Revision { get; set; }

    public bool IsActive => RevokedAt is null;
}

/// <summary>
/// One call to the API, whoever made it and however it ended (refused keys and rate-limited calls
/// included). Never the body: what a call carried is on the complaint it created.
/// </summary>
public sealed class ApiCallRecord
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public int? ClientId { get; set; }

    /// <summary>The client's name, or the key prefix presented when no client matched ("未识别").</summary>
    public string Caller { get; set; } = "";
    public string Method { get; set; } = "";
    public string Path { get; set; } = "";
    public int Status { get; set; }
    public string? UpstreamReference { get; set; }
    public string? Number { get; set; }
    public int DurationMs { get; set; }
    public string? Address { get; set; }
}
