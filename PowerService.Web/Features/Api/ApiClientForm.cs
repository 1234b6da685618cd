using PowerService.Domain.Complaints;
using PowerService.Domain.Text;

namespace PowerService.Web.Features.Api;

/// <summary>What an admin sets for an API client.</summary>
public sealed record ApiClientForm(string? Name, IReadOnlyCollection<Channel> Channels, IReadOnlyCollection<string> Scopes, string? Department, int RequestsPerMinute)
{
    public const int MaxRate = 60_000;

    public IReadOnlyList<FieldError> Check(IReadOnlyCollection<string> departments)
    {
        var errors = new List<FieldError>();
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add(new(nameof(Name), "请填写客户端名称（如 12398 转办平台）"));
        else if (name.Length > 40) errors.Add(new(nameof(Name), "客户端名称最多 40 字"));
        if (Channels.Count == 0) errors.Add(new(nameof(Channels), "请至少选择一个渠道"));
        if (Scopes.Count == 0) errors.Add(new(nameof(Scopes), "请至少选择一项权限"));
        else if (Scopes.FirstOrDefault(s => !ApiScopes.All.Contains(s)) is { } unknown) errors.Add(new(nameof(Scopes), $"未知的权限范围“{unknown}”"));
        if (string.IsNullOrWhiteSpace(Department)) errors.Add(new(nameof(Department), "请选择承办部门"));
        else if (!departments.Contains(Department)) errors.Add(new(nameof(Department), $"部门“{Department}”不存在"));
        if (RequestsPerMinute is < 1 or > MaxRate) errors.Add(new(nameof(RequestsPerMinute), $"调用频率为每分钟 1–{MaxRate:N0} 次"));
        return errors;
    }
}
