using System.Linq.Expressions;
using PowerService.Domain.Complaints;
using PowerService.Domain.Privacy;
using PowerService.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace PowerService.Web.Features.Complaints;

/// <summary>
/// What a search term matches, written so every alternative is an index range: prefixes of the
/// complaint number, the customer's name, phone and 户号, and the phone's last four digits (尾号).
/// Only the alternatives a term can be are put in the statement, so the database reads the matching
/// index entries and nothing else, whatever the size of the table. A fragment from the middle of a
/// phone number or a given name alone is not found: at a utility's volume that would be a scan of
/// every complaint, and people search by a full name, a surname, the start or the last four digits.
/// </summary>
public static class ComplaintSearch
{
    /// <summary>Above every character a name, number or phone holds: "x" to "x" + this is every text starting with x.</summary>
    private const string Highest = "\uffff";

    /// <summary>Shorter digit strings than this would match a large share of all phone numbers or 户号.</summary>
    private const int MinDigitsForPrefix = 3;

    public static IQueryable<Complaint> Matching(IQueryable<Complaint> complaints, SearchTerm term)
    {
        var alternatives = Alternatives(term).ToList();
        return alternatives.Count == 0 ? complaints.Where(_ => false) : complaints.Where(AnyOf(alternatives));
    }

    private static IEnumerable<Expression<Func<Complaint, bool>>> Alternatives(SearchTerm term)
    {
        var text = term.Text;
        if (NumberPrefix(text) is { } number) yield return StartsWith(c => c.Number, number);
        var digits = text.Length > 0 && text.All(char.IsAsciiDigit);
        switch (term.Reach)
        {
            case SearchReach.Everything when digits:
                if (text.Length >= MinDigitsForPrefix)
                {
                    yield return StartsWith(c => c.Customer.Phone, text);
                    yield return StartsWith(c => c.Customer.AccountNumber!, text);
                }
                if (text.Length == 4) yield return c => EF.Property<string>(c, ComplaintIndexes.PhoneTail) == text;
                break;
            case SearchReach.Everything:
                // A name (or a landline typed with its dash): from its start.
                yield return StartsWith(c => c.Customer.Name, text);
                yield return StartsWith(c => c.Customer.Phone, text);
                break;
            case SearchReach.NumberOrExactContact:
                if (term.IsPhone) yield return c => c.Customer.Phone == text;
                if (term.IsAccountNumber) yield return c => c.Customer.AccountNumber == text;
                break;
        }
    }

    /// <summary>
    /// The start of a complaint number the term can be: "TS2026…" as typed (any case), or digits
    /// that start a date ("20261123", "2026112300…"), which staff type without the TS.
    /// </summary>
    internal static string? NumberPrefix(string text)
    {
        var upper = text.ToUpperInvariant();
        if (upper.StartsWith(ComplaintNumber.Prefix, StringComparison.Ordinal) && upper.Length <= ComplaintNumber.MaxLength) return upper;
        return upper.Length >= 4 && upper.Length <= ComplaintNumber.MaxLength - ComplaintNumber.Prefix.Length && upper.StartsWith("20", StringComparison.Ordinal) && upper.All(char.IsAsciiDigit)
            ? ComplaintNumber.Prefix + upper
            : null;
    }

    /// <summary>column ≥ prefix and column &lt; prefix + U+FFFF: a range any index on the column serves (LIKE 'x%' is not, on SQLite).</summary>
    private static Expression<Func<Complaint, bool>> StartsWith(Expression<Func<Complaint, string>> column, string prefix)
    {
        var upper = prefix + Highest;
        var c = column.Parameters[0];
        var compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
        // As a captured value, so EF Core sends it as a parameter and caches one statement, not one per term.
        Expression From(string bound) => Expression.Call(compare, column.Body, Expression.Property(Expression.Constant(new Bound(bound)), nameof(Bound.Value)));
        var zero = Expression.Constant(0);
        return Expression.Lambda<Func<Complaint, bool>>(
            Expression.AndAlso(Expression.GreaterThanOrEqual(From(prefix), zero), Expression.LessThan(From(upper), zero)), c);
    }

    /// <summary>
    /// The alternatives joined with OR over one parameter. Hand-written because EF Core has no
    /// predicate builder; each alternative's parameter is swapped for the first one's.
    /// </summary>
    private static Expression<Func<Complaint, bool>> AnyOf(List<Expression<Func<Complaint, bool>>> alternatives)
    {
        var parameter = alternatives[0].Parameters[0];
        var body = alternatives.Skip(1).Aggregate(alternatives[0].Body,
            (joined, next) => Expression.OrElse(joined, new Rebind(next.Parameters[0], parameter).Visit(next.Body)));
        return Expression.Lambda<Func<Complaint, bool>>(body, parameter);
    }

    private sealed record Bound(string Value);

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
