namespace ScimGateway.Scim;
