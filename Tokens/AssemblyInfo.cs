namespace ScimGateway.Tokens;
