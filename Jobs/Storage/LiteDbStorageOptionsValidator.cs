using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ScimGateway.Jobs.Storage;

/// <summary>Validates <see cref="LiteDbStorageOptions"/> at start with messages that name the setting (<c>Jobs:LiteDb:*</c>).</summary>
internal sealed class LiteDbStorageOptionsValidator : IValidateOptions<LiteDbStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, LiteDbStorageOptions options)
    {
        var failures = options.Validate(new ValidationContext(options))
            .Select(r => $"{JobsOptions.LiteDbSection}:{r.MemberNames.FirstOrDefault()}: {r.ErrorMessage}")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
