namespace ScimGateway.Gateway.Tests;
