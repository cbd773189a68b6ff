namespace ScimGateway.Jobs.Tests;
