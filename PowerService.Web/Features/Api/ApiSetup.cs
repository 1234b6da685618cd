using System.Diagnostics;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.OpenApi;
using PowerService.Web.Data;

namespace PowerService.Web.Features.Api;

/// <summary>The API's wiring: key authentication, scope policies, the call log, the OpenAPI document and its reference page.</summary>
public static class ApiSetup
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/{documentName}.json";
    public const string ReferencePath = "/admin/api-reference";

    public static IServiceCollection AddWorkOrderApi(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        var authorization = services.AddAuthorizationBuilder();
        foreach (var scope in ApiScopes.All)
            authorization.AddPolicy(ApiScopes.Policy(scope), policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName)
                .RequireAuthenticatedUser()
                .RequireClaim(ApiScopes.ClaimType, scope));
        services.AddHostedService(sp => sp.GetRequiredService<ApiCallJournal>()); // writes the call log in the background
        services.AddOpenApi(DocumentName, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "PowerService 工单接口",
                    Version = DocumentName,
                    Description = "供 12398、12345、95598 等上级系统提交投诉工单、查询办理状态。每次调用须在请求头携带管理员签发的接口密钥"
                        + "（Authorization: Bearer psk_… 或 X-Api-Key: psk_…），并受该客户端的权限范围和调用频率限制；所有调用均记入接口调用日志。"
                        + "错误以 RFC 9457 problem details 返回，字段错误在 errors 中给出中文说明。",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyAuthentication.SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "管理员在“接口客户端”页面签发的密钥，形如 psk_xxxxxxxx_…。也可放在请求头 X-Api-Key 中。",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyAuthentication.SchemeName, document)] = [] }];
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>
    /// Logs every call under the API's path when it ends (refused keys and rate-limited calls too), and
    /// answers every error there as a problem in Chinese: the status-code pages (HTML) are for people.
    /// An exception is logged and answered 500 — the order may be resent safely, it is idempotent.
    /// </summary>
    public static IApplicationBuilder UseApiCallLog(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments(WorkOrderApi.Base), branch => branch.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            var at = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            if (context.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
            try
            {
                await next();
            }
            catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                context.RequestServices.GetRequiredService<ILogger<ApiCallJournal>>().LogError(ex, "API call {Method} {Path} failed", context.Request.Method, context.Request.Path);
                context.Response.Clear();
                await ApiProblems.Write(context, StatusCodes.Status500InternalServerError, "服务器内部错误",
                    "处理失败，请稍后用同一上级工单编号重试（不会重复登记）；如仍失败请联系系统管理员。");
            }
            finally
            {
                context.RequestServices.GetRequiredService<ApiCallJournal>().Record(CallOf(context, at, Stopwatch.GetElapsedTime(started)));
            }
        }));

    private static ApiCallRecord CallOf(HttpContext context, DateTimeOffset at, TimeSpan took)
    {
        var user = context.User;
        int? clientId = int.TryParse(user.FindFirst(ApiKeyAuthentication.ClientIdClaim)?.Value, out var id) ? id : null;
        var path = context.Request.Path.Value ?? "";
        return new ApiCallRecord
        {
            At = at,
            ClientId = clientId,
            Caller = clientId is null ? context.Items[ApiKeyAuthentication.PresentedPrefixItem] as string ?? "未识别" : user.Identity!.Name!,
            Method = context.Request.Method,
            Path = path.Length <= 200 ? path : path[..200],
            Status = context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted ? 499 : context.Response.StatusCode,
            UpstreamReference = context.Items[WorkOrderApi.ReferenceItem] as string,
            Number = context.Items[WorkOrderApi.NumberItem] as string,
            DurationMs = (int)Math.Min(int.MaxValue, took.TotalMilliseconds),
            Address = context.Connection.RemoteIpAddress?.ToString(),
        };
    }
}
