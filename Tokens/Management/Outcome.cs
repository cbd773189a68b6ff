namespace ScimGateway.Tokens.Management;

/// <summary>The result of an operation: a value, or an expected error with a message for the client.</summary>
public readonly record struct Outcome<T>
{
    private Outcome(T? value, ErrorKind? error, string? message)
    {
        Value = value;
        Error = error;
        Message = message;
    }

    /// <summary>The value on success.</summary>
    public T? Value { get; }

    /// <summary>The error kind on failure.</summary>
    public ErrorKind? Error { get; }

    /// <summary>What went wrong, in words a client can show.</summary>
    public string? Message { get; }

    /// <summary>True on success.</summary>
    public bool Succeeded => Error is null;

    /// <summary>A success.</summary>
    public static Outcome<T> Ok(T value) => new(value, null, null);

    /// <summary>A failure.</summary>
    public static Outcome<T> Fail(ErrorKind error, string message) => new(default, error, message);

    /// <summary>Turns a failure of another type into this one.</summary>
    public Outcome<TOther> As<TOther>() => Outcome<TOther>.Fail(Error ?? ErrorKind.BadRequest, Message ?? "");
}
