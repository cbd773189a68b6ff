global using System.Net;
global using System.Net.Http.Json;
global using ScimGateway.TestSupport;
global using ScimGateway.TestSupport.Clients;
global using ScimGateway.TestSupport.Hosting;
global using ScimGateway.TestSupport.Loopback;
global using ScimGateway.TestSupport.Processes;
global using ScimGateway.TestSupport.PostgreSql;
