namespace PowerService.Web.Features.Api;

/// <summary>What an API client may do. A client holds only the scopes its admin gave it.</summary>
public static class ApiScopes
{
    /// <summary>Send work orders (POST /api/v1/workorders).</summary>
    public const string WriteWorkOrders = "workorders:write";

    /// <summary>Read the status of the work orders of its channels (GET …).</summary>
    public const string ReadWorkOrders = "workorders:read";

    public static readonly IReadOnlyList<string> All = [WriteWorkOrders, ReadWorkOrders];

    public static string Label(string scope) => scope switch
    {
        WriteWorkOrders => "提交工单",
        ReadWorkOrders => "查询办理状态",
        _ => scope,
    };

    /// <summary>The claim an authenticated call carries once per scope, and the policy that requires it.</summary>
    public const string ClaimType = "scope";
    public static string Policy(string scope) => "api:" + scope;
}
