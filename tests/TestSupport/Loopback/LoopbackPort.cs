using System.Net.Sockets;

namespace ScimGateway.TestSupport.Loopback;

/// <summary>Free TCP ports on <c>127.0.0.1</c>, for a process that must be told its port before it starts.</summary>
public static class LoopbackPort
{
    /// <summary>A port the OS just handed out and released; another process could take it first, which is rare enough on loopback.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
