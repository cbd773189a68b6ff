namespace ScimGateway.Jobs;
