global using System.Net;
global using ScimGateway.Gateway.Tests.Infrastructure;
global using System.Net.Http.Json;
