using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using PowerService.Domain.Text;

namespace PowerService.Web.Features.Api;

/// <summary>
/// The work-order API, version 1: upstream systems send work orders and read their status. Every
/// endpoint needs a key with the right scope, runs under the client's rate, and is on the call log.
/// </summary>
public static class WorkOrderApi
{
    public const string Base = "/api/v1";
    public const int MaxBodyBytes = 64 * 1024;
    public const string ReferenceItem = "api-reference", NumberItem = "api-number";

    public static void MapWorkOrderApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Base).WithTags("工单").RequireRateLimiting(ApiRateLimit.Policy).DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapPost("/workorders", SubmitAsync)
            .RequireAuthorization(ApiScopes.Policy(ApiScopes.WriteWorkOrders))
            // The body is read by the handler (so that bad JSON is said in Chinese at its field) and described
            // here; .Accepts<T>() would also make routing refuse other content types before the handler could say why.
            .AddOpenApiOperationTransformer(async (operation, context, ct) =>
            {
                var schema = await context.GetOrCreateSchemaAsync(typeof(WorkOrderRequest), null, ct);
                context.Document!.AddComponent(nameof(WorkOrderRequest), schema);
                operation.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType>
                    {
                        ["application/json"] = new() { Schema = new Microsoft.OpenApi.OpenApiSchemaReference(nameof(WorkOrderRequest), context.Document) },
                    },
                };
            })
            .Produces<WorkOrderStatus>(StatusCodes.Status201Created)
            .Produces<WorkOrderStatus>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxBodyBytes))
            .WithName("SubmitWorkOrder")
            .WithSummary("提交外部工单")
            .WithDescription("登记一件外部工单为投诉，并按管理员的规则自动派单、识别舆情风险和重复投诉。按“渠道 + 上级工单编号”幂等："
                + "首次登记返回 201 和投诉编号；重复发送返回 200 和原投诉编号，不会重复登记。内容有误时返回 400，errors 中为每个字段的中文说明，未登记任何内容。"
                + "服务器出错或超时后，请用同一上级工单编号重试。");

        // Both status reads: the read scope, a status or a 404 problem, and only the client's own channels.
        static RouteHandlerBuilder StatusRead(RouteHandlerBuilder endpoint) => endpoint
            .RequireAuthorization(ApiScopes.Policy(ApiScopes.ReadWorkOrders))
            .Produces<WorkOrderStatus>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("只能查询本客户端已开通渠道的工单；不返回客户个人信息。");
        StatusRead(api.MapGet("/workorders/{number}", StatusAsync)).WithName("GetWorkOrder").WithSummary("按投诉编号查询办理状态");
        StatusRead(api.MapGet("/workorders/by-reference/{reference}", StatusByReferenceAsync))
            .WithName("GetWorkOrderByReference").WithSummary("按上级工单编号查询办理状态");

        // Anything else under /api is a problem in Chinese, not the sign-in page or an HTML 404.
        app.MapFallback(Base + "/{**rest}", () => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "接口不存在",
            detail: "没有这个接口路径或请求方法，请查阅接口文档。")).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> SubmitAsync(HttpContext context, ApiClientDirectory clients, WorkOrderApiService service, CancellationToken ct)
    {
        if (await ClientOf(context, clients, ct) is not { } client) return Revoked();
        if (!context.Request.HasJsonContentType())
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "请求格式不支持", detail: "请以 Content-Type: application/json 提交工单。");

        WorkOrderRequest? request;
        try
        {
            request = await context.Request.ReadFromJsonAsync<WorkOrderRequest>(ct);
        }
        catch (JsonException ex)
        {
            return NotReadable(ex);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "请求正文过大", detail: $"一件工单的请求正文不能超过 {MaxBodyBytes / 1024} KB。");
        }
        if (request is null) return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "请求正文为空", detail: "请在请求正文中以 JSON 提交工单。");
        context.Items[ReferenceItem] = TextRules.Clean(request.UpstreamReference) is { } reference ? reference[..Math.Min(reference.Length, 40)] : null;

        var submission = await service.SubmitAsync(request, client, ct);
        if (submission.Status is not { } status)
        {
            if (submission.Errors.TryGetValue("", out var general))
                return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "暂时无法登记", detail: string.Join("；", general) + "（可用同一上级工单编号重试，不会重复登记）");
            return Results.ValidationProblem(submission.Errors, title: "工单内容有误，未登记", detail: "请按 errors 中各字段的说明改正后重新提交。");
        }
        context.Items[NumberItem] = status.Number;
        return status.Created == true ? Results.Created($"{Base}/workorders/{status.Number}", status) : Results.Ok(status);
    }

    private static async Task<IResult> StatusAsync(string number, HttpContext context, ApiClientDirectory clients, WorkOrderApiService service, CancellationToken ct)
    {
        if (await ClientOf(context, clients, ct) is not { } client) return Revoked();
        context.Items[NumberItem] = number.Length <= 15 ? number : null;
        return await service.StatusAsync(number, client, ct) is { } status ? Results.Ok(status) : NotFound("投诉编号");
    }

    private static async Task<IResult> StatusByReferenceAsync(string reference, HttpContext context, ApiClientDirectory clients, WorkOrderApiService service, CancellationToken ct)
    {
        if (await ClientOf(context, clients, ct) is not { } client) return Revoked();
        context.Items[ReferenceItem] = reference.Length <= 40 ? reference : null;
        if (await service.StatusByReferenceAsync(reference, client, ct) is not { } status) return NotFound("上级工单编号");
        context.Items[NumberItem] = status.Number;
        return Results.Ok(status);
    }

    /// <summary>The client the call authenticated as, still active (a key revoked since the call began is refused).</summary>
    private static async Task<ApiClient?> ClientOf(HttpContext context, ApiClientDirectory clients, CancellationToken ct) =>
        int.TryParse(context.User.FindFirst(ApiKeyAuthentication.ClientIdClaim)?.Value, out var id) ? await clients.FindAsync(id, ct) : null;

    private static ProblemHttpResult Revoked() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "未通过身份验证", detail: "接口密钥无效或已被吊销，请联系系统管理员重新签发。");

    private static ProblemHttpResult NotFound(string by) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "未找到工单", detail: $"没有该{by}的工单，或它不属于本客户端已开通的渠道。");

    /// <summary>A body that is not JSON, or a value of the wrong type: said at its field where the reader knows it.</summary>
    private static IResult NotReadable(JsonException ex)
    {
        // A value of the wrong type is reported so ("could not be converted"); anything else is broken JSON.
        var wrongType = ex.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal);
        var field = ex.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
        if (!wrongType || field is null || ex.Path!.Contains('[', StringComparison.Ordinal))
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "请求正文不是有效的 JSON",
                detail: $"请检查第 {(ex.LineNumber ?? 0) + 1} 行第 {(ex.BytePositionInLine ?? 0) + 1} 个字节附近。");
        var message = field.Equals("receivedAt", StringComparison.OrdinalIgnoreCase)
            ? "时间格式不正确：请用 ISO 8601 并带时区，如 2026-12-07T09:30:00+08:00"
            : "该字段应为文本（带引号的字符串）";
        return Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "工单内容有误，未登记", detail: "请按 errors 中各字段的说明改正后重新提交。");
    }
}
