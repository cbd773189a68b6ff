namespace ScimGateway.Gateway.Cli;

/// <summary>A command-line error: printed to stderr with a non-zero exit code.</summary>
internal sealed class CommandLineException(string message) : Exception(message);
