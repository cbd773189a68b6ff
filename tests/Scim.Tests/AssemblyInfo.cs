namespace ScimGateway.Scim.Tests;
