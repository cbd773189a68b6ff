namespace ScimGateway.Gateway.Cli;

/// <summary>A command that was understood but cannot be carried out (a setting it needs is wrong): printed, exit code 1.</summary>
internal sealed class CommandFailedException(string message, Exception innerException) : Exception(message, innerException);
