global using System.Net.Http.Json;
global using ScimGateway.Gateway.Tests.Infrastructure;
