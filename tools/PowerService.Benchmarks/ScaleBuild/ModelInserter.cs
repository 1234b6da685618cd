using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace PowerService.Benchmarks.ScaleBuild;

/// <summary>
/// One prepared INSERT for an entity type, its table, columns, value conversions (enum names, JSON
/// columns, SQLite's binary instants) and parameter types all read from the app's EF model: the
/// rows are the ones EF would write, without EF's per-row cost (a command built, prepared and
/// tracked per row; JSON columns serialised again for the change-tracking snapshot).
/// </summary>
/// <remarks>
/// The store-generated key is left to the database (and returned when asked for). Properties EF
/// cannot read from the object — a shadow foreign key, or a value the builder decides — are
/// <c>supplied</c> by name and passed to <see cref="InsertAsync"/> or <see cref="BatchCommand"/> in that order.
/// </remarks>
internal sealed class ModelInserter : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly Column[] _columns;
    private readonly bool _returnsKey;

    private sealed record Column(DbParameter Parameter, RelationalTypeMapping Mapping, bool Nullable, IClrPropertyGetter? Getter, int Supplied);

    public ModelInserter(DbContext db, DbTransaction transaction, Type entity, string[] supplied, bool returnsKey = false)
    {
        var type = db.Model.FindEntityType(entity) ?? throw new ArgumentException($"{entity.Name} is not in the model", nameof(entity));
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var key = type.FindPrimaryKey()!.Properties.Single();
        var properties = type.GetFlattenedProperties().Where(p => !(p == key && p.ValueGenerated.HasFlag(ValueGenerated.OnAdd))).ToList();
        var missing = supplied.Except(properties.Select(p => p.Name)).ToList();
        if (missing.Count > 0) throw new ArgumentException($"{entity.Name} has no mapped {string.Join(", ", missing)}", nameof(supplied));

        _command = db.Database.GetDbConnection().CreateCommand();
        _command.Transaction = transaction;
        _columns = properties.Select((p, i) =>
        {
            var mapping = p.GetRelationalTypeMapping();
            var parameter = mapping.CreateParameter(_command, $"p{i}", null, p.IsNullable);
            _command.Parameters.Add(parameter);
            var index = Array.IndexOf(supplied, p.Name);
            return new Column(parameter, mapping, p.IsNullable, index < 0 ? p.GetGetter() : null, index);
        }).ToArray();
        _returnsKey = returnsKey;
        _command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) " +
            $"VALUES ({string.Join(", ", _columns.Select(c => "@" + c.Parameter.ParameterName))})" +
            (returnsKey ? $" RETURNING {sql.DelimitIdentifier(key.GetColumnName(table)!)}" : "");
        _command.Prepare();
    }

    /// <summary>Inserts one row; returns the generated key when the inserter was made to return it, else 0.</summary>
    public async Task<long> InsertAsync(object entity, params object?[] supplied)
    {
        foreach (var column in _columns)
        {
            var value = ValueOf(column, entity, supplied);
            if (value is not null && column.Mapping.Converter is { } converter) value = converter.ConvertToProvider(value);
            column.Parameter.Value = value ?? DBNull.Value;
        }
        if (!_returnsKey)
        {
            await _command.ExecuteNonQueryAsync();
            return 0;
        }
        return Convert.ToInt64(await _command.ExecuteScalarAsync());
    }

    /// <summary>
    /// The same INSERT for one row as a command of a <see cref="DbBatch"/>, for providers that send a
    /// batch in one round trip (PostgreSQL); each row has its own parameters, made (and converted) by the type mapping.
    /// </summary>
    public DbBatchCommand BatchCommand(DbBatch batch, object entity, params object?[] supplied)
    {
        var command = batch.CreateBatchCommand();
        command.CommandText = _command.CommandText;
        foreach (var column in _columns)
            command.Parameters.Add(column.Mapping.CreateParameter(_command, column.Parameter.ParameterName, ValueOf(column, entity, supplied), column.Nullable));
        return command;
    }

    /// <summary>The row's CLR value for a column: read from the object through EF's getter, or supplied.</summary>
    private static object? ValueOf(Column column, object entity, object?[] supplied) =>
        column.Getter is { } getter ? getter.GetClrValueUsingContainingEntity(entity) : supplied[column.Supplied];

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
