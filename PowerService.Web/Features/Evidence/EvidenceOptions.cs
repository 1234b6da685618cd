using Microsoft.Extensions.Options;

namespace PowerService.Web.Features.Evidence;

/// <summary>Where new attachments' bytes are kept (README, "Evidence"); each attachment remembers its own store.</summary>
public enum EvidenceStoreKind { Database, Directory }

/// <summary>The <c>Evidence</c> settings.</summary>
public sealed class EvidenceOptions
{
    /// <summary><c>Database</c> (default: one more table, backed up with the rest) or <c>Directory</c> (files named by SHA-256).</summary>
    public EvidenceStoreKind Store { get; set; } = EvidenceStoreKind.Database;

    /// <summary>The folder of the directory store (absolute, or relative to the working directory); required when <see cref="Store"/> is Directory.</summary>
    public string? Directory { get; set; }
}

/// <summary>A directory store without a directory stops the app at start with the reason.</summary>
public sealed class EvidenceOptionsValidation : IValidateOptions<EvidenceOptions>
{
    public ValidateOptionsResult Validate(string? name, EvidenceOptions options) =>
        options.Store == EvidenceStoreKind.Directory && string.IsNullOrWhiteSpace(options.Directory)
            ? ValidateOptionsResult.Fail("Evidence:Directory — Evidence:Store 为 Directory 时须指定证据文件目录")
            : ValidateOptionsResult.Success;
}
