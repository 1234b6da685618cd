namespace PowerService.Web.Features.Api;

/// <summary>RFC 9457 problem details in Chinese, the one shape every API refusal takes.</summary>
public static class ApiProblems
{
    public static Task Write(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(Problem(status, title, detail), (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }

    public static Microsoft.AspNetCore.Mvc.ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail, Type = "https://tools.ietf.org/html/rfc9110#section-15" };
}
