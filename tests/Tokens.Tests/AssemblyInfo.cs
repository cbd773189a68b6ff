namespace ScimGateway.Tokens.Tests;
