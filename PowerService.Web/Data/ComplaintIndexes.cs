using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Migrations;
using PowerService.Domain.Complaints;

namespace PowerService.Web.Data;

/// <summary>
/// What the queue and search need stored beyond the aggregate: the phone's last four digits (尾号,
/// how customers and staff name a number on the phone) and the indexes EF Core cannot declare
/// because their columns sit in complex properties.
/// </summary>
public static class ComplaintIndexes
{
    /// <summary>Shadow column: the last four characters of the customer's phone, kept by <see cref="AppDbContext"/> on save.</summary>
    public const string PhoneTail = "CustomerPhoneTail";

    public static string TailOf(string phone) => phone.Length <= 4 ? phone : phone[^4..];

    /// <summary>Sets the phone tail of every complaint being added or changed (anonymising changes the phone too).</summary>
    internal static void RefreshPhoneTails(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries<Complaint>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            var tail = TailOf(entry.Entity.Customer.Phone);
            var property = entry.Property<string>(PhoneTail);
            if (property.CurrentValue != tail) property.CurrentValue = tail;
        }
    }

    /// <summary>Indexes on complex-property columns, the same SQL on SQLite and PostgreSQL.</summary>
    public static readonly (string Name, string Columns)[] ComplexColumnIndexes =
    [
        // The queue's order with every column its filters and scopes test: read without the table.
        ("IX_Complaints_Queue", "\"QueueKey\", \"Stage\", \"Category\", \"Channel\", \"Department\", \"OwnerId\", \"FirstResponderId\", \"NextDueAt\", \"SecondRevisitOpensAt\""),
        // A person's own complaints, in the queue's order, with the columns the filters test (and the
        // department, which tells them apart from the department's own): a filtered page or count of
        // "mine" never visits the table, even when nothing of it matches.
        ("IX_Complaints_OwnerId_QueueKey", "\"OwnerId\", \"QueueKey\", \"Department\", \"Stage\", \"Category\", \"Channel\", \"NextDueAt\", \"SecondRevisitOpensAt\""),
        ("IX_Complaints_FirstResponderId_QueueKey", "\"FirstResponderId\", \"QueueKey\", \"OwnerId\", \"Department\", \"Stage\", \"Category\", \"Channel\", \"NextDueAt\", \"SecondRevisitOpensAt\""),
        ("IX_Complaints_Department_QueueKey", "\"Department\", \"QueueKey\", \"Stage\", \"Category\", \"Channel\", \"NextDueAt\", \"SecondRevisitOpensAt\""),
        ("IX_Complaints_CustomerPhone", "\"CustomerPhone\""),
        ("IX_Complaints_CustomerAccount", "\"CustomerAccount\""),
        ("IX_Complaints_CustomerName", "\"CustomerName\""),
    ];

    public static void CreateComplexColumnIndexes(MigrationBuilder migration)
    {
        foreach (var (name, columns) in ComplexColumnIndexes) migration.Sql($"CREATE INDEX \"{name}\" ON \"Complaints\" ({columns});");
    }

    public static void DropComplexColumnIndexes(MigrationBuilder migration)
    {
        foreach (var (name, _) in ComplexColumnIndexes) migration.Sql($"DROP INDEX \"{name}\";");
    }

    // The key's first two characters in SQL, from the same domain rules QueueOrder.KeyOf uses.
    private static readonly string OpenFlag =
        $"(CASE WHEN \"Stage\" IN ({string.Join(", ", Enum.GetValues<Stage>().Where(st => st.IsOpen()).Select(st => $"'{st}'"))}) THEN '0' ELSE '1' END)";

    private static readonly string UrgencyRank =
        $"(CASE \"Urgency\" {string.Join(" ", Enum.GetValues<Urgency>().Select(u => $"WHEN '{u}' THEN '{QueueOrder.RankOf(u)}'"))} END)";

    /// <summary>
    /// Fills the queue key and the phone tail of complaints stored before they existed, in one
    /// statement, as <see cref="QueueOrder.KeyOf"/> and <see cref="TailOf"/> compute them (a test
    /// holds the two to each other). On SQLite, NextDueAt is EF Core's binary DateTimeOffset: UTC
    /// ticks / 1000, shifted left 11 bits over the offset.
    /// </summary>
    public static string BackfillSql(bool sqlite) => sqlite
        ? $"""
           UPDATE "Complaints" SET
             "QueueKey" = {OpenFlag} || {UrgencyRank}
               || (CASE WHEN "NextDueAt" IS NULL THEN '9999999999' ELSE printf('%010d', ((("NextDueAt" >> 11) * 1000) - 621355968000000000) / 10000000) END)
               || {NumberPartSql(sqlite: true)},
             "CustomerPhoneTail" = substr("CustomerPhone", -4);
           """
        : $"""
           UPDATE "Complaints" SET
             "QueueKey" = {OpenFlag} || {UrgencyRank}
               || COALESCE(lpad(floor(extract(epoch FROM "NextDueAt"))::bigint::text, 10, '0'), '9999999999')
               || {NumberPartSql(sqlite: false)},
             "CustomerPhoneTail" = right("CustomerPhone", 4);
           """;

    /// <summary>The key's number part in SQL, as <see cref="QueueOrder.NumberPart"/> writes it: four-digit numbers as they are, longer ones as date, 9999 and six digits.</summary>
    public static string NumberPartSql(bool sqlite) =>
        $"(CASE WHEN length(\"Number\") <= {ComplaintNumber.MinLength} THEN \"Number\" ELSE substr(\"Number\", 1, 10) || '{QueueOrder.LongSequenceMark}' || "
        + (sqlite ? "substr('000000' || substr(\"Number\", 11), -6)" : "lpad(substr(\"Number\", 11), 6, '0')") + " END)";

    /// <summary>
    /// Re-keys the complaints whose number is longer than four digits (stored when the key held the
    /// number as it is, so a day's five-digit numbers sorted among its four-digit ones). Only those
    /// rows: their ids are read from the number's index, so a database of a million four-digit
    /// complaints is not rewritten.
    /// </summary>
    public static string RekeyLongNumbersSql(bool sqlite) => $"""
        UPDATE "Complaints" SET "QueueKey" = substr("QueueKey", 1, 12) || {NumberPartSql(sqlite)}
        WHERE "Id" IN (SELECT "Id" FROM "Complaints" WHERE length("Number") > {ComplaintNumber.MinLength});
        """;
}
